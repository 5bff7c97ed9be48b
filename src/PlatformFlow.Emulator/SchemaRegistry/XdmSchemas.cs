using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.SchemaRegistry
{
    /// <summary>
    /// What other emulator services need from the Schema Registry: find a tenant schema, resolve it to its full
    /// <c>properties</c> (as <c>application/vnd.adobe.xed-full+json</c> answers), and list its field paths.
    /// </summary>
    public static class XdmSchemas
    {
        /// <summary>The sandbox collection of tenant schemas, keyed by <c>$id</c>.</summary>
        public const string Collection = "schemas";

        // The seeded resources nest a few levels; anything deeper is a reference cycle.
        private const int MaxDepth = 16;

        /// <summary>The tenant schema with this <c>$id</c> or <c>meta:altId</c> in the sandbox, or null. Returns the stored object.</summary>
        public static JsonObject? FindTenantSchema(SandboxState sandbox, string idOrAltId)
        {
            var schemas = sandbox.Collection(Collection);
            return schemas.Find(idOrAltId)
                ?? schemas.All.FirstOrDefault(s => (string?)s["meta:altId"] == idOrAltId);
        }

        /// <summary>
        /// The merged <c>properties</c> of a composed resource: every <c>allOf</c> reference and every field's data type
        /// (<c>$ref</c>) expanded in place. The resource itself is not changed.
        /// </summary>
        public static JsonObject ResolveProperties(JsonObject resource) => ResolveProperties(resource, 0);

        /// <summary>The dotted paths of the schema's fields that hold values, e.g. <c>personalEmail.address</c>.</summary>
        public static XdmFieldPaths FieldPaths(JsonObject resource) => new XdmFieldPaths(ResolveProperties(resource));

        private static JsonObject ResolveProperties(JsonObject resource, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidOperationException("XDM references nest deeper than " + MaxDepth + " levels at " + resource["$id"] + ": a cycle.");
            }

            var merged = new JsonObject();
            foreach (var reference in References(resource))
            {
                const string local = "#/definitions/";
                var part = reference.StartsWith(local, StringComparison.Ordinal)
                    ? (resource["definitions"]?[reference.Substring(local.Length)]?["properties"] as JsonObject
                       ?? throw new InvalidOperationException(resource["$id"] + " refers to the missing definition " + reference + "."))
                      .ToDictionary(p => p.Key, p => (JsonNode)Expand(p.Value!.AsObject(), depth))
                    : ResolveProperties(Referenced(reference), depth + 1).ToDictionary(p => p.Key, p => p.Value!.DeepClone());
                Merge(merged, part);
            }

            if (resource["properties"] is JsonObject own)
            {
                Merge(merged, own.ToDictionary(p => p.Key, p => (JsonNode)Expand(p.Value!.AsObject(), depth)));
            }

            return merged;
        }

        /// <summary>The <c>$ref</c> of each <c>allOf</c> entry, in order.</summary>
        internal static IEnumerable<string> References(JsonObject resource) =>
            (resource["allOf"] as JsonArray ?? new JsonArray())
                .Select(entry => (string?)entry?["$ref"])
                .Where(reference => reference != null)
                .Select(reference => reference!);

        private static JsonObject Referenced(string id) =>
            XdmLibrary.Standard.Find(id) ?? throw new InvalidOperationException("The XDM library has no resource " + id + ".");

        /// <summary>A field with its data type (<c>$ref</c>) replaced by that type's properties, recursively.</summary>
        private static JsonObject Expand(JsonObject field, int depth)
        {
            var copy = field.DeepClone().AsObject();
            if (copy["$ref"] is JsonNode reference)
            {
                copy.Remove("$ref");
                var typeProperties = ResolveProperties(Referenced((string)reference!), depth + 1);
                copy["type"] = "object";
                copy["properties"] = typeProperties;
            }
            else if (copy["properties"] is JsonObject children)
            {
                copy["properties"] = new JsonObject(children.ToDictionary(c => c.Key, c => (JsonNode?)Expand(c.Value!.AsObject(), depth)));
            }

            foreach (var nested in new[] { "items", "additionalProperties" })
            {
                if (copy[nested] is JsonObject inner)
                {
                    copy[nested] = Expand(inner, depth);
                }
            }

            return copy;
        }

        /// <summary>Adds fields; an object field both sides define gets the union of their properties (as field groups extend one object).</summary>
        private static void Merge(JsonObject target, IEnumerable<KeyValuePair<string, JsonNode>> fields)
        {
            foreach (var field in fields)
            {
                if (target[field.Key]?["properties"] is JsonObject existing && field.Value["properties"] is JsonObject added)
                {
                    Merge(existing, added.ToDictionary(p => p.Key, p => p.Value!.DeepClone()));
                }
                else
                {
                    target[field.Key] = field.Value.Parent is null ? field.Value : field.Value.DeepClone();
                }
            }
        }
    }
}
