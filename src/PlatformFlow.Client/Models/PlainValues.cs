using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// A JSON object of the platform as plain .NET values (strings, numbers, booleans, nested bags, object arrays), keys in
    /// the platform's order and matched without regard to case. Scripts read it like a hashtable (<c>$auth.Params.host</c>),
    /// <c>ConvertTo-Json</c> writes it back as the same object, and a CSV cell shows <c>key=value; ...</c>.
    /// </summary>
    public sealed class PropertyBag : OrderedDictionary
    {
        public PropertyBag()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>The bag of a JSON object; null for null.</summary>
        public static PropertyBag? From(JsonObject? json)
        {
            if (json is null)
            {
                return null;
            }

            var bag = new PropertyBag();
            foreach (var member in json)
            {
                bag[member.Key] = PlainValue.Of(member.Value);
            }

            return bag;
        }

        /// <summary>The bag of the members a model did not know (its extension data); null when there were none.</summary>
        public static PropertyBag? From(IDictionary<string, JsonElement>? members)
        {
            if (members is null || members.Count == 0)
            {
                return null;
            }

            var bag = new PropertyBag();
            foreach (var member in members)
            {
                bag[member.Key] = PlainValue.Of(member.Value);
            }

            return bag;
        }

        /// <summary>The bag of a dictionary of string lists (Catalog's tags): each value an array.</summary>
        public static PropertyBag FromLists(IDictionary<string, List<string>> lists)
        {
            var bag = new PropertyBag();
            foreach (var list in lists)
            {
                bag[list.Key] = list.Value.ToArray();
            }

            return bag;
        }

        public override string ToString() =>
            PlainValue.Shorten(string.Join("; ", this.Cast<DictionaryEntry>().Select(e => e.Key + "=" + PlainValue.Text(e.Value))));
    }

    /// <summary>A list the platform returns, printed as its items joined (<c>a, b</c>) instead of a type name in a CSV cell or a list view.</summary>
    public sealed class ValueList<T> : List<T>
    {
        private readonly Func<T, string>? _itemText;

        public ValueList()
        {
        }

        /// <param name="itemText">How an item reads in the joined text, when not as its own text (an activity by its id and status).</param>
        public ValueList(IEnumerable<T> items, Func<T, string>? itemText = null)
            : base(items)
        {
            _itemText = itemText;
        }

        public override string ToString() => PlainValue.Shorten(string.Join(", ", this.Select(item => _itemText is null ? PlainValue.Text(item) : _itemText(item))));
    }

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
