using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// The dotted property paths of the platform's list filters and sort keys: <c>scheduleParams.frequency</c>,
    /// <c>sourceConnectionIds[]</c>, <c>inheritedAttributes.sourceConnections[].connectionSpec.id</c>. A segment ending in
    /// <c>[]</c> steps into every item of that array, as the platform's filtering guide requires for array members.
    /// </summary>
    public static class JsonPaths
    {
        /// <summary>Every node the path reaches (none when a member is missing); JSON nulls are skipped.</summary>
        public static IEnumerable<JsonNode> Select(JsonNode? root, string path)
        {
            IEnumerable<JsonNode> current = root is null ? Array.Empty<JsonNode>() : new[] { root };
            foreach (var segment in path.Split('.'))
            {
                current = Step(current, segment);
            }

            return current;
        }

        /// <summary>The first node the path reaches, or null.</summary>
        public static JsonNode? First(JsonNode? root, string path)
        {
            foreach (var node in Select(root, path))
            {
                return node;
            }

            return null;
        }

        private static IEnumerable<JsonNode> Step(IEnumerable<JsonNode> nodes, string segment)
        {
            var intoArray = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = intoArray ? segment.Substring(0, segment.Length - 2) : segment;
            foreach (var node in nodes)
            {
                if (!(node is JsonObject obj) || !(obj[name] is JsonNode member))
                {
                    continue;
                }

                if (!intoArray)
                {
                    yield return member;
                }
                else if (member is JsonArray array)
                {
                    foreach (var item in array)
                    {
                        if (item != null)
                        {
                            yield return item;
                        }
                    }
                }
            }
        }
    }
}
