using System.Runtime.CompilerServices;
using System.Text.Json;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-MappingSet: Data Prep <c>/mappingSets</c> by id, name or filter. Data Prep filters only on an exact name, so
    /// -Name and -Filter are applied here, still one page at a time.
    /// </summary>
    public sealed class GetMappingSetOperation(PlatformClient client) : ResourceListOperation<MappingSet>(client, "MappingSet")
    {
        protected override Task<MappingSet> GetAsync(string id, CancellationToken cancellationToken) => Client.DataPrep.GetMappingSetAsync(id, null, cancellationToken);

        protected override async IAsyncEnumerable<MappingSet> ListAsync(IReadOnlyList<string> filters, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Parsed before the first request, so a malformed filter sends nothing.
            var conditions = filters.Select(ClientPropertyFilter.Parse).ToList();
            await foreach (var mappingSet in Client.DataPrep.ListMappingSetsAsync(cancellationToken).ConfigureAwait(false))
            {
                var json = conditions.Count == 0 ? null : JsonSerializer.SerializeToNode(mappingSet, PlatformJsonContext.Default.MappingSet);
                if (conditions.All(c => c.Matches(json)))
                {
                    yield return mappingSet;
                }
            }
        }

        protected override string? NameOf(MappingSet item) => item.Name;

        protected override string? NarrowByName(string literal) => null;

        protected override PipelineIds CarriedBy(MappingSet item) =>
            new PipelineIds().With(PipelineIds.MappingSetId, item.Id).With(PipelineIds.MappingSetVersion, item.Version).With(PipelineIds.SchemaId, item.OutputSchema?.SchemaRef.Id);
    }
}
