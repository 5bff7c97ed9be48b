using System;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Lookup;
using PlatformFlow.Client.Relations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Get-* resource cmdlets: -Name (wildcards), -Filter (the platform's <c>property</c> expressions, ANDed),
    /// and paging (-First, -Skip, -IncludeTotalCount from SupportsPaging). Each cmdlet declares its own -Id and aliases.
    /// </summary>
    public abstract class GetResourceCmdlet : PlatformCmdlet
    {
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

        /// <summary>
        /// A piped object: one of this kind, or one related to it (e.g. a source connection piped to Get-BaseConnection
        /// gets its base connection), or an id as a string.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The kind of object this cmdlet gets.</summary>
        protected abstract ResourceKind Kind { get; }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>Runs the operation for the id given (or -Name when it is an id), or for each object the piped input stands for.</summary>
        protected void RunQuery(string? id, System.Func<ResourceQuery, IOperationHost, System.Threading.Tasks.Task> run)
        {
            if (id is null && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) && ResourceIds.HasIdShape(Kind, Name))
            {
                WriteVerbose("'" + Name + "' has the form of an id, so the " + Kind + " with that id is read.");
                id = Name;
                Name = null;
            }

            ForEachId(Kind, InputObject, id, (host, each) => run(QueryFor(each), host));
        }

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
            var query = CreateQuery(
                id,
                pattern is null ? null : new Func<string, bool>(pattern.IsMatch),
                paging.Skip,
                paging.First,
                paging.IncludeTotalCount ? (count, accuracy) => paging.NewTotalCount((ulong)count, accuracy) : null);
            query.NameIsLiteral = id is null && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name);
            return query;
        }
    }
}
