using PlatformFlow.Client.Api;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Remove-Dataflow: the flow; with IncludeConnections then its source and target connections that no other flow uses,
    /// then the base connections of those sources that no remaining source connection uses — the order the platform's
    /// delete rules need.
    /// </summary>
    public sealed class RemoveDataflowOperation(PlatformClient client) : RemovalOperation<DataflowRemoval>(client, "RemoveDataflow")
    {
        protected override async Task<IReadOnlyList<RemovalStep>> PlanStepsAsync(DataflowRemoval input, IOperationHost host)
        {
            var cancellationToken = host.Cancellation;
            var service = Client.FlowService;
            var flow = await GetByIdAsync("Dataflow", input.Id, () => service.Flows.GetAsync(input.Id, cancellationToken)).ConfigureAwait(false);
            var steps = new List<RemovalStep> { StepFor("Dataflow", service.Flows, flow) };
            if (!input.IncludeConnections)
            {
                return steps;
            }

            var sharedSources = await UsedByOtherFlowsAsync(flow, "sourceConnectionIds", flow.SourceConnectionIds, f => f.SourceConnectionIds, cancellationToken).ConfigureAwait(false);
            var sharedTargets = await UsedByOtherFlowsAsync(flow, "targetConnectionIds", flow.TargetConnectionIds, f => f.TargetConnectionIds, cancellationToken).ConfigureAwait(false);
            Explain(host, flow, "source connection", sharedSources);
            Explain(host, flow, "target connection", sharedTargets);
            var removedSources = new List<SourceConnection>();
            foreach (var id in flow.SourceConnectionIds.Distinct().Where(id => !sharedSources.Contains(id)))
            {
                var source = await service.SourceConnections.GetAsync(id, cancellationToken).ConfigureAwait(false);
                removedSources.Add(source);
                steps.Add(StepFor("SourceConnection", service.SourceConnections, source));
            }

            foreach (var id in flow.TargetConnectionIds.Distinct().Where(id => !sharedTargets.Contains(id)))
            {
                steps.Add(StepFor("TargetConnection", service.TargetConnections, await service.TargetConnections.GetAsync(id, cancellationToken).ConfigureAwait(false)));
            }

            var removedSourceIds = new HashSet<string>(removedSources.Select(s => s.Id), StringComparer.Ordinal);
            foreach (var baseId in removedSources.Select(s => s.BaseConnectionId).Where(id => !string.IsNullOrEmpty(id)).Distinct())
            {
                if (!await UsedByOtherSourcesAsync(baseId!, removedSourceIds, cancellationToken).ConfigureAwait(false))
                {
                    steps.Add(StepFor("BaseConnection", service.BaseConnections, await service.BaseConnections.GetAsync(baseId!, cancellationToken).ConfigureAwait(false)));
                }
                else
                {
                    host.WriteVerbose("Keeping base connection " + baseId + ": other source connections still use it.");
                }
            }

            return steps;
        }

        private static void Explain(IOperationHost host, Dataflow flow, string part, IEnumerable<string> shared)
        {
            foreach (var id in shared)
            {
                host.WriteVerbose("Keeping " + part + " " + id + " of flow '" + flow.Name + "': another flow uses it too.");
            }
        }

        /// <summary>Which of <paramref name="ids"/> another flow also uses (<c>property=sourceConnectionIds[]==a,b</c>).</summary>
        private async Task<HashSet<string>> UsedByOtherFlowsAsync(Dataflow flow, string member, IReadOnlyList<string> ids, Func<Dataflow, IEnumerable<string>> idsOf, CancellationToken cancellationToken)
        {
            var shared = new HashSet<string>(StringComparer.Ordinal);
            if (ids.Count == 0)
            {
                return shared;
            }

            var query = ListQuery.Where(member + "[]==" + string.Join(",", ids.Distinct()));
            await foreach (var other in Client.FlowService.Flows.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (other.Id != flow.Id)
                {
                    shared.UnionWith(idsOf(other).Where(ids.Contains));
                }
            }

            return shared;
        }

        private async Task<bool> UsedByOtherSourcesAsync(string baseConnectionId, ISet<string> removedSourceIds, CancellationToken cancellationToken)
        {
            var query = ListQuery.Where("baseConnectionId==" + baseConnectionId);
            await foreach (var source in Client.FlowService.SourceConnections.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (!removedSourceIds.Contains(source.Id))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
