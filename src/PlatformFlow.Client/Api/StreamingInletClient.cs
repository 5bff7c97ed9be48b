using System.Net.Http;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// One streaming inlet (HTTP API source): <c>POST /collection/batch/{inletId}</c> with <c>x-adobe-flow-id</c>, the
    /// contract's batch of <c>{header, body}</c> messages. The platform answers 207 with one response per message.
    /// </summary>
    public sealed class StreamingInletClient(PlatformHttp http, Uri inletUrl)
    {
        public const string BasePath = "/collection";

        /// <summary>The largest request body the collection endpoint takes (1 MB).</summary>
        public const int MaxBodyBytes = 1_000_000;

        private readonly PlatformHttp _http = http;

        public string InletId { get; } = inletUrl.AbsolutePath.TrimEnd('/').Split('/').Last();

        /// <summary>Sends <paramref name="messages"/> (at most <see cref="MaxBodyBytes"/> as JSON) to the flow; the answer is the 207 body.</summary>
        public Task<JsonObject> SendBatchAsync(string flowId, JsonArray messages, CancellationToken cancellationToken) =>
            _http.SendWithHeaderAsync(
                HttpMethod.Post,
                BasePath + "/batch/" + Uri.EscapeDataString(InletId),
                new JsonObject { ["messages"] = messages },
                PlatformJsonContext.Default.JsonObject,
                PlatformJsonContext.Default.JsonObject,
                "x-adobe-flow-id",
                flowId,
                cancellationToken);
    }
}
