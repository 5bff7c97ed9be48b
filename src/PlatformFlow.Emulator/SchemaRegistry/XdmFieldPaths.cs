using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SchemaRegistry
{
    /// <summary>The field paths of a resolved schema.</summary>
    public sealed class XdmFieldPaths
    {
        private readonly HashSet<string> _leaves = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _containers = new List<string>();

        public XdmFieldPaths(JsonObject resolvedProperties)
        {
            Collect(resolvedProperties, string.Empty);
            Leaves = _leaves.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// Every field that holds a value rather than sub-fields, e.g. <c>personalEmail.address</c>. Maps and arrays
        /// (such as <c>identityMap</c>) count as leaves: their keys and indexes are data, not schema.
        /// </summary>
        public IReadOnlyList<string> Leaves { get; }

        /// <summary>
        /// True when a value can be written at <paramref name="path"/>: a leaf, or an element inside a map or array leaf
        /// (<c>identityMap.Email[0].id</c>).
        /// </summary>
        public bool Accepts(string path) =>
            _leaves.Contains(path)
            || _containers.Any(c => path.Length > c.Length && path.StartsWith(c, StringComparison.Ordinal) && (path[c.Length] == '.' || path[c.Length] == '['));

        private void Collect(JsonObject properties, string prefix)
        {
            foreach (var field in properties)
            {
                var path = prefix + field.Key;
                var definition = field.Value as JsonObject;
                if (definition?["properties"] is JsonObject children && children.Count > 0)
                {
                    Collect(children, path + ".");
                    continue;
                }

                _leaves.Add(path);
                if (definition?["additionalProperties"] is JsonObject || (string?)definition?["type"] == "array")
                {
                    _containers.Add(path);
                }
            }
        }
    }
}
