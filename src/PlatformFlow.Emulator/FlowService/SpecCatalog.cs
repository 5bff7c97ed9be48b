using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.SourceData;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// The organization-agnostic part of the Flow Service, read once from the embedded <c>Seed/FlowService/**.json</c>:
    /// connection specs, flow specs, and what exploring a base connection of a seeded source shows (its tables, their
    /// columns and preview rows, or its folders and files). Read-only after loading, so every sandbox and thread shares it; callers get copies.
    /// </summary>
    public sealed class SpecCatalog
    {
        private const string SeedFolder = "Seed.FlowService/";
        private static readonly Lazy<SpecCatalog> Seeded = new Lazy<SpecCatalog>(Load);

        private readonly Dictionary<string, JsonObject> _explore;
        private readonly Dictionary<string, IReadOnlyList<JsonObject>> _files;

        private SpecCatalog(ResourceCollection connectionSpecs, ResourceCollection flowSpecs, Dictionary<string, JsonObject> explore, Dictionary<string, IReadOnlyList<JsonObject>> files)
        {
            ConnectionSpecs = connectionSpecs;
            FlowSpecs = flowSpecs;
            _explore = explore;
            _files = files;
        }

        public static SpecCatalog Instance => Seeded.Value;

        internal ResourceCollection ConnectionSpecs { get; }

        internal ResourceCollection FlowSpecs { get; }

        public JsonObject? ConnectionSpec(string id) => ConnectionSpecs.Find(id);

        public JsonObject? FlowSpec(string id) => FlowSpecs.Find(id);

        /// <summary>The seeded tables of a source (by its connection spec id), or null when exploring it shows nothing.</summary>
        public IReadOnlyList<JsonObject>? Tables(string connectionSpecId) =>
            _explore.TryGetValue(connectionSpecId, out var explore) ? ((JsonArray)explore["tables"]!).Select(t => (JsonObject)t!).ToList() : null;

        /// <summary>
        /// A table of a tabular source, or a file of a file source described as one (its path, and the columns and preview
        /// rows of the table whose records it holds); null when the source has no such object.
        /// </summary>
        public JsonObject? Table(string connectionSpecId, string tableName)
        {
            if (SameRecordsAs(connectionSpecId, tableName) is var (specId, table))
            {
                var described = Table(specId, table)?.DeepClone().AsObject();
                if (described != null)
                {
                    described["name"] = tableName.Substring(tableName.LastIndexOf('/') + 1);
                    described["path"] = tableName;
                    if (IsDelimited(connectionSpecId, tableName))
                    {
                        DelimitedText.Describe(described);
                    }
                }

                return described;
            }

            return Tables(connectionSpecId)?.FirstOrDefault(t => string.Equals((string?)t["path"], tableName, StringComparison.Ordinal));
        }

        /// <summary>The files of a file source (by its connection spec id): <c>{path, fileType, sameRecordsAs}</c>; null for other sources.</summary>
        public IReadOnlyList<JsonObject>? Files(string connectionSpecId) => _files.TryGetValue(connectionSpecId, out var files) ? files : null;

        /// <summary>The seeded table whose records a file holds (the same generator, the same documented flaws); null when it is not a file.</summary>
        public (string ConnectionSpecId, string Table)? SameRecordsAs(string connectionSpecId, string path) =>
            Files(connectionSpecId)?.FirstOrDefault(f => string.Equals((string?)f["path"], path, StringComparison.Ordinal))?["sameRecordsAs"] is JsonObject same
                ? ((string)same["connectionSpecId"]!, (string)same["table"]!)
                : ((string, string)?)null;

        /// <summary>Whether the file at <paramref name="path"/> of a file source is delimited (CSV: every value is text).</summary>
        public bool IsDelimited(string connectionSpecId, string path) =>
            string.Equals((string?)Files(connectionSpecId)?.FirstOrDefault(f => string.Equals((string?)f["path"], path, StringComparison.Ordinal))?["fileType"], "delimited", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The flow spec's transformation specs: the newer spec JSON calls the list <c>transformationSpec</c>, the older
        /// edition <c>transformationSpecs</c>; either is read.
        /// </summary>
        public static IEnumerable<JsonObject> TransformationSpecs(JsonObject flowSpec) =>
            ((flowSpec["transformationSpec"] ?? flowSpec["transformationSpecs"]) as JsonArray ?? new JsonArray()).OfType<JsonObject>();

        private static SpecCatalog Load()
        {
            var connectionSpecs = new ResourceCollection();
            var flowSpecs = new ResourceCollection();
            var explore = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            var files = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.Ordinal);
            var assembly = typeof(SpecCatalog).Assembly;

            // RecursiveDir in the logical resource name keeps the build machine's path separator.
            foreach (var name in assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal))
            {
                var normalized = name.Replace('\\', '/');
                var at = normalized.IndexOf(SeedFolder, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                JsonObject document;
                using (var reader = new StreamReader(assembly.GetManifestResourceStream(name)!))
                {
                    document = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
                }

                var folder = normalized.Substring(at + SeedFolder.Length).Split('/')[0];
                switch (folder)
                {
                    case "connectionSpecs":
                        connectionSpecs.Add((string)document["id"]!, document);
                        break;
                    case "flowSpecs":
                        flowSpecs.Add((string)document["id"]!, document);
                        break;
                    case "explore" when document["files"] is JsonArray fileList:
                        foreach (var specId in ((JsonArray)document["connectionSpecIds"]!).Select(id => (string)id!))
                        {
                            files.Add(specId, fileList.OfType<JsonObject>().ToList());
                        }

                        break;
                    case "explore":
                        explore.Add((string)document["connectionSpecId"]!, document);
                        break;
                    default:
                        throw new InvalidOperationException("Unexpected Flow Service seed resource " + name + ".");
                }
            }

            return connectionSpecs.Count > 0 && flowSpecs.Count > 0
                ? new SpecCatalog(connectionSpecs, flowSpecs, explore, files)
                : throw new InvalidOperationException("The emulator assembly embeds no Flow Service seed (Seed/FlowService/**/*.json).");
        }
    }
}
