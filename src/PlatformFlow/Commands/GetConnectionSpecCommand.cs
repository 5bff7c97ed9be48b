using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Completion;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets connection specs: what each source or destination needs (auth specs) and offers.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConnectionSpec", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Cmdlets + "Get-ConnectionSpec.md")]
    [OutputType(typeof(ConnectionSpec))]
    public sealed class GetConnectionSpecCommand : PlatformCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        /// <summary>A name, wildcards allowed (e.g. shop*); all specs when omitted.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionSpecNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionSpecId")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        protected override void ProcessRecord()
        {
            var operation = new GetConnectionSpecOperation(ActiveContext.Client);
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            Run(host => operation.RunAsync(Id, pattern is null ? null : new System.Func<string, bool>(pattern.IsMatch), host));
        }
    }
}
