using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a target connection's name or description (JSON Patch with If-Match). Fails clearly when someone else changed it since it was read; -Force refetches and retries once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TargetConnection", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Set-TargetConnection.md")]
    [OutputType(typeof(TargetConnection))]
    public sealed class SetTargetConnectionCommand : SetResourceCmdlet
    {
        private SetTargetConnectionOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetConnectionId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new SetTargetConnectionOperation(ActiveContext.Client);
            var change = CreateInput(Force.IsPresent);
            Run(host => operation.RunAsync(change, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal ResourceChange CreateInput(bool force) => WithCommonChanges(new ResourceChange(), Id, force);
    }
}
