using System.Text.Json.Nodes;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// The suggestions for a source and schema: the schema's fields read once (resolved), the rules
    /// (<see cref="MappingSuggester"/>), then every calculated field checked on every sample row through the platform's own
    /// <c>POST /mappingSets/preview</c> (the client never runs Data Prep itself): a calculated field that fails on a row, or
    /// gives a value the field does not take, is not proposed.
    /// </summary>
    internal static class SuggestionRun
    {
        public static async Task<List<MappingSuggestion>> SuggestAsync(PlatformClient client, SuggestionSource source, double minimum, MappingVocabulary vocabulary, CancellationToken cancellationToken)
        {
            var schema = await client.SchemaRegistry.GetSchemaAsync(source.SchemaId, resolved: true, cancellationToken).ConfigureAwait(false);
            var fields = TargetField.FromSchema(schema);
            var columns = ColumnProfile.FromRows(source.Columns.Select(c => (c.Name, (string?)c.Type)), source.Rows);
            var candidates = new MappingSuggester(vocabulary).Candidates(columns, fields, source.TableName);
            var toCheck = candidates.Where(c => c.NeedsCheck && c.Column.Samples.Count > 0 && c.Confidence >= minimum).ToList();
            var failed = new HashSet<MappingCandidate>();
            foreach (var batch in DistinctDestinations(toCheck))
            {
                failed.UnionWith(await FailingAsync(client, source, batch, cancellationToken).ConfigureAwait(false));
            }

            return MappingSuggester.Assign(candidates.Where(c => !failed.Contains(c)), minimum);
        }

        /// <summary>Groups in which no destination comes twice: one preview request each.</summary>
        private static IEnumerable<List<MappingCandidate>> DistinctDestinations(IEnumerable<MappingCandidate> candidates)
        {
            var batches = new List<List<MappingCandidate>>();
            foreach (var candidate in candidates)
            {
                var batch = batches.FirstOrDefault(b => b.All(c => c.Destination != candidate.Destination));
                if (batch is null)
                {
                    batches.Add(batch = new List<MappingCandidate>());
                }

                batch.Add(candidate);
            }

            return batches;
        }

        private static async Task<IEnumerable<MappingCandidate>> FailingAsync(PlatformClient client, SuggestionSource source, List<MappingCandidate> batch, CancellationToken cancellationToken)
        {
            var mappings = batch.Select(c => c.Mapping).ToList();
            var request = MappingSetChecks.Request(source.SchemaId, mappings, source.Columns);
            var answer = await client.DataPrep.PreviewMappingSetAsync(request, source.Rows, cancellationToken).ConfigureAwait(false);
            var records = (answer["data"] as JsonArray ?? new JsonArray()).ToList();
            var failing = new HashSet<string>(MappingSetChecks.Errors(answer).Select(e => e.Mapping), StringComparer.Ordinal);
            var failed = new List<MappingCandidate>();
            foreach (var (candidate, mapping) in batch.Zip(mappings, (c, m) => (c, m)))
            {
                var rows = Enumerable.Range(0, source.Rows.Count).Where(r => HasValue(source.Rows[r], candidate.Column.Name)).ToList();
                var fits = !failing.Contains(mapping.ToString()) && records.Count == source.Rows.Count
                    && rows.All(r => SampleShapes.Fits(candidate.Field, ValueAt(records[r] as JsonObject, candidate.Destination)));
                if (fits && rows.Count > 0)
                {
                    candidate.CheckedRows = rows.Count;
                }
                else
                {
                    failed.Add(candidate);
                }
            }

            return failed;
        }

        private static bool HasValue(JsonObject row, string column) =>
            row.TryGetPropertyValue(column, out var value) && value is JsonValue scalar && !(scalar.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text));

        private static JsonNode? ValueAt(JsonObject? record, string path)
        {
            JsonNode? current = record;
            foreach (var segment in path.Split('.'))
            {
                current = (current as JsonObject)?[segment];
            }

            return current;
        }
    }
}
