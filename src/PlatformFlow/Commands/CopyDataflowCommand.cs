using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Relations;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Copies dataflows to another sandbox or org in one step (export, then import): the same plan, -WhatIf and idempotence as Import-Dataflow.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Copy-Dataflow.md")]
    [OutputType(typeof(DataflowImportResult))]
    public sealed class CopyDataflowCommand : DataflowImportCmdlet
    {
        private readonly List<KeyValuePair<string, object?>> _flows = new List<KeyValuePair<string, object?>>();
        private PlatformContext? _source;

        /// <summary>The flow's id in the source sandbox (the -Context one).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        /// <summary>A piped flow (or anything that stands for one: a run, an id as a string), copied from the context it was read through.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The signed-in context of the sandbox to copy the flows to.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public PlatformContext? DestinationContext { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var source = ActiveContext;
            if (_source is null)
            {
                RefuseTheSameSandbox(source);
                _source = source;
            }
            else if (!ReferenceEquals(source, _source))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Copy-Dataflow copies from one sandbox at a time: the piped flows were read through " + _source + " and " + source + ". Copy each sandbox's flows with its own Copy-Dataflow."),
                    "DataflowCopyFromSeveralSandboxes",
                    ErrorCategory.InvalidArgument,
                    InputObject));
            }

            var target = (object?)InputObject ?? Id;
            ForEachId(ResourceKind.Dataflow, InputObject, Id, (host, id) =>
            {
                lock (_flows)
                {
                    _flows.Add(new KeyValuePair<string, object?>(id, target));
                }

                return Task.CompletedTask;
            });
        }

        private void RefuseTheSameSandbox(PlatformContext source)
        {
            if (source.Sandbox == DestinationContext!.Sandbox && source.OrgId == DestinationContext.OrgId && source.BaseUri == DestinationContext.BaseUri)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Copy-Dataflow would read the flows from sandbox " + source.Sandbox + " and apply them to the same sandbox. Flows are read through the context they were read through, else -Context"
                        + (Context is null ? " (the current context when omitted)" : string.Empty) + ": pipe flows read in the source sandbox, or give -Context for it."),
                    "DataflowCopyToSameSandbox",
                    ErrorCategory.InvalidArgument,
                    DestinationContext));
            }
        }

        protected override void EndProcessing()
        {
            if (_source is null)
            {
                return;
            }

            var operation = new CopyDataflowOperation(_source.Client, DestinationContext!.Client, Maps(), Disabled.IsPresent) { ThrottleLimit = ThrottleLimit };
            Run(host => operation.RunAsync(_flows, host));
        }
    }
}
