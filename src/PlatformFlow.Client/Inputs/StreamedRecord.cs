using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Inputs
{
    /// <summary>One record to stream: its JSON, and the input it came from (named by its error when the inlet refuses it).</summary>
    public sealed class StreamedRecord(JsonObject body, object? target)
    {
        public JsonObject Body { get; } = body;

        public object? Target { get; } = target;
    }
}
