using System.Text.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>One JSON Patch operation (RFC 6902), as PATCH endpoints take them.</summary>
    public sealed class JsonPatchOperation
    {
        public JsonPatchOperation()
        {
        }

        public JsonPatchOperation(string op, string path, JsonElement? value = null)
        {
            Op = op;
            Path = path;
            Value = value;
        }

        public string Op { get; init; } = "replace";

        public string Path { get; init; } = string.Empty;

        public JsonElement? Value { get; init; }
    }
}
