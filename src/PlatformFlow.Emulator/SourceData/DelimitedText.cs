using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// A delimited (CSV) file has no types: every value is text until a mapping converts it to its XDM field's type. A file
    /// holding a seeded table's records shows and gives them as text: columns of type <c>string</c>, values as written.
    /// </summary>
    internal static class DelimitedText
    {
        /// <summary>The records of <paramref name="typed"/> as a CSV file holds them; the same rows, so the same documented flaws.</summary>
        public static SourceRecordSet Of(SourceRecordSet typed) =>
            new SourceRecordSet(typed.Table, typed.Records.Select(Row).ToList(), typed.Imperfections);

        /// <summary>Turns an explored description (<c>columns</c>, <c>preview</c>) into a delimited file's: string columns, text values.</summary>
        public static void Describe(JsonObject described)
        {
            foreach (var column in (described["columns"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                column["type"] = "string";
                if (column["xdm"] is JsonObject xdm)
                {
                    xdm["type"] = "string";
                    xdm.Remove("format");
                }
            }

            if (described["preview"] is JsonArray preview)
            {
                described["preview"] = new JsonArray(preview.OfType<JsonObject>().Select(r => (JsonNode)Row(r)).ToArray());
            }
        }

        private static JsonObject Row(JsonObject record)
        {
            var row = new JsonObject();
            foreach (var field in record)
            {
                row[field.Key] = field.Value is null ? null : JsonValue.Create(Text(field.Value));
            }

            return row;
        }

        /// <summary>A value as a CSV writer writes it: numbers without a needless <c>.0</c>, booleans lower case, anything else as JSON.</summary>
        private static string Text(JsonNode value)
        {
            if (value is JsonValue scalar)
            {
                if (scalar.TryGetValue<string>(out var text))
                {
                    return text;
                }

                if (scalar.TryGetValue<bool>(out var flag))
                {
                    return flag ? "true" : "false";
                }

                if (scalar.TryGetValue<double>(out var number))
                {
                    return Math.Floor(number) == number && Math.Abs(number) < 1e15
                        ? ((long)number).ToString(CultureInfo.InvariantCulture)
                        : number.ToString("R", CultureInfo.InvariantCulture);
                }
            }

            return value.ToJsonString();
        }
    }
}
