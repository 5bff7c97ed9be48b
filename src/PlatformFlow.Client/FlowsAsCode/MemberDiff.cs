using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// The members of one resource that differ from a definition, as the JSON Patch that changes only them (<c>add</c> sets a
    /// member whether or not it is there; <c>remove</c> drops one the definition does not have).
    /// </summary>
    public sealed class MemberDiff
    {
        private readonly List<JsonPatchOperation> _operations = new List<JsonPatchOperation>();
        private readonly List<string> _changes = new List<string>();

        public IReadOnlyList<JsonPatchOperation> Operations => _operations;

        /// <summary>The changed members' paths without the leading slash, e.g. <c>params/columns</c>.</summary>
        public IReadOnlyList<string> Changes => _changes;

        public bool IsEmpty => _changes.Count == 0;

        /// <summary>Sets <paramref name="path"/> to <paramref name="desired"/> (removes it when null) unless the two are equal.</summary>
        public MemberDiff Text(string path, string? current, string? desired) =>
            current == desired ? this : desired is null ? Remove(path) : Set(path, JsonValue.Create(desired)!);

        /// <summary>Sets <paramref name="path"/> to <paramref name="desired"/> unless it deep-equals <paramref name="current"/>.</summary>
        public MemberDiff Node(string path, JsonNode? current, JsonNode desired) =>
            JsonNode.DeepEquals(current, desired) ? this : Set(path, desired);

        /// <summary>Records a change sent some other way (a new mapping set version), with no patch operation.</summary>
        public MemberDiff Changed(string member)
        {
            _changes.Add(member);
            return this;
        }

        private MemberDiff Set(string path, JsonNode value)
        {
            _operations.Add(new JsonPatchOperation("add", path, JsonSerializer.SerializeToElement(value, PlatformJsonContext.Default.JsonNode)));
            _changes.Add(path.TrimStart('/'));
            return this;
        }

        private MemberDiff Remove(string path)
        {
            _operations.Add(new JsonPatchOperation("remove", path));
            _changes.Add(path.TrimStart('/'));
            return this;
        }
    }
}
