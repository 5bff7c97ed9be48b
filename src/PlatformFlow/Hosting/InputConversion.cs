using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Hosting
{
    /// <summary>Turns what users type or pipe (strings, CSV cells, hashtables, objects) into columns and mappings.</summary>
    internal static class InputConversion
    {
        private static readonly char[] ListSeparators = { ';', ',' };

        /// <summary>
        /// Columns from: names (<c>Email</c>, or <c>Email:string</c> with a type), one CSV cell listing several
        /// (<c>"Email;Phone"</c> or <c>"Email,Phone"</c>), or objects with Name and Type (Get-SourceTable's columns).
        /// </summary>
        public static IReadOnlyList<SourceColumn> Columns(object[]? values)
        {
            var columns = new List<SourceColumn>();
            foreach (var value in values ?? Array.Empty<object>())
            {
                switch (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value)
                {
                    case null:
                        break;
                    case SourceColumn column:
                        columns.Add(column);
                        break;
                    case string text:
                        foreach (var part in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0))
                        {
                            var colon = part.IndexOf(':');
                            columns.Add(colon < 0 ? new SourceColumn { Name = part } : new SourceColumn(part.Substring(0, colon).Trim(), part.Substring(colon + 1).Trim()));
                        }

                        break;
                    case PSObject item:
                        var name = PipelineObjects.ValueOf(item, "Name") as string
                            ?? throw new ArgumentException("A column object needs a Name property.");
                        columns.Add(new SourceColumn { Name = name, Type = PipelineObjects.ValueOf(item, "Type") as string });
                        break;
                    default:
                        throw new ArgumentException("Cannot use a " + value.GetType().Name + " as a column; give names or objects with Name and Type.");
                }
            }

            return columns;
        }

        /// <summary>
        /// Auth parameters as the client sends them: a <see cref="PSCredential"/> becomes its password (a SecureString,
        /// revealed only when sent and never shown), so <c>accessToken = $credential</c> sends the token, not a type name.
        /// An object (<c>[pscustomobject]</c>) becomes a JSON object, as a hashtable does, so the spec's schema refuses it
        /// where a string (a secret) goes instead of it being sent as an empty string.
        /// </summary>
        public static IDictionary? AuthParameters(IDictionary? parameters)
        {
            if (parameters is null)
            {
                return null;
            }

            var converted = new Hashtable();
            foreach (DictionaryEntry entry in parameters)
            {
                converted[PipelineObjects.Unwrap(entry.Key)!] = SecretOrValue(entry.Value);
            }

            return converted;
        }

        private static object? SecretOrValue(object? value)
        {
            if (value is PSObject { BaseObject: PSCustomObject } custom)
            {
                var properties = new Hashtable();
                foreach (var property in custom.Properties)
                {
                    properties[property.Name] = SecretOrValue(property.Value);
                }

                return properties;
            }

            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case PSCredential credential:
                    return credential.Password;
                case IDictionary dictionary:
                    return AuthParameters(dictionary);
                case string text:
                    return text;
                case IEnumerable items:
                    return items.Cast<object?>().Select(SecretOrValue).ToArray();
                case var plain:
                    return plain;
            }
        }

        /// <summary>
        /// Mappings from: hashtables of source = destination; hashtables or objects describing one mapping (SourceType,
        /// Source, Destination — or the older sourceAttribute, destinationXdmPath); Mapping objects.
        /// </summary>
        public static IReadOnlyList<Mapping> Mappings(object[]? values)
        {
            var mappings = new List<Mapping>();
            foreach (var value in values ?? Array.Empty<object>())
            {
                switch (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value)
                {
                    case null:
                        break;
                    case Mapping mapping:
                        mappings.Add(mapping);
                        break;
                    case IDictionary dictionary when DescribesOneMapping(dictionary.Keys.Cast<object>().Select(k => k.ToString() ?? string.Empty)):
                        mappings.Add(OneMapping(key => FindIgnoringCase(dictionary, key)));
                        break;
                    case IDictionary dictionary:
                        foreach (DictionaryEntry entry in dictionary)
                        {
                            mappings.Add(Mapping.FromPair(
                                Convert.ToString(PipelineObjects.Unwrap(entry.Key)) ?? string.Empty,
                                Convert.ToString(PipelineObjects.Unwrap(entry.Value)) ?? string.Empty));
                        }

                        break;
                    case PSObject item:
                        mappings.Add(OneMapping(key => PipelineObjects.ValueOf(item, key)?.ToString()));
                        break;
                    default:
                        throw new ArgumentException("Cannot use a " + value.GetType().Name + " as a mapping; give @{ Source = 'destination.path' } or objects with Source and Destination.");
                }
            }

            return mappings;
        }

        /// <summary>Sample rows (hashtables, objects such as Import-Csv rows, or JSON objects) as the JSON objects Data Prep previews.</summary>
        public static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Rows(object[]? values) =>
            (values ?? Array.Empty<object>()).Where(v => v != null).Select(v => Row(v) ?? throw new ArgumentException(
                "Cannot use a " + (v is PSObject p ? p.BaseObject : v).GetType().Name + " as a sample row; give hashtables or objects with one property per source column.")).ToList();

        private static System.Text.Json.Nodes.JsonObject? Row(object value) => RowValue(value) as System.Text.Json.Nodes.JsonObject;

        private static System.Text.Json.Nodes.JsonNode? RowValue(object? value)
        {
            switch (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value)
            {
                case null:
                    return null;
                case System.Text.Json.Nodes.JsonNode node:
                    return node.DeepClone();
                case string text:
                    return System.Text.Json.Nodes.JsonValue.Create(text);
                case bool flag:
                    return System.Text.Json.Nodes.JsonValue.Create(flag);
                case int _:
                case long _:
                case short _:
                case byte _:
                    return System.Text.Json.Nodes.JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                case double _:
                case float _:
                case decimal _:
                    return System.Text.Json.Nodes.JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                case DateTime date:
                    return System.Text.Json.Nodes.JsonValue.Create(date.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                case DateTimeOffset date:
                    return System.Text.Json.Nodes.JsonValue.Create(date.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                case IDictionary dictionary:
                    var fromDictionary = new System.Text.Json.Nodes.JsonObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        fromDictionary[Convert.ToString(PipelineObjects.Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = RowValue(entry.Value);
                    }

                    return fromDictionary;
                case PSObject item:
                    var fromObject = new System.Text.Json.Nodes.JsonObject();
                    foreach (var property in item.Properties)
                    {
                        fromObject[property.Name] = RowValue(PipelineObjects.ValueOf(item, property.Name));
                    }

                    return fromObject;
                case IEnumerable items:
                    return new System.Text.Json.Nodes.JsonArray(items.Cast<object?>().Select(RowValue).ToArray());
                default:
                    return System.Text.Json.Nodes.JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        private static bool DescribesOneMapping(IEnumerable<string> keys) =>
            keys.Any(k => k.Equals("destination", StringComparison.OrdinalIgnoreCase) || k.Equals("destinationXdmPath", StringComparison.OrdinalIgnoreCase));

        private static string? FindIgnoringCase(IDictionary dictionary, string key)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    return PipelineObjects.Unwrap(entry.Value)?.ToString();
                }
            }

            return null;
        }

        private static Mapping OneMapping(Func<string, string?> field)
        {
            var source = field("Source") ?? field("sourceAttribute");
            var destination = field("Destination") ?? field("destinationXdmPath");
            if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(destination))
            {
                throw new ArgumentException("Each mapping needs a Source (or sourceAttribute) and a Destination (or destinationXdmPath).");
            }

            return new Mapping(source!, destination!, (field("SourceType") ?? MappingSourceType.Attribute).ToUpperInvariant());
        }
    }
}
