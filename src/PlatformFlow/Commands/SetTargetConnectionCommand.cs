using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a target connection's name or description (JSON Patch with If-Match). Fails clearly when someone else changed it since it was read; -Force refetches and retries once. Writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TargetConnection", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Set-TargetConnection.md")]
    [OutputType(typeof(TargetConnection))]
    public sealed class SetTargetConnectionCommand : SetResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("TargetConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        protected override ResourceKind Kind => ResourceKind.TargetConnection;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new SetTargetConnectionOperation(client));
            ForEachId(Kind, InputObject, Id, (host, id) => operation.RunAsync(CreateInput(Force.IsPresent, id), host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        /// <param name="id">The id to change; -Id when null.</param>
        internal ResourceChange CreateInput(bool force, string? id = null) => WithCommonChanges(new ResourceChange(), id ?? Id, force);
    }
}
