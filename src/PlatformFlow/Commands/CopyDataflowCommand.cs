using System;
using System.Collections.Generic;
using System.Management.Automation;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Copies dataflows to another sandbox or org in one step (export, then import): the same plan, -WhatIf and idempotence as Import-Dataflow.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Copy-Dataflow.md")]
    [OutputType(typeof(DataflowImportResult))]
    public sealed class CopyDataflowCommand : DataflowImportCmdlet
    {
        private readonly List<KeyValuePair<string, object?>> _flows = new List<KeyValuePair<string, object?>>();

        /// <summary>The flow's id in the source sandbox (the -Context one).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The signed-in context of the sandbox to copy the flows to.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public PlatformContext? DestinationContext { get; set; }

        protected override void ProcessRecord() => _flows.Add(new KeyValuePair<string, object?>(Id, Id));

        protected override void BeginProcessing()
        {
            var source = ActiveContext;
            if (source.Sandbox == DestinationContext!.Sandbox && source.OrgId == DestinationContext.OrgId && source.BaseUri == DestinationContext.BaseUri)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Copy-Dataflow would read the flows from sandbox " + source.Sandbox + " and apply them to the same sandbox. Flows are read from -Context"
                        + (Context is null ? " (the current context when omitted)" : string.Empty) + ": give -Context for the sandbox the flows are in."),
                    "DataflowCopyToSameSandbox",
                    ErrorCategory.InvalidArgument,
                    DestinationContext));
            }
        }

        protected override void EndProcessing()
        {
            var operation = new CopyDataflowOperation(ActiveContext.Client, DestinationContext!.Client, Maps());
            Run(host => operation.RunAsync(_flows, host));
        }
    }
}
