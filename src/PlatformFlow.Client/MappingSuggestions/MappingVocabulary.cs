using System.IO;
using System.Text.Json.Nodes;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// What the matcher knows about names, as data (<c>mapping-vocabulary.json</c>, embedded): the usual column names of the
    /// standard XDM fields in CRM and e-commerce exports, abbreviations, qualifier words that set an address or phone apart
    /// (<c>shipping</c>, <c>work</c>), entity words (<c>order</c>, <c>customer</c>), filler words, and identity namespaces.
    /// <see cref="With"/> adds a caller's own names (Get-MappingSuggestion -Vocabulary).
    /// </summary>
    public sealed class MappingVocabulary
    {
        private const string ResourceName = "PlatformFlow.Client.MappingSuggestions.mapping-vocabulary.json";

        private readonly Dictionary<string, HashSet<string>> _destinationsByName;

        private MappingVocabulary(Dictionary<string, string> abbreviations, HashSet<string> qualifiers, Dictionary<string, string> entityByWord, HashSet<string> noise, Dictionary<string, string> identities, Dictionary<string, HashSet<string>> destinationsByName)
        {
            Abbreviations = abbreviations;
            Qualifiers = qualifiers;
            EntityByWord = entityByWord;
            Noise = noise;
            Identities = identities;
            _destinationsByName = destinationsByName;
        }

        /// <summary>The vocabulary shipped with the module.</summary>
        public static MappingVocabulary Standard { get; } = Load();

        internal Dictionary<string, string> Abbreviations { get; }

        internal HashSet<string> Qualifiers { get; }

        internal Dictionary<string, string> EntityByWord { get; }

        internal HashSet<string> Noise { get; }

        internal Dictionary<string, string> Identities { get; }

        /// <summary>
        /// This vocabulary and more usual names: <c>destination path → column names</c>. Names are compared as words
        /// (<see cref="ColumnName"/>), so <c>Member Level</c> also stands for <c>member_level</c> and <c>MemberLevels</c>.
        /// </summary>
        public MappingVocabulary With(IEnumerable<KeyValuePair<string, IEnumerable<string>>> names)
        {
            var copy = _destinationsByName.ToDictionary(e => e.Key, e => new HashSet<string>(e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var entry in names)
            {
                foreach (var name in entry.Value)
                {
                    AddName(copy, entry.Key, name, Abbreviations);
                }
            }

            return new MappingVocabulary(Abbreviations, Qualifiers, EntityByWord, Noise, Identities, copy);
        }

        /// <summary>The destinations whose usual names include this key (words joined by spaces); empty when none.</summary>
        internal IReadOnlyCollection<string> DestinationsNamed(string key) =>
            _destinationsByName.TryGetValue(key, out var destinations) ? destinations : (IReadOnlyCollection<string>)Array.Empty<string>();

        /// <summary>The words with abbreviations written out (<c>dob</c> → <c>date of birth</c>).</summary>
        internal List<string> Expand(IEnumerable<string> words) => ExpandWith(words, Abbreviations);

        private static List<string> ExpandWith(IEnumerable<string> words, IReadOnlyDictionary<string, string> abbreviations) =>
            words.SelectMany(w => abbreviations.TryGetValue(w, out var full) ? full.Split(' ') : new[] { w }).ToList();

        private static void AddName(Dictionary<string, HashSet<string>> destinationsByName, string destination, string name, IReadOnlyDictionary<string, string> abbreviations)
        {
            var words = ColumnName.Words(name);
            foreach (var key in new[] { ColumnName.Key(words), ColumnName.Key(ExpandWith(words, abbreviations)) })
            {
                if (!destinationsByName.TryGetValue(key, out var destinations))
                {
                    destinationsByName[key] = destinations = new HashSet<string>(StringComparer.Ordinal);
                }

                destinations.Add(destination);
            }
        }

        private static MappingVocabulary Load()
        {
            using (var stream = typeof(MappingVocabulary).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The client assembly embeds no " + ResourceName + "."))
            using (var reader = new StreamReader(stream))
            {
                var data = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
                var abbreviations = Strings(data["abbreviations"]);
                var entityByWord = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entity in data["entities"]!.AsObject())
                {
                    foreach (var word in entity.Value!.AsArray())
                    {
                        entityByWord[(string)word!] = entity.Key;
                    }
                }

                var destinationsByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                foreach (var field in data["fields"]!.AsObject())
                {
                    foreach (var name in field.Value!.AsArray())
                    {
                        AddName(destinationsByName, field.Key, (string)name!, abbreviations);
                    }
                }

                return new MappingVocabulary(
                    abbreviations,
                    new HashSet<string>(data["qualifiers"]!.AsArray().Select(w => (string)w!), StringComparer.Ordinal),
                    entityByWord,
                    new HashSet<string>(data["noise"]!.AsArray().Select(w => (string)w!), StringComparer.Ordinal),
                    Strings(data["identities"]),
                    destinationsByName);
            }
        }

        private static Dictionary<string, string> Strings(JsonNode? node) =>
            node!.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
