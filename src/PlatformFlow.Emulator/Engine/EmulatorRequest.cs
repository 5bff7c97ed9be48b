using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>A transport-neutral HTTP request: the in-process handler and the standalone host both build one.</summary>
    public sealed class EmulatorRequest
    {
        public EmulatorRequest(
            string method,
            string path,
            IReadOnlyList<KeyValuePair<string, string>> query,
            IReadOnlyDictionary<string, string> headers,
            byte[] body,
            string? rawPath = null)
        {
            Method = method.ToUpperInvariant();
            Path = path;
            RawPath = rawPath ?? path;
            Query = query;
            Headers = new Dictionary<string, string>(headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase);
            Body = body;
        }

        public string Method { get; }

        /// <summary>The decoded path, without the query string.</summary>
        public string Path { get; }

        /// <summary>
        /// The path as sent, still percent-encoded. Routes match on its segments (each decoded on its own), so a URL-encoded
        /// id such as a schema's <c>$id</c> (<c>https%3A%2F%2F...</c>) stays one segment, and an unencoded one does not.
        /// </summary>
        public string RawPath { get; }

        /// <summary>Decoded query parameters in order; a repeated name (such as <c>property</c>) appears once per value.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

        /// <summary>Headers by case-insensitive name; several values of one header are joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; }

        public bool HasBody => Body.Length > 0;

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string? QueryValue(string name)
        {
            foreach (var pair in Query)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        public IEnumerable<string> QueryValues(string name) =>
            Query.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value);

        /// <summary>Splits and decodes a raw query string (without the leading '?').</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? rawQuery)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(rawQuery))
            {
                return result;
            }

            foreach (var part in rawQuery!.TrimStart('?').Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part.Substring(0, equals);
                var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                result.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
            }

            return result;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
