using System.Globalization;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>A column and a field that could go together, before one is chosen per column and destination.</summary>
    public sealed class MappingCandidate
    {
        private static readonly HashSet<FieldKind> TextNeedsCheck = new HashSet<FieldKind> { FieldKind.Email, FieldKind.Date, FieldKind.DateTime, FieldKind.Integer, FieldKind.Number };

        internal MappingCandidate(ColumnProfile column, TargetField field, MatchRule rule, double confidence, string why, FieldConversion conversion, string? identity)
        {
            Column = column;
            Field = field;
            Rule = rule;
            Confidence = confidence;
            Why = why;
            Conversion = conversion;
            Identity = identity;
        }

        public ColumnProfile Column { get; }

        public double Confidence { get; internal set; }

        /// <summary>The calculated field (without <c>=</c>); null for the column as it is.</summary>
        public string? Expression => Conversion.Expression;

        /// <summary>
        /// Whether it must be checked on the sample rows before it is proposed: a calculated field, or text going into a
        /// number, a date or an email field as it is.
        /// </summary>
        public bool NeedsCheck => Expression != null || (Column.Family == "string" && TextNeedsCheck.Contains(Field.Kind));

        internal Mapping Mapping => Expression is null ? new Mapping(Column.Name, Field.Path) : new Mapping(Expression, Field.Path, MappingSourceType.Expression);

        public string Destination => Field.Path;

        internal TargetField Field { get; }

        internal MatchRule Rule { get; }

        internal FieldConversion Conversion { get; }

        internal string Why { get; }

        internal string? Identity { get; }

        /// <summary>Set once the calculated field gave a value the field takes on this many sample rows.</summary>
        internal int CheckedRows { get; set; }

        internal MappingSuggestion ToSuggestion()
        {
            var reasons = new List<string> { Why };
            if (Conversion.Note.Length > 0)
            {
                reasons.Add(Conversion.Note);
            }

            if (CheckedRows > 0)
            {
                reasons.Add((Expression != null ? "converted by a calculated field, checked" : "checked") + " on " + CheckedRows.ToString(CultureInfo.InvariantCulture) + " sample rows");
            }

            if (Identity != null)
            {
                reasons.Add("an identity candidate (" + Identity + ")");
            }

            return new MappingSuggestion
            {
                Source = Expression is null ? Column.Name : "=" + Expression,
                Destination = Field.Path,
                Confidence = Confidence,
                Reason = string.Join("; ", reasons),
                Column = Column.Name,
                IdentityNamespace = Identity,
                CheckedRows = CheckedRows,
            };
        }
    }
}
