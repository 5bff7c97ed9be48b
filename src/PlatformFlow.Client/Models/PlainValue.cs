using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Models
{
    /// <summary>Turns JSON into the plain values PowerShell shows and serializes naturally.</summary>
    public static class PlainValue
    {
        public static object? Of(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonObject json:
                    return PropertyBag.From(json);
                case JsonArray array:
                    return array.Select(Of).ToArray();
                default:
                    var scalar = node.AsValue();
                    if (scalar.TryGetValue<JsonElement>(out var element))
                    {
                        return Of(element);
                    }

                    if (scalar.TryGetValue<string>(out var text))
                    {
                        return text;
                    }

                    if (scalar.TryGetValue<bool>(out var flag))
                    {
                        return flag;
                    }

                    if (scalar.TryGetValue<long>(out var whole))
                    {
                        return whole;
                    }

                    return scalar.TryGetValue<double>(out var number) ? number : (object?)scalar.ToJsonString();
            }
        }

        public static object? Of(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var bag = new PropertyBag();
                    foreach (var member in element.EnumerateObject())
                    {
                        bag[member.Name] = Of(member.Value);
                    }

                    return bag;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(Of).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>The longest text a bag or a list gives as a whole (a CSV cell, a list view line), ellipsis included.</summary>
        public const int MaxText = 300;

        /// <summary>The text, cut to <see cref="MaxText"/> characters with an ellipsis when longer.</summary>
        public static string Shorten(string text) => text.Length <= MaxText ? text : text.Substring(0, MaxText - 1) + "…";

        /// <summary>One value as short text: arrays joined with commas, nested bags in braces.</summary>
        public static string Text(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case PropertyBag bag:
                    return "{" + bag + "}";
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable items:
                    return string.Join(", ", items.Cast<object?>().Select(Text));
                default:
                    return value.ToString() ?? string.Empty;
            }
        }
    }
}
