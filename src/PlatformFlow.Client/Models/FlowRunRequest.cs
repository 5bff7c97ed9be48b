using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Models
{
    /// <summary>The body of <c>POST /runs</c>: an on-demand run over a window.</summary>
    public sealed class FlowRunRequest
    {
        public string FlowId { get; init; } = string.Empty;

        public JsonObject Params { get; init; } = new JsonObject();
    }
}
