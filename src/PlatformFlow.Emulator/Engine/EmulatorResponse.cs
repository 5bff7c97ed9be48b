using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>A transport-neutral HTTP response.</summary>
    public sealed class EmulatorResponse(int statusCode, byte[] body, string? contentType = "application/json")
    {
        // Relaxed escaping writes quotes inside strings as \" (the platform's etags read "\"1000...0000\""), not \u0022.
        private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions
        {
            WriteIndented = false,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public int StatusCode { get; } = statusCode;

        public byte[] Body { get; } = body;

        public string? ContentType { get; } = contentType;

        /// <summary>Extra response headers (x-request-id, ETag, Retry-After, ...).</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static EmulatorResponse Json(int statusCode, JsonNode? body) =>
            new EmulatorResponse(statusCode, Encoding.UTF8.GetBytes(body is null ? "null" : body.ToJsonString(Compact)));

        /// <summary>No answer: the host drops the connection (an injected fault). Journaled with status 0.</summary>
        public static EmulatorResponse ConnectionReset() => new EmulatorResponse(0, Array.Empty<byte>(), null);

        public bool IsConnectionReset => StatusCode == 0;

        public static EmulatorResponse Empty(int statusCode) => new EmulatorResponse(statusCode, Array.Empty<byte>(), null);

        /// <summary>
        /// A response the handler finishes after the engine has released the sandbox's lock: the handler takes what it needs
        /// under the lock, and slow work on that snapshot (a pattern filter) does not hold up the sandbox's other requests.
        /// </summary>
        public static EmulatorResponse OutsideLock(Func<EmulatorResponse> finish) => new EmulatorResponse(0, Array.Empty<byte>(), null) { Finish = finish };

        /// <summary>Set on a response made by <see cref="OutsideLock"/>: the engine calls it once the lock is released.</summary>
        internal Func<EmulatorResponse>? Finish { get; private set; }

        public EmulatorResponse WithHeader(string name, string value)
        {
            Headers[name] = value;
            return this;
        }
    }
}
