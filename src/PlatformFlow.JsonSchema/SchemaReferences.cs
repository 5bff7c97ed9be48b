using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>Follows local "$ref"s ("#", "#/definitions/item") within the schema being evaluated.</summary>
    internal sealed class SchemaReferences
    {
        private const string Keyword = "$ref";

        private readonly JsonNode? root;

        // The targets being evaluated at each instance location. Meeting one again means the references loop
        // without descending into the instance, which would never end.
        private readonly HashSet<(JsonNode? Target, string InstancePointer)> inProgress = new HashSet<(JsonNode?, string)>();

        public SchemaReferences(JsonNode? root)
        {
            this.root = root;
        }

        public T Follow<T>(JsonNode? reference, InstanceLocation location, Func<JsonNode?, T> evaluate)
        {
            var target = Resolve(reference);
            var visit = (target, location.Pointer);
            if (!inProgress.Add(visit))
            {
                throw new ArgumentException("The schema's " + Keyword + " '" + reference + "' refers back to itself without descending into the instance.", "schema");
            }

            try
            {
                return evaluate(target);
            }
            finally
            {
                inProgress.Remove(visit);
            }
        }

        private JsonNode? Resolve(JsonNode? reference)
        {
            if (!JsonValues.TryGetString(reference, out var text))
            {
                throw SchemaKeywords.Invalid(Keyword, "a string");
            }

            if (!text.StartsWith("#", StringComparison.Ordinal))
            {
                throw SchemaKeywords.Invalid(Keyword, "a reference within the same schema (starting with '#'), not '" + text + "'");
            }

            // The fragment is a percent-encoded JSON Pointer (RFC 6901 section 6).
            var pointer = Uri.UnescapeDataString(text.Substring(1));
            if (pointer.Length == 0)
            {
                return root;
            }

            if (pointer[0] != '/')
            {
                throw SchemaKeywords.Invalid(Keyword, "a JSON Pointer fragment such as '#/definitions/name', not '" + text + "'");
            }

            var current = root;
            foreach (var escaped in pointer.Substring(1).Split('/'))
            {
                var token = escaped.Replace("~1", "/").Replace("~0", "~");
                current = current switch
                {
                    JsonObject members when members.TryGetPropertyValue(token, out var member) => member,
                    JsonArray items when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < items.Count => items[index],
                    _ => throw SchemaKeywords.Invalid(Keyword, "a place that exists in the schema; '" + text + "' does not"),
                };
            }

            return current;
        }
    }
}
