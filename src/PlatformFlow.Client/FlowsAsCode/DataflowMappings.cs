using System.Globalization;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// A mapping set's mappings as a set: their order means nothing to Data Prep, so exports list them in one canonical order
    /// (by destination, then source); a plan compares them regardless of order (<see cref="Parts.MappingSetPart.Diff"/>).
    /// </summary>
    public static class DataflowMappings
    {
        public static IReadOnlyList<Mapping> Canonical(IEnumerable<Mapping> mappings) =>
            mappings.OrderBy(Key, KeyComparer.Instance).ToList();

        /// <summary>The flow's Mapping transformation, or null.</summary>
        public static Transformation? MappingOf(Dataflow flow) => flow.Transformations?.FirstOrDefault(t => t.Name == WellKnown.MappingTransformationName);

        public static string? MappingSetIdOf(Transformation? mapping) => mapping?.Params?["mappingId"]?.ToString();

        /// <summary><c>mappingVersion</c>: a string in the platform's answers ("0"), sometimes a number; null when absent (the latest).</summary>
        public static int? MappingSetVersionOf(Transformation? mapping) =>
            mapping?.Params?["mappingVersion"] is System.Text.Json.Nodes.JsonNode version && int.TryParse(version.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;

        private static (string, string, string, string, string) Key(Mapping m) =>
            (m.Destination, m.Source, m.SourceType, m.Name ?? string.Empty, m.Description ?? string.Empty);

        private sealed class KeyComparer : IComparer<(string, string, string, string, string)>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public int Compare((string, string, string, string, string) x, (string, string, string, string, string) y)
            {
                var order = string.CompareOrdinal(x.Item1, y.Item1);
                order = order != 0 ? order : string.CompareOrdinal(x.Item2, y.Item2);
                order = order != 0 ? order : string.CompareOrdinal(x.Item3, y.Item3);
                order = order != 0 ? order : string.CompareOrdinal(x.Item4, y.Item4);
                return order != 0 ? order : string.CompareOrdinal(x.Item5, y.Item5);
            }
        }
    }
}
