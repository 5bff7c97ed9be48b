using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-FlowSpec: by name (<c>GET /flowSpecs?property=name=="CRMToAEP"</c>), by id, or — in a flow pipeline with neither —
    /// the one flow spec that accepts the source's connection spec. Passes the pipeline's ids on with <c>FlowSpecId</c>.
    /// </summary>
    public sealed class GetFlowSpecOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(FlowSpecQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.Name ?? query.Id, query.Carried[PipelineIds.FlowName], "GetFlowSpec", async () =>
            {
                var cancellation = host.Cancellation;
                if (query.Id != null)
                {
                    Emit(host, query, await Client.FlowService.GetFlowSpecAsync(query.Id, cancellation).ConfigureAwait(false));
                }
                else if (query.Name != null)
                {
                    Emit(host, query, await Client.FlowService.FindFlowSpecByNameAsync(query.Name, cancellation).ConfigureAwait(false)
                        ?? throw new ResourceNotFoundException("FlowSpec", "flow spec", query.Name, await NamesAsync(cancellation).ConfigureAwait(false), "run " + CmdletTerms.ListFlowSpecs));
                }
                else if (query.ConnectionSpecId != null)
                {
                    var accepting = await Client.FlowService.FindFlowSpecsForAsync(query.ConnectionSpecId, null, cancellation).ConfigureAwait(false);
                    var matches = MappingOnesWhenMapped(await OfTheSourceFamilyAsync(accepting, query.ConnectionSpecId, host).ConfigureAwait(false), query.Carried);
                    switch (matches.Count)
                    {
                        case 0:
                            throw new PlatformValidationException("flow spec", "no flow spec accepts sources of connection spec " + query.ConnectionSpecId);
                        case 1:
                            host.WriteVerbose("Picked flow spec " + matches[0].Name + " (" + matches[0].Id + "): the only one that accepts sources of connection spec " + query.ConnectionSpecId + ".");
                            Emit(host, query, matches[0]);
                            break;
                        default:
                            throw new PlatformValidationException("flow spec", "several flow specs accept sources of connection spec " + query.ConnectionSpecId
                                + " (" + string.Join(", ", matches.Select(m => m.Name)) + "); choose one with " + CmdletTerms.Name);
                    }
                }
                else
                {
                    await foreach (var spec in Client.FlowService.ListFlowSpecsAsync(null, cancellation).ConfigureAwait(false))
                    {
                        Emit(host, query, spec);
                    }
                }
            });

        private async Task<List<string>> NamesAsync(System.Threading.CancellationToken cancellation)
        {
            var names = new List<string>();
            await foreach (var spec in Client.FlowService.ListFlowSpecsAsync(null, cancellation).ConfigureAwait(false))
            {
                names.Add(spec.Name);
            }

            return names;
        }

        /// <summary>
        /// Of several flow specs for a source, the one made for its family: the one flow spec most of whose accepted sources
        /// (those the catalogue has) are of the source's own kind (<c>sourceSpec.type</c>, e.g. <c>CloudStorage</c>). Azure
        /// Blob is listed by CRMToAEP (as the platform's tutorial publishes it) and by CloudStorageToAEP: its files go to
        /// CloudStorageToAEP. All of them when no single one is (the HTTP API's two streaming specs list the same sources).
        /// </summary>
        private async Task<IReadOnlyList<FlowSpec>> OfTheSourceFamilyAsync(IReadOnlyList<FlowSpec> matches, string connectionSpecId, IOperationHost host)
        {
            if (matches.Count < 2)
            {
                return matches;
            }

            var kinds = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            await foreach (var spec in Client.FlowService.ListConnectionSpecsAsync(null, host.Cancellation).ConfigureAwait(false))
            {
                kinds[spec.Id] = spec.SourceSpecJson?["type"] is JsonValue type && type.TryGetValue<string>(out var text) ? text : null;
            }

            if (!kinds.TryGetValue(connectionSpecId, out var kind) || kind is null)
            {
                return matches;
            }

            double ShareOfKind(FlowSpec flowSpec)
            {
                var known = flowSpec.SourceConnectionSpecIds.Where(kinds.ContainsKey).ToList();
                return known.Count == 0 ? 0 : known.Count(id => string.Equals(kinds[id], kind, StringComparison.OrdinalIgnoreCase)) / (double)known.Count;
            }

            var shares = matches.ToDictionary(m => m, ShareOfKind);
            var most = shares.Values.Max();
            var family = matches.Where(m => shares[m] == most).ToList();
            if (family.Count != 1 || most <= 0.5)
            {
                return matches;
            }

            host.WriteVerbose("Flow specs " + string.Join(", ", matches.Select(m => m.Name)) + " accept connection spec " + connectionSpecId + "; " + family[0].Name
                + " is the one made for " + kind + " sources (most of the sources it accepts are).");
            return family;
        }

        /// <summary>
        /// Of several flow specs for a source (HTTP API streaming has one with a mapping and one without), the one that maps
        /// when the pipeline brings a mapping set and only one of them takes a Mapping transformation.
        /// </summary>
        private static IReadOnlyList<FlowSpec> MappingOnesWhenMapped(IReadOnlyList<FlowSpec> matches, PipelineIds carried)
        {
            if (matches.Count < 2 || carried[PipelineIds.MappingSetId] is null)
            {
                return matches;
            }

            var mapping = matches.Where(m => m.FindTransformation("Mapping") != null).ToList();
            return mapping.Count == 1 ? mapping : matches;
        }

        private static void Emit(IOperationHost host, FlowSpecQuery query, FlowSpec spec)
        {
            var ids = query.FromPipeline ? query.Carried.With(PipelineIds.FlowSpecId, spec.Id) : new PipelineIds().With(PipelineIds.FlowSpecId, spec.Id);
            host.WriteObject(spec, ids.PropertiesFor(spec));
        }
    }
}
