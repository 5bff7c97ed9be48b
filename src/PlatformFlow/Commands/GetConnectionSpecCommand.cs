using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets connection specs: what each source or destination needs (auth specs) and offers.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConnectionSpec", DefaultParameterSetName = ByNameSet, HelpUri = HelpLinks.Cmdlets + "Get-ConnectionSpec.md")]
    [OutputType(typeof(ConnectionSpec))]
    public sealed class GetConnectionSpecCommand : PlatformCmdlet
    {
        /// <summary>A name, wildcards allowed (e.g. shop*); all specs when omitted.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionSpecNameCompleter))]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [Alias("ConnectionSpecId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string? Id { get; set; }

        /// <summary>A piped base, source or target connection (its connection spec), a connection spec, or a spec id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new GetConnectionSpecOperation(client));
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var name = Name is null ? null : new NameQuery(Name, pattern!.IsMatch, !WildcardPattern.ContainsWildcardCharacters(Name));
            ForEachId(ResourceKind.ConnectionSpec, InputObject, Id, (host, id) => operation.RunAsync(id, name, host));
        }
    }
}
