using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>What a route handler gets: the request, its route values, its sandbox and the engine.</summary>
    public sealed class RequestContext(EmulatorEngine engine, EmulatorRequest request, IReadOnlyDictionary<string, string> routeValues, SandboxState sandbox, string requestId)
    {
        private static readonly JsonDocumentOptions StrictJson = new JsonDocumentOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        };

        private JsonNode? _body;
        private bool _bodyRead;

        public EmulatorEngine Engine { get; } = engine;

        public EmulatorRequest Request { get; } = request;

        public IReadOnlyDictionary<string, string> RouteValues { get; } = routeValues;

        public SandboxState Sandbox { get; } = sandbox;

        /// <summary>The id returned in <c>x-request-id</c> and in Flow Service error reports.</summary>
        public string RequestId { get; } = requestId;

        public DateTimeOffset Now => Engine.Options.Clock.GetUtcNow();

        public long NowEpochMillis => Now.ToUnixTimeMilliseconds();

        public string Route(string name) => RouteValues[name];

        /// <summary>
        /// The body as JSON. Malformed JSON (a trailing comma, a doubled brace) is a 400 that says where the syntax error is,
        /// as the platform answers the two broken tutorial examples; so are a member named twice and a lone surrogate.
        /// </summary>
        public JsonNode Body()
        {
            if (!_bodyRead)
            {
                _body = ParseBody();
                _bodyRead = true;
            }

            return _body!;
        }

        /// <summary>The body as a JSON object, or a 400 naming what the request should have sent.</summary>
        public JsonObject BodyObject() =>
            Body() as JsonObject ?? throw EmulatorError.BadRequest(ErrorCodes.MalformedJson, "The request body must be a JSON object.");

        private JsonNode ParseBody()
        {
            if (!Request.HasBody)
            {
                throw EmulatorError.BadRequest(ErrorCodes.MalformedJson, "The request has no body; a JSON body is required.");
            }

            try
            {
                StrictJsonBody.Check(Request.Body, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
                return JsonNode.Parse(Request.Body, documentOptions: StrictJson)
                    ?? throw EmulatorError.BadRequest(ErrorCodes.MalformedJson, "The request body is JSON null; a JSON body is required.");
            }
            catch (JsonException ex)
            {
                var line = (ex.LineNumber ?? 0) + 1;
                var column = (ex.BytePositionInLine ?? 0) + 1;
                throw EmulatorError.BadRequest(
                    ErrorCodes.MalformedJson,
                    "Malformed JSON in the request body at line " + line + ", column " + column + ": " + FirstSentence(ex.Message));
            }
        }

        private static string FirstSentence(string message)
        {
            // The reader ends its message with " LineNumber: ...", said above. (Syntax errors come from the reader in
            // StrictJsonBody.Check: the node parser only ever reads a body the reader has accepted.)
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return cut > 0 ? message.Substring(0, cut) : message;
        }
    }
}
