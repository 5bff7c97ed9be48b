using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// How an existing part differs from the wanted one, member by member, given once and read three ways: as the
    /// refusal message (<see cref="Messages"/>: <c>data.format is 'json', not 'tabular'</c>), as the JSON Patch that changes
    /// only those members (<see cref="Patch"/>: <c>add</c> sets a member whether or not it is there, <c>remove</c> drops one
    /// the wanted part has not), and as the changed members' paths (<see cref="Changes"/>: <c>data/format</c>). Text is
    /// compared by <see cref="PartKey.Same"/>.
    /// </summary>
    public sealed class PartDiff
    {
        private readonly List<JsonPatchOperation> _patch = new List<JsonPatchOperation>();
        private readonly List<string> _changes = new List<string>();
        private readonly List<string> _messages = new List<string>();

        public IReadOnlyList<string> Messages => _messages;

        public IReadOnlyList<JsonPatchOperation> Patch => _patch;

        /// <summary>The changed members' paths without the leading slash, e.g. <c>params/columns</c>.</summary>
        public IReadOnlyList<string> Changes => _changes;

        public bool IsEmpty => _changes.Count == 0;

        /// <param name="member">The member's dotted path, e.g. <c>params.tableName</c>.</param>
        public PartDiff Text(string member, string? current, string? desired) =>
            PartKey.Same(current, desired) ? this
                : Record(member, current, desired, string.IsNullOrEmpty(desired) ? new JsonPatchOperation("remove", PathOf(member)) : Add(member, JsonValue.Create(desired)!));

        /// <summary>Lists compared as sets (order does not matter); <paramref name="desiredValue"/> is what a patch sets, none when null.</summary>
        public PartDiff Set(string member, IEnumerable<string>? current, IEnumerable<string>? desired, JsonNode? desiredValue = null)
        {
            var currentText = SetText(current);
            var desiredText = SetText(desired);
            return PartKey.Same(currentText, desiredText) ? this : Record(member, currentText, desiredText, desiredValue is null ? null : Add(member, desiredValue));
        }

        /// <summary>A member compared as JSON, exactly.</summary>
        public PartDiff Node(string member, JsonNode? current, JsonNode desired) =>
            JsonNode.DeepEquals(current, desired) ? this : Record(member, current?.ToJsonString(), desired.ToJsonString(), Add(member, desired));

        /// <summary>
        /// A member compared by its parts (<paramref name="compare"/> says each difference) and changed as a whole: one
        /// patch operation that sets all of <paramref name="desired"/>, e.g. a schedule whose frequency differs.
        /// </summary>
        public PartDiff Whole(string member, JsonNode desired, System.Func<PartDiff, PartDiff> compare)
        {
            var parts = compare(new PartDiff());
            if (!parts.IsEmpty)
            {
                _messages.AddRange(parts._messages);
                _changes.Add(member.Replace('.', '/'));
                _patch.Add(Add(member, desired));
            }

            return this;
        }

        /// <summary>A change sent some other way (a new mapping set version), with no patch operation.</summary>
        public PartDiff Changed(string member)
        {
            _changes.Add(member);
            _messages.Add(member + " differs");
            return this;
        }

        /// <summary>This diff followed by <paramref name="more"/>.</summary>
        public PartDiff Then(PartDiff more)
        {
            _patch.AddRange(more._patch);
            _changes.AddRange(more._changes);
            _messages.AddRange(more._messages);
            return this;
        }

        private PartDiff Record(string member, string? current, string? desired, JsonPatchOperation? operation)
        {
            _messages.Add(member + " is '" + Excerpt(current) + "', not '" + Excerpt(desired) + "'");
            _changes.Add(member.Replace('.', '/'));
            if (operation != null)
            {
                _patch.Add(operation);
            }

            return this;
        }

        private static JsonPatchOperation Add(string member, JsonNode value) =>
            new JsonPatchOperation("add", PathOf(member), JsonSerializer.SerializeToElement(value, PlatformJsonContext.Default.JsonNode));

        private static string PathOf(string member) => "/" + member.Replace('.', '/');

        private static string SetText(IEnumerable<string>? values) =>
            string.Join(", ", (values ?? Enumerable.Empty<string>()).OrderBy(v => v, PartKey.Comparer));

        // A part's members can be long (column lists); the message keeps a short excerpt.
        private static string Excerpt(string? value) =>
            value is null ? string.Empty : value.Length <= 120 ? value : value.Substring(0, 117) + "...";
    }
}
