using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>A leaf field of the target schema that a column can be mapped to, with what its values must be.</summary>
    public sealed class TargetField
    {
        private TargetField(string path, JsonObject definition, IReadOnlyList<IReadOnlyList<string>> segments)
        {
            Path = path;
            Type = (string?)definition["type"] ?? "string";
            Format = (string?)definition["format"];
            Pattern = definition["pattern"] is JsonValue pattern ? new Regex((string)pattern!, RegexOptions.CultureInvariant) : null;
            MaxLength = definition["maxLength"] is JsonValue max ? (int?)max.GetValue<int>() : null;
            Enumeration = (definition["enum"] as JsonArray)?.Select(v => (string)v!).ToList();
            Leaf = segments[segments.Count - 1];
            Words = new HashSet<string>(segments.SelectMany(s => s), StringComparer.Ordinal);
            Kind = KindOf(Type, Format, Enumeration, segments);
        }

        public string Path { get; }

        public string Type { get; }

        public string? Format { get; }

        public Regex? Pattern { get; }

        public int? MaxLength { get; }

        public IReadOnlyList<string>? Enumeration { get; }

        public FieldKind Kind { get; }

        /// <summary>The words of the last path segment (<c>postalCode</c> → postal, code).</summary>
        public IReadOnlyList<string> Leaf { get; }

        /// <summary>The words of every segment of the path.</summary>
        public ISet<string> Words { get; }

        /// <summary>
        /// The leaf fields of a resolved schema (read with the full Accept header) that take a column's value: not the system fields
        /// (<c>_id</c>, <c>_repo</c>), and not arrays or maps, whose entries a single column does not fill.
        /// </summary>
        public static List<TargetField> FromSchema(Models.XdmSchema resolved) => FromSchema(resolved.PropertiesJson);

        internal static List<TargetField> FromSchema(JsonObject? properties)
        {
            var fields = new List<TargetField>();
            Walk(properties, string.Empty, new List<IReadOnlyList<string>>(), fields);
            return fields;
        }

        private static void Walk(JsonObject? properties, string prefix, List<IReadOnlyList<string>> segments, List<TargetField> fields)
        {
            foreach (var property in properties ?? new JsonObject())
            {
                if (property.Key.StartsWith("_", StringComparison.Ordinal) || !(property.Value is JsonObject definition)
                    || (string?)definition["type"] == "array" || definition["additionalProperties"] is JsonObject)
                {
                    continue;
                }

                var path = prefix + property.Key;
                segments.Add(ColumnName.Words(property.Key));
                if (definition["properties"] is JsonObject children)
                {
                    Walk(children, path + ".", segments, fields);
                }
                else
                {
                    fields.Add(new TargetField(path, definition, segments.ToList()));
                }

                segments.RemoveAt(segments.Count - 1);
            }
        }

        private static FieldKind KindOf(string type, string? format, IReadOnlyList<string>? enumeration, IReadOnlyList<IReadOnlyList<string>> segments)
        {
            switch (type)
            {
                case "integer": return FieldKind.Integer;
                case "number": return FieldKind.Number;
                case "boolean": return FieldKind.Boolean;
            }

            switch (format)
            {
                case "email": return FieldKind.Email;
                case "date": return FieldKind.Date;
                case "date-time": return FieldKind.DateTime;
            }

            if (enumeration != null)
            {
                return FieldKind.Enumeration;
            }

            // A phone number data type's number (mobilePhone.number, homePhone.number).
            return segments.Count > 1 && segments[segments.Count - 1].SequenceEqual(new[] { "number" }) && segments[segments.Count - 2].Contains("phone")
                ? FieldKind.Phone
                : FieldKind.Text;
        }
    }
}
