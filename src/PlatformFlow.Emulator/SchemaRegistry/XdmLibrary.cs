using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.SchemaRegistry
{
    /// <summary>
    /// The global XDM resources the emulator knows (behaviors, data types, classes, field groups), read once from the
    /// embedded <c>Seed/SchemaRegistry/**.json</c> files. Shared by every sandbox and thread, so it hands out fresh copies.
    /// </summary>
    internal sealed class XdmLibrary
    {
        public const string Classes = "classes";
        public const string FieldGroups = "mixins";
        public const string DataTypes = "datatypes";
        public const string Behaviors = "behaviors";

        private const string SeedMarker = ".Seed.SchemaRegistry";

        // Kept as text, not as JsonObject: JsonNode trees are not safe to share between threads.
        private readonly Dictionary<string, string> _textById;
        private readonly List<(string Id, string AltId, string ResourceType, string Title)> _index;

        private XdmLibrary(IEnumerable<string> documents)
        {
            _textById = new Dictionary<string, string>(StringComparer.Ordinal);
            _index = new List<(string, string, string, string)>();
            foreach (var text in documents)
            {
                var resource = JsonNode.Parse(text)!.AsObject();
                var id = (string)resource["$id"]!;
                var altId = (string)resource["meta:altId"]!;
                _textById.Add(id, text);
                _textById.Add(altId, text);
                _index.Add((id, altId, (string)resource["meta:resourceType"]!, (string)resource["title"]!));
            }

            _index.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        public static XdmLibrary Standard { get; } = LoadEmbedded();

        /// <summary>A fresh copy of the resource with this <c>$id</c> or <c>meta:altId</c>, or null.</summary>
        public JsonObject? Find(string idOrAltId) =>
            _textById.TryGetValue(idOrAltId, out var text) ? JsonNode.Parse(text)!.AsObject() : null;

        public string? ResourceTypeOf(string idOrAltId)
        {
            var resource = _index.FirstOrDefault(r => r.Id == idOrAltId || r.AltId == idOrAltId);
            return resource.Id is null ? null : resource.ResourceType;
        }

        /// <summary>Fresh copies of every resource of one type, ordered by <c>$id</c>.</summary>
        public IEnumerable<JsonObject> OfType(string resourceType) =>
            _index.Where(r => r.ResourceType == resourceType).Select(r => Find(r.Id)!);

        private static XdmLibrary LoadEmbedded()
        {
            var assembly = typeof(XdmLibrary).Assembly;
            var documents = new List<string>();
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.IndexOf(SeedMarker, StringComparison.Ordinal) >= 0 && n.EndsWith(".json", StringComparison.Ordinal)))
            {
                using (var stream = assembly.GetManifestResourceStream(name)!)
                using (var reader = new StreamReader(stream))
                {
                    documents.Add(reader.ReadToEnd());
                }
            }

            return documents.Count > 0
                ? new XdmLibrary(documents)
                : throw new InvalidOperationException("The emulator assembly embeds no XDM seed resources (Seed/SchemaRegistry/**/*.json).");
        }
    }
}
