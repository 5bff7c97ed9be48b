using PlatformFlow.Client.Api;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// A flow's mapping set as a part: it has no name, so its key is its content (output schema and mappings, in any order:
    /// <see cref="DataPrepClient.ContentKey"/>), found through the context's content index; flows that map alike share one.
    /// Mappings are compared exactly (source fields and XDM paths are case-sensitive).
    /// </summary>
    public static class MappingSetPart
    {
        public const string Kind = "mapping set";

        public static string Key(MappingSetRequest request) => DataPrepClient.ContentKey(request.OutputSchema.SchemaRef.Id, request.Mappings);

        /// <summary>What makes a mapping set another one than wanted: its output schema or its mappings (as a set).</summary>
        public static PartDiff Diff(MappingSet existing, MappingSetRequest wanted)
        {
            var diff = new PartDiff();
            if (existing.OutputSchema?.SchemaRef.Id != wanted.OutputSchema.SchemaRef.Id)
            {
                diff.Changed("outputSchema");
            }

            if (DataPrepClient.ContentKey(null, existing.Mappings ?? new List<Mapping>()) != DataPrepClient.ContentKey(null, wanted.Mappings))
            {
                diff.Changed("mappings");
            }

            return diff;
        }

        /// <summary>Create-or-reuse by content: an identical mapping set is reused, else one is created.</summary>
        /// <param name="keyText">How messages name it (the flow, or the schema).</param>
        public static CreateOrReuse<MappingSet> CreateOrReuse(PlatformClient client, MappingSetRequest request, string keyText)
        {
            var key = Key(request);
            var identical = client.DataPrep.Identical;
            return new CreateOrReuse<MappingSet>
            {
                Kind = Kind,
                Key = key,
                KeyText = keyText,
                Find = cancel => identical.FindAsync(key, cancel),
                FindFresh = cancel =>
                {
                    identical.Invalidate();
                    return identical.FindAsync(key, cancel);
                },
                IdOf = existing => existing.Id,
                Create = cancel => client.DataPrep.CreateAndBuildMappingSetAsync(request, cancel),
                Planned = () => new MappingSet { Id = Planned.NewId("mappingSet"), Version = 0, OutputSchema = request.OutputSchema, Mappings = new ValueList<Mapping>(request.Mappings) },
            };
        }
    }
}
