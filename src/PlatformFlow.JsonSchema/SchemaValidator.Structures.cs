using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.JsonSchema
{
    /// <summary>The object and array keywords.</summary>
    internal sealed partial class SchemaValidator
    {
        private void CheckObject(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            if (value is not JsonObject instance)
            {
                return;
            }

            foreach (var name in SchemaKeywords.Names(schema, "required").Where(name => !instance.ContainsKey(name)))
            {
                errors.Add(Error(location, "required", "required property '" + name + "' is missing"));
            }

            const string PatternProperties = "patternProperties";
            const string AdditionalProperties = "additionalProperties";
            var properties = SchemaKeywords.Object(schema, "properties");
            var patternProperties = SchemaKeywords.Object(schema, PatternProperties);
            var hasAdditional = schema.TryGetPropertyValue(AdditionalProperties, out var additionalSchema);
            foreach (var property in instance)
            {
                var propertyLocation = location.Property(property.Key);
                var isDeclared = false;
                if (properties != null && properties.TryGetPropertyValue(property.Key, out var propertySchema))
                {
                    isDeclared = true;
                    Validate(propertySchema, property.Value, propertyLocation, errors);
                }

                foreach (var patternProperty in patternProperties ?? Enumerable.Empty<KeyValuePair<string, JsonNode?>>())
                {
                    if (EcmaScriptRegex.IsMatch(PatternProperties, patternProperty.Key, property.Key))
                    {
                        isDeclared = true;
                        Validate(patternProperty.Value, property.Value, propertyLocation, errors);
                    }
                }

                if (isDeclared || !hasAdditional)
                {
                    continue;
                }

                if (JsonValues.KindOf(additionalSchema) == JsonValueKind.False)
                {
                    // Said at the object, naming the property: "no value is allowed here" would not tell why.
                    errors.Add(Error(location, AdditionalProperties, "property '" + property.Key + "' is not allowed"));
                }
                else
                {
                    Validate(additionalSchema, property.Value, propertyLocation, errors);
                }
            }
        }

        private void CheckArray(JsonObject schema, JsonNode? value, InstanceLocation location, List<SchemaError> errors)
        {
            if (value is not JsonArray instance)
            {
                return;
            }

            var minItems = SchemaKeywords.Count(schema, "minItems");
            if (instance.Count < minItems)
            {
                errors.Add(Error(location, "minItems", "has " + Plural(instance.Count, "item") + ", fewer than the minimum of " + minItems));
            }

            var maxItems = SchemaKeywords.Count(schema, "maxItems");
            if (instance.Count > maxItems)
            {
                errors.Add(Error(location, "maxItems", "has " + Plural(instance.Count, "item") + ", more than the maximum of " + maxItems));
            }

            if (SchemaKeywords.Flag(schema, "uniqueItems"))
            {
                CheckUnique(instance, location, errors);
            }

            if (schema.TryGetPropertyValue("items", out var items))
            {
                CheckItems(schema, items, instance, location, errors);
            }
        }

        private static void CheckUnique(JsonArray instance, InstanceLocation location, List<SchemaError> errors)
        {
            for (var later = 1; later < instance.Count; later++)
            {
                for (var earlier = 0; earlier < later; earlier++)
                {
                    if (JsonValues.DeepEquals(instance[earlier], instance[later]))
                    {
                        errors.Add(Error(location, "uniqueItems", "items [" + earlier + "] and [" + later + "] are equal, but the items must be unique"));
                        return;
                    }
                }
            }
        }

        private void CheckItems(JsonObject schema, JsonNode? items, JsonArray instance, InstanceLocation location, List<SchemaError> errors)
        {
            if (items is not JsonArray tuple)
            {
                for (var index = 0; index < instance.Count; index++)
                {
                    Validate(items, instance[index], location.Item(index), errors);
                }

                return;
            }

            for (var index = 0; index < instance.Count && index < tuple.Count; index++)
            {
                Validate(tuple[index], instance[index], location.Item(index), errors);
            }

            // additionalItems only means something beside a tuple of "items".
            const string AdditionalItems = "additionalItems";
            if (instance.Count <= tuple.Count || !schema.TryGetPropertyValue(AdditionalItems, out var additionalSchema))
            {
                return;
            }

            if (JsonValues.KindOf(additionalSchema) == JsonValueKind.False)
            {
                errors.Add(Error(location, AdditionalItems, "has " + Plural(instance.Count, "item") + ", but only " + tuple.Count + " are allowed"));
                return;
            }

            for (var index = tuple.Count; index < instance.Count; index++)
            {
                Validate(additionalSchema, instance[index], location.Item(index), errors);
            }
        }
    }
}
