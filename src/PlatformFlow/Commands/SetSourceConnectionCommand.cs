using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a source connection's name or description (JSON Patch with If-Match). Fails clearly when someone else changed it since it was read; -Force refetches and retries once. Writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SourceConnection", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Set-SourceConnection.md")]
    [OutputType(typeof(SourceConnection))]
    public sealed class SetSourceConnectionCommand : SetResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("SourceConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.SourceConnection;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new SetSourceConnectionOperation(client));
            ForEachId(Kind, InputObject, Id, (host, id) => operation.RunAsync(CreateInput(Force.IsPresent, id), host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="id">The id to change; -Id when null.</param>
        internal ResourceChange CreateInput(bool force, string? id = null) => WithCommonChanges(new ResourceChange(), id ?? Id, force);
    }
}
