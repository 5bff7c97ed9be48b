using System;
using System.Management.Automation;
using PlatformFlow.Hosting;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Get-* resource cmdlets: -Name (wildcards), -Filter (the platform's <c>property</c> expressions, ANDed),
    /// and paging (-First, -Skip, -IncludeTotalCount from SupportsPaging). Each cmdlet declares its own -Id and aliases.
    /// </summary>
    public abstract class GetResourceCmdlet : PlatformCmdlet
    {
        protected const string ByNameSet = "ByName";
        protected const string ByIdSet = "ById";
        protected const string ByFilterSet = "ByFilter";

        /// <summary>A name, wildcards allowed (e.g. Shop*); all when omitted.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string? Name { get; set; }

        /// <summary>The platform's property expressions, e.g. 'createdAt>1600000000000' or 'state==enabled'; several are ANDed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFilterSet)]
        [ValidateNotNullOrEmpty]
        public string[] Filter { get; set; } = Array.Empty<string>();

        /// <summary>The page size to ask of the platform, where the service takes one; its default when null.</summary>
        protected virtual int? RequestedPageSize => null;

        /// <summary>
        /// The operation's query from the bound parameters. No PowerShell calls: the name matcher, paging values and the
        /// total-count factory come in as plain values, so tests use it directly.
        /// </summary>
        internal ResourceQuery CreateQuery(string? id, Func<string, bool>? nameMatches, ulong skip, ulong first, Func<long, double, object>? totalCount) => new ResourceQuery
        {
            Id = id,
            Name = Name,
            NameMatches = Name is null ? null : nameMatches,
            Filters = Filter,
            Skip = (long)Math.Min(skip, long.MaxValue),
            First = first == ulong.MaxValue ? (long?)null : (long)Math.Min(first, long.MaxValue),
            PageSize = RequestedPageSize,
            TotalCount = totalCount,
            Target = id ?? Name,
        };

        /// <summary>The query for this invocation: -Name as a case-insensitive WildcardPattern, the paging parameters.</summary>
        protected ResourceQuery QueryFor(string? id)
        {
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var paging = PagingParameters;
            return CreateQuery(
                id,
                pattern is null ? null : new Func<string, bool>(pattern.IsMatch),
                paging.Skip,
                paging.First,
                paging.IncludeTotalCount ? (count, accuracy) => paging.NewTotalCount((ulong)count, accuracy) : null);
        }
    }

    /// <summary>Base of the Get-* cmdlets over Flow Service lists, which take a page size (-PageSize).</summary>
    public abstract class GetFlowServiceResourceCmdlet : GetResourceCmdlet
    {
        /// <summary>Items per page asked of the platform (1 to 1000; the platform's default when omitted). -First stops paging early.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override int? RequestedPageSize => PageSize;
    }
}
