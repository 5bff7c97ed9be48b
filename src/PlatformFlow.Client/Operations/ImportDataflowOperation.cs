using System.IO;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Import-Dataflow: reads every definition, plans every one against the sandbox (reads only), and applies them only
    /// when all could be planned, so a missing reference or a bad file stops the import before any write. Each flow is
    /// then created, updated (only what differs) or left unchanged, one result per flow, in input order.
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

        /// <summary>How many definitions are planned, then applied, at once (-ThrottleLimit); 1 by default.</summary>
        public int ThrottleLimit { get; set; } = 1;

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
        /// Plans every definition, then (when none failed, here or in <paramref name="failedEarlier"/> steps before) applies them,
        /// up to <see cref="ThrottleLimit"/> at once, results and errors in input order. The names of every definition are
        /// asked first, several to a request, so planning asks the platform nothing per flow it has already asked.
        /// </summary>
        public async Task ApplyAsync(IReadOnlyList<PendingDefinition> pending, int failedEarlier, IOperationHost host)
        {
            var failures = failedEarlier;
            var distinct = new List<PendingDefinition>();
            var seen = new Dictionary<string, PendingDefinition>(Parts.PartKey.Comparer);
            foreach (var item in pending)
            {
                if (seen.TryGetValue(item.Definition.Name, out var first))
                {
                    failures++;
                    host.WriteError(FlowsAsCodeException.ToOperationError(Duplicate(item, first), item.Target, Step, null));
                    continue;
                }

                seen[item.Definition.Name] = item;
                distinct.Add(item);
            }

            var planner = new DataflowPlanner(Client, _maps, Clock);
            await planner.PrefetchAsync(distinct.Select(p => p.Definition).ToList(), host.Cancellation).ConfigureAwait(false);
            var plans = new DataflowPlan?[distinct.Count];
            var planned = 0;
            await InputOrder.ForEachAsync(distinct, ThrottleLimit, host, async (item, i, output) =>
            {
                host.WriteProgress(new OperationProgress(ProgressActivityId, "Planning dataflows in sandbox " + Client.Settings.Sandbox, item.Definition.Name, 100 * (Interlocked.Increment(ref planned) - 1) / distinct.Count));
                try
                {
                    plans[i] = await planner.PlanAsync(item.Definition, output.Cancellation).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && output.Cancellation.IsCancellationRequested) && !(ex is OutOfMemoryException))
                {
                    Interlocked.Increment(ref failures);
                    output.WriteError(FlowsAsCodeException.ToOperationError(ex, item.Target, Step, item.Definition.Name));
                }
            }).ConfigureAwait(false);

            host.WriteProgress(new OperationProgress(ProgressActivityId, "Planning dataflows in sandbox " + Client.Settings.Sandbox, "done", Completed: true));
            if (failures > 0)
            {
                host.WriteWarning("Nothing was applied to sandbox " + Client.Settings.Sandbox + ": " + failures + " of " + (pending.Count + failedEarlier)
                    + " dataflow definitions could not be read or planned (see the errors). Correct them and import again.");
                return;
            }

            var applier = new DataflowApplier(Client, Clock, _createDisabled);
            var applied = 0;
            await InputOrder.ForEachAsync(distinct, ThrottleLimit, host, async (item, i, output) =>
            {
                var plan = plans[i]!;
                host.WriteProgress(new OperationProgress(ProgressActivityId, "Applying dataflows to sandbox " + Client.Settings.Sandbox, item.Definition.Name, 100 * (Interlocked.Increment(ref applied) - 1) / distinct.Count));
                if (plan.Outcome == PartOutcome.Reused)
                {
                    output.WriteVerbose("Dataflow '" + item.Definition.Name + "' already matches " + item.Origin + "; nothing to send.");
                    output.WriteObject(DataflowApplier.Unsent(plan, item.Path, applied: true));
                    return;
                }

                if (await AskAsync(output, "dataflow '" + item.Definition.Name + "'", plan.Summary).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    output.WriteObject(DataflowApplier.Unsent(plan, item.Path, applied: false));
                    return;
                }

                await ForInputAsync(output, item.Target, item.Definition.Name, Step, async () =>
                    output.WriteObject(await applier.ApplyAsync(plan, item.Path, output.Cancellation).ConfigureAwait(false))).ConfigureAwait(false);
            }).ConfigureAwait(false);

            host.WriteProgress(new OperationProgress(ProgressActivityId, "Applying dataflows to sandbox " + Client.Settings.Sandbox, "done", Completed: true));
        }

        private static FlowsAsCodeException Duplicate(PendingDefinition item, PendingDefinition first) => new FlowsAsCodeException(
            FlowsAsCodeException.DefinitionDuplicate,
            OperationErrorCategory.InvalidData,
            "The definition from " + item.Origin + " names dataflow '" + item.Definition.Name + "', as the one from " + first.Origin + " already does; a sandbox holds one flow per name.",
            "Import one of them, or rename one.");
    }
}
