using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Import-Dataflow: reads every definition, plans every one against the sandbox (reads only), and applies them only
    /// when all could be planned, so a missing reference or a bad file stops the import before any write. Each flow is
    /// then created, updated (only what differs) or left unchanged, one result per flow.
    /// </summary>
    public sealed class ImportDataflowOperation : PlatformOperation
    {
        private const int ProgressActivityId = 13;
        private const string Step = "ImportDataflow";

        private readonly ReferenceMaps _maps;
        private readonly bool _createDisabled;

        /// <param name="createDisabled">-Disabled: a flow created starts no run until enabled; an existing flow keeps its state either way.</param>
        public ImportDataflowOperation(PlatformClient client, ReferenceMaps maps, TimeProvider? clock = null, bool createDisabled = false)
            : base(client, clock)
        {
            _maps = maps;
            _createDisabled = createDisabled;
        }

        /// <summary>
        /// Reads the definition files (each one error when unreadable), then plans and applies them; nothing is applied when
        /// <paramref name="failedEarlier"/> inputs already failed (paths that could not be resolved).
        /// </summary>
        public Task RunAsync(IReadOnlyList<string> paths, int failedEarlier, IOperationHost host)
        {
            var pending = new List<PendingDefinition>();
            var failures = failedEarlier;
            foreach (var path in paths)
            {
                try
                {
                    pending.Add(PendingDefinition.FromFile(DataflowDefinitionJson.Parse(File.ReadAllText(path), path), path));
                }
                catch (Exception ex) when (ex is FlowsAsCodeException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    failures++;
                    host.WriteError(FlowsAsCodeException.ToOperationError(ex, path, Step, null));
                }
            }

            return ApplyAsync(pending, failures, host);
        }

        /// <summary>
        /// Plans every definition, then (when none failed, here or in <paramref name="failedEarlier"/> steps before) applies them.
        /// </summary>
        public async Task ApplyAsync(IReadOnlyList<PendingDefinition> pending, int failedEarlier, IOperationHost host)
        {
            var failures = failedEarlier;
            var planner = new DataflowPlanner(Client, _maps, Clock);
            var plans = new List<(PendingDefinition Pending, DataflowPlan Plan)>();
            var seen = new Dictionary<string, PendingDefinition>(Parts.PartKey.Comparer);
            for (var i = 0; i < pending.Count; i++)
            {
                var item = pending[i];
                host.WriteProgress(new OperationProgress(ProgressActivityId, "Planning dataflows in sandbox " + Client.Settings.Sandbox, item.Definition.Name, 100 * i / pending.Count));
                if (seen.TryGetValue(item.Definition.Name, out var first))
                {
                    failures++;
                    host.WriteError(FlowsAsCodeException.ToOperationError(Duplicate(item, first), item.Target, Step, null));
                    continue;
                }

                seen[item.Definition.Name] = item;
                try
                {
                    plans.Add((item, await planner.PlanAsync(item.Definition, host.Cancellation).ConfigureAwait(false)));
                }
                catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
                {
                    failures++;
                    host.WriteError(FlowsAsCodeException.ToOperationError(ex, item.Target, Step, item.Definition.Name));
                }
            }

            host.WriteProgress(new OperationProgress(ProgressActivityId, "Planning dataflows in sandbox " + Client.Settings.Sandbox, "done", Completed: true));
            if (failures > 0)
            {
                host.WriteWarning("Nothing was applied to sandbox " + Client.Settings.Sandbox + ": " + failures + " of " + (pending.Count + failedEarlier)
                    + " dataflow definitions could not be read or planned (see the errors). Correct them and import again.");
                return;
            }

            var applier = new DataflowApplier(Client, Clock, _createDisabled);
            for (var i = 0; i < plans.Count; i++)
            {
                var (item, plan) = plans[i];
                host.WriteProgress(new OperationProgress(ProgressActivityId, "Applying dataflows to sandbox " + Client.Settings.Sandbox, item.Definition.Name, 100 * i / plans.Count));
                if (plan.Outcome == PartOutcome.Reused)
                {
                    host.WriteVerbose("Dataflow '" + item.Definition.Name + "' already matches " + item.Origin + "; nothing to send.");
                    host.WriteObject(DataflowApplier.Unsent(plan, item.Path, applied: true));
                    continue;
                }

                if (await AskAsync(host, "dataflow '" + item.Definition.Name + "'", plan.Summary).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    host.WriteObject(DataflowApplier.Unsent(plan, item.Path, applied: false));
                    continue;
                }

                await ForInputAsync(host, item.Target, item.Definition.Name, Step, async () =>
                    host.WriteObject(await applier.ApplyAsync(plan, item.Path, host.Cancellation).ConfigureAwait(false))).ConfigureAwait(false);
            }

            host.WriteProgress(new OperationProgress(ProgressActivityId, "Applying dataflows to sandbox " + Client.Settings.Sandbox, "done", Completed: true));
        }

        private static FlowsAsCodeException Duplicate(PendingDefinition item, PendingDefinition first) => new FlowsAsCodeException(
            FlowsAsCodeException.DefinitionDuplicate,
            OperationErrorCategory.InvalidData,
            "The definition from " + item.Origin + " names dataflow '" + item.Definition.Name + "', as the one from " + first.Origin + " already does; a sandbox holds one flow per name.",
            "Import one of them, or rename one.");
    }
}
