using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Validation
{
    /// <summary>The field paths of a resolved XDM schema (<c>personalEmail.address</c>), to check mapping destinations.</summary>
    public static class XdmFieldPaths
    {
        /// <summary>Every leaf field path under <paramref name="properties"/>, dotted.</summary>
        public static IReadOnlyCollection<string> Leaves(JsonObject? properties)
        {
            var paths = new SortedSet<string>(System.StringComparer.Ordinal);
            Walk(properties, string.Empty, paths);
            return paths;
        }

        private static void Walk(JsonObject? properties, string prefix, ISet<string> paths)
        {
            if (properties is null)
            {
                return;
            }

            foreach (var property in properties)
            {
                var path = prefix.Length == 0 ? property.Key : prefix + "." + property.Key;
                if (property.Value is JsonObject field && field["properties"] is JsonObject children && children.Count > 0)
                {
                    Walk(children, path, paths);
                }
                else
                {
                    paths.Add(path);
                }
            }
        }
    }
}
