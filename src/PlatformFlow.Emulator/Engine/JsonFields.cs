using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Small helpers handlers share for reading client JSON and minting ids.</summary>
    public static class JsonFields
    {
        /// <summary>The node's string value, or null when it is absent or not a JSON string (never throws on client input).</summary>
        public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        /// <summary>The named member when <paramref name="node"/> is a JSON object, else null (a string indexer on other nodes throws).</summary>
        public static JsonNode? Member(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

        /// <summary>A random lower-case hex id of <paramref name="bytes"/> bytes (Catalog ids are 12, Data Prep 16, schema hashes 24).</summary>
        public static string RandomHex(int bytes)
        {
            var buffer = new byte[bytes];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(buffer);
            }

            return Hex(buffer);
        }

        public static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
