using System.Collections;
using System.Collections.Specialized;
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
}
