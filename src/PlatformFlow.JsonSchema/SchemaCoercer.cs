using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// Converts loosely typed scalars in place (on a copy the caller made) to the types the schema declares,
    /// following properties and items.
    /// </summary>
    internal sealed class SchemaCoercer
    {
        private readonly SchemaReferences references;

        public SchemaCoercer(JsonNode? rootSchema)
        {
            references = new SchemaReferences(rootSchema);
        }

        public JsonNode? Coerce(JsonNode? schema, JsonNode? instance) => Coerce(schema, instance, InstanceLocation.Root);

        private JsonNode? Coerce(JsonNode? schema, JsonNode? instance, InstanceLocation location)
        {
            // Boolean schemas declare no type to convert to.
            if (schema is not JsonObject keywords)
            {
                return instance;
            }

            if (keywords.TryGetPropertyValue("$ref", out var reference))
            {
                return references.Follow(reference, location, target => Coerce(target, instance, location));
            }

            var converted = LooseTypes.ConvertToDeclaredType(instance, SchemaKeywords.DeclaredTypes(keywords));
            switch (converted)
            {
                case JsonObject members:
                    CoerceProperties(keywords, members, location);
                    break;
                case JsonArray items:
                    CoerceItems(keywords, items, location);
                    break;
            }

            return converted;
        }

        private void CoerceProperties(JsonObject schema, JsonObject instance, InstanceLocation location)
        {
            var properties = SchemaKeywords.Object(schema, "properties");
            if (properties is null)
            {
                return;
            }

            // Materialised first: replacing a member while enumerating the object is not allowed.
            foreach (var name in instance.Select(member => member.Key).Where(properties.ContainsKey).ToList())
            {
                var coerced = Coerce(properties[name], instance[name], location.Property(name));
                if (IsReplacement(instance[name], coerced))
                {
                    instance[name] = coerced;
                }
            }
        }

        private void CoerceItems(JsonObject schema, JsonArray instance, InstanceLocation location)
        {
            if (!schema.TryGetPropertyValue("items", out var items))
            {
                return;
            }

            var tuple = items as JsonArray;
            var count = tuple is null ? instance.Count : Math.Min(tuple.Count, instance.Count);
            for (var index = 0; index < count; index++)
            {
                var coerced = Coerce(tuple is null ? items : tuple[index], instance[index], location.Item(index));
                if (IsReplacement(instance[index], coerced))
                {
                    instance[index] = coerced;
                }
            }
        }

        // Only replacements are stored: putting an array item back into its own place fails (it already has a parent).
        private static bool IsReplacement(JsonNode? original, JsonNode? coerced) => !ReferenceEquals(original, coerced);
    }
}
