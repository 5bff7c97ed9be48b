using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A platform call that answered with an error. Reads all three error body shapes of the contract (gateway,
    /// Flow Service, problem details) and IMS's, and keeps the HTTP status, platform error code, message and request id.
    /// </summary>
    public sealed class PlatformException(int statusCode, string? errorCode, string? title, string detail, string? requestId, string method, string path)
        : Exception(Compose(statusCode, errorCode, detail, requestId))
    {
        public int StatusCode { get; } = statusCode;

        /// <summary>The platform's code: <c>401013</c>, <c>FLOW-1439-404</c>, <c>XDM-1010-404</c>, <c>invalid_client</c>...</summary>
        public string? ErrorCode { get; } = errorCode;

        public string? Title { get; } = title;

        /// <summary>The platform's own message.</summary>
        public string Detail { get; } = detail;

        /// <summary>The request id to quote to support (<c>x-request-id</c> or the body's <c>report.request-id</c>).</summary>
        public string? RequestId { get; } = requestId;

        public string Method { get; } = method;

        /// <summary>The path called, without host or query.</summary>
        public string Path { get; } = path;

        /// <summary>
        /// A write (POST, PATCH, PUT, DELETE) answered 5xx: the platform may have applied it before failing. See
        /// <see cref="RequestOutcome.MayHaveBeenApplied"/>.
        /// </summary>
        public bool MayHaveBeenApplied => StatusCode >= 500 && Method != "GET" && Method != "HEAD" && Method != "OPTIONS";

        /// <summary>Throttled or briefly unavailable: the same call may work later.</summary>
        public bool IsTransient => StatusCode == 429 || StatusCode == 502 || StatusCode == 503 || StatusCode == 504;

        public static async Task<PlatformException> FromResponseAsync(HttpResponseMessage response)
        {
            var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var headerRequestId = response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;
            var request = response.RequestMessage;
            return FromBody(
                (int)response.StatusCode,
                response.ReasonPhrase,
                text,
                headerRequestId,
                request?.Method.Method ?? "?",
                request?.RequestUri?.AbsolutePath ?? "?");
        }

        public static PlatformException FromBody(int status, string? reasonPhrase, string body, string? headerRequestId, string method, string path)
        {
            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, an empty body): the status and reason still say what happened.
            }

            if (json is null)
            {
                var text = string.IsNullOrWhiteSpace(body) ? reasonPhrase ?? "HTTP " + status : Truncate(body.Trim());
                return new PlatformException(status, null, reasonPhrase, text, headerRequestId, method, path);
            }

            string? code;
            string? title = Text(json, "title") ?? reasonPhrase;
            string detail;
            var requestId = Text(json["report"], "request-id") ?? headerRequestId;
            if (json.ContainsKey("error_code"))
            {
                code = Text(json, "error_code");
                detail = Text(json, "message") ?? title ?? "HTTP " + status;
            }
            else if (json.ContainsKey("error") && !json.ContainsKey("type"))
            {
                code = Text(json, "error");
                detail = Text(json, "error_description") ?? code ?? "HTTP " + status;
            }
            else
            {
                code = LastSegment(Text(json, "type"));
                detail = Text(json["report"], "detailed-message") ?? Text(json, "errorMessage") ?? Text(json, "detail")
                    ?? Text(json, "message") ?? title ?? "HTTP " + status;
            }

            return new PlatformException(status, code, title, detail, requestId, method, path);
        }

        private static string Compose(int status, string? code, string detail, string? requestId) =>
            // The call itself (method and path) stays on the exception and in -Verbose: the message speaks of what the platform said.
            "The platform answered " + status + (code is null ? string.Empty : " (" + code + ")") + ": " + detail
            + (requestId is null ? string.Empty : " [request id " + requestId + "]");

        private static string? Text(JsonNode? node, string name) =>
            node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue scalar ? scalar.ToString() : null;

        private static string? LastSegment(string? type)
        {
            if (string.IsNullOrEmpty(type))
            {
                return null;
            }

            var cut = type!.TrimEnd('/').LastIndexOf('/');
            return cut < 0 ? type : type.Substring(cut + 1);
        }

        private static string Truncate(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
    }
}
