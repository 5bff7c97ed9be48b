namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// The matching rules, pure and fast: every column against every field by name (the vocabulary's usual names, then
    /// the field's own name), with the table's entity for bare names (<c>Id</c> of <c>Shopify.Orders</c> is an order id),
    /// qualifier and entity words that must agree (<c>Shipping_City</c> is not the home address), the samples' shapes, and
    /// how the values go in (<see cref="FieldConversion"/>). <see cref="Assign"/> then keeps one suggestion per column and
    /// per destination, the most confident first.
    /// </summary>
    public sealed class MappingSuggester
    {
        /// <summary>New-MappingSet -Suggest and Get-MappingSuggestion keep suggestions at or above this by default.</summary>
        public const double DefaultMinimumConfidence = 0.8;

        private const double UsualName = 0.95;
        private const double UsualNameWithFiller = 0.9;
        private const double FieldName = 0.85;
        private const double EmailShape = 0.82;
        private const double Ambiguous = 0.85;

        /// <summary>Leaf names that say nothing alone (<c>number</c> of which phone?): a match on them needs a parent's word too.</summary>
        private static readonly HashSet<string> GenericLeaves = new HashSet<string>(StringComparer.Ordinal) { "id", "val", "value", "number", "address", "name", "type", "status", "label", "primary", "time", "reason", "source", "code" };

        private readonly MappingVocabulary _vocabulary;

        public MappingSuggester(MappingVocabulary? vocabulary = null)
        {
            _vocabulary = vocabulary ?? MappingVocabulary.Standard;
        }

        /// <summary>Every plausible pairing of a column and a field, before <see cref="Assign"/>; calculated ones still to be checked.</summary>
        public List<MappingCandidate> Candidates(IReadOnlyList<ColumnProfile> columns, IReadOnlyList<TargetField> fields, string? tableName = null)
        {
            var tableEntity = TableEntity(tableName);
            var fieldEntities = fields.ToDictionary(f => f, f => new HashSet<string>(f.Words.Select(EntityOf).Where(e => e != null).Select(e => e!), StringComparer.Ordinal));
            var candidates = new List<MappingCandidate>();
            foreach (var column in columns)
            {
                var forColumn = new List<MappingCandidate>();
                var named = Named(column, tableEntity);
                foreach (var field in fields)
                {
                    var entities = fieldEntities[field];
                    if (named.Qualifiers.Any(q => !field.Words.Contains(q)) || (named.Entity != null && entities.Count > 0 && !entities.Contains(named.Entity)))
                    {
                        continue;
                    }

                    var candidate = Match(column, named, field);
                    if (candidate != null)
                    {
                        forColumn.Add(candidate);
                    }
                }

                // Several fields with the same leaf name (city of which address?): none of them is sure.
                var byFieldName = forColumn.Where(c => c.Rule == MatchRule.FieldName).ToList();
                if (byFieldName.Count > 1)
                {
                    byFieldName.ForEach(c => c.Confidence *= Ambiguous);
                }

                candidates.AddRange(forColumn);
            }

            return candidates;
        }

        /// <summary>
        /// The suggestions at or above <paramref name="minimum"/>, most confident first, at most one per column and per
        /// destination (a column already taken by a surer suggestion is not offered twice).
        /// </summary>
        public static List<MappingSuggestion> Assign(IEnumerable<MappingCandidate> candidates, double minimum)
        {
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var destinations = new HashSet<string>(StringComparer.Ordinal);
            var suggestions = new List<MappingSuggestion>();
            foreach (var candidate in candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Column.Name, StringComparer.Ordinal).ThenBy(c => c.Field.Path, StringComparer.Ordinal))
            {
                if (candidate.Confidence < minimum || !columns.Add(candidate.Column.Name))
                {
                    continue;
                }

                if (!destinations.Add(candidate.Field.Path))
                {
                    columns.Remove(candidate.Column.Name);
                    continue;
                }

                suggestions.Add(candidate.ToSuggestion());
            }

            return suggestions;
        }

        private MappingCandidate? Match(ColumnProfile column, ColumnNames named, TargetField field)
        {
            var (rule, score, why) = NameMatch(column, named, field);
            if (rule == MatchRule.None)
            {
                if (field.Kind != FieldKind.Email || column.Samples.Count == 0 || !column.Samples.All(SampleShapes.IsEmail))
                {
                    return null;
                }

                (rule, score, why) = (MatchRule.Shape, EmailShape, "its sample values are email addresses");
            }

            var conversion = FieldConversion.For(column, field);
            if (conversion is null)
            {
                return null;
            }

            var factor = conversion.Expression != null && column.Samples.Count == 0 ? FieldConversion.Unchecked : conversion.Factor;
            _vocabulary.Identities.TryGetValue(field.Path, out var identity);
            return new MappingCandidate(column, field, rule, Math.Round(score * factor, 2), why, conversion, identity);
        }

        private (MatchRule Rule, double Score, string Why) NameMatch(ColumnProfile column, ColumnNames named, TargetField field)
        {
            if (named.UsualFor.Contains(field.Path))
            {
                return (MatchRule.UsualName, UsualName, "'" + column.Name + "' is a usual column name for " + field.Path);
            }

            if (named.UsualWithoutFillerFor.Contains(field.Path))
            {
                return (MatchRule.UsualName, UsualNameWithFiller, "'" + column.Name + "' without its filler words is a usual column name for " + field.Path);
            }

            // The field's own name: every word of the leaf in the column, every word of the column in the path.
            var words = named.ExpandedSet;
            var leafGeneric = field.Leaf.All(GenericLeaves.Contains);
            if (field.Leaf.All(words.Contains) && words.All(field.Words.Contains) && (!leafGeneric || words.Any(w => !field.Leaf.Contains(w))))
            {
                return (MatchRule.FieldName, FieldName, "'" + column.Name + "' names the field " + field.Path);
            }

            return (MatchRule.None, 0, string.Empty);
        }

        private string? EntityOf(string word) => _vocabulary.EntityByWord.TryGetValue(word, out var entity) ? entity : null;

        private string? TableEntity(string? tableName)
        {
            if (string.IsNullOrEmpty(tableName))
            {
                return null;
            }

            var words = ColumnName.Words(tableName!.Substring(tableName.LastIndexOf('.') + 1));
            return words.Select(EntityOf).LastOrDefault(e => e != null);
        }

        private ColumnNames Named(ColumnProfile column, string? tableEntity)
        {
            var words = column.Words.ToList();
            var expanded = _vocabulary.Expand(words);
            var entity = expanded.Select(EntityOf).FirstOrDefault(e => e != null);
            var keys = new List<string> { ColumnName.Key(words), ColumnName.Key(expanded) };

            // A bare Id or Number names the table's entity: Id of Shopify.Orders is the order id.
            if (entity is null && tableEntity != null && expanded.Count == 1 && (expanded[0] == "id" || expanded[0] == "number"))
            {
                var entityWord = tableEntity == "person" ? "customer" : tableEntity;
                keys.Add(entityWord + " " + expanded[0]);
                expanded.Insert(0, entityWord);
            }

            var withoutFiller = expanded.Where(w => !_vocabulary.Noise.Contains(w)).ToList();
            return new ColumnNames
            {
                UsualFor = new HashSet<string>(keys.SelectMany(_vocabulary.DestinationsNamed), StringComparer.Ordinal),
                UsualWithoutFillerFor = withoutFiller.Count > 0 && withoutFiller.Count < expanded.Count
                    ? new HashSet<string>(_vocabulary.DestinationsNamed(ColumnName.Key(withoutFiller)), StringComparer.Ordinal)
                    : new HashSet<string>(StringComparer.Ordinal),
                ExpandedSet = new HashSet<string>(expanded, StringComparer.Ordinal),
                Qualifiers = expanded.Where(_vocabulary.Qualifiers.Contains).ToList(),
                Entity = entity ?? tableEntity,
            };
        }

        private sealed class ColumnNames
        {
            /// <summary>The destinations the column's name is a usual name of.</summary>
            public HashSet<string> UsualFor { get; set; } = new HashSet<string>();

            /// <summary>The same without its filler words.</summary>
            public HashSet<string> UsualWithoutFillerFor { get; set; } = new HashSet<string>();

            public HashSet<string> ExpandedSet { get; set; } = new HashSet<string>();

            public List<string> Qualifiers { get; set; } = new List<string>();

            public string? Entity { get; set; }
        }
    }
}
