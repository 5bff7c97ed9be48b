using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The page's "Hashing functions" (lower-case hex digests) and "URL functions".</summary>
    internal static class HashAndUrlFunctions
    {
        private const string Hashing = "Hashing";
        private const string Url = "URL";

        // scheme://authority/path?query#fragment, kept as written (no normalising of "//" in paths).
        private static readonly Regex UrlParts = new Regex(
            @"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<authority>[^/?#]*)(?<path>[^?#]*)(?:\?(?<query>[^#]*))?(?:#(?<fragment>.*))?$",
            RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, long> DefaultPorts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
        {
            ["http"] = 80, ["https"] = 443, ["ftp"] = 21, ["sftp"] = 22, ["ssh"] = 22, ["ws"] = 80, ["wss"] = 443,
        };

        public static void Register(ElFunctionLibrary library)
        {
            AddHash(library, "sha1", "Secure Hash Algorithm 1 (SHA-1)", "c3599c11e47719df18a2448690840c5dfcce3c80", SHA1.Create);
            AddHash(library, "sha256", "Secure Hash Algorithm 256 (SHA-256)", "7330d2b39ca35eaf4cb95fc846c21ee6a39af698154a83a586ee270a0d372104", SHA256.Create);
            AddHash(library, "sha512", "Secure Hash Algorithm 512 (SHA-512)",
                "a3d7e45a0d9be5fd4e4b9a3b8c9c2163c21ef708bf11b4232bb21d2a8704ada2cdcd7b367dd0788a89a5c908cfe377aceb1072a7b386b7d4fd2ff68a8fd24d16", SHA512.Create);
            AddHash(library, "md5", "MD5", "d3b96ce8c9fb4e9bd0198d03ba6852c7", MD5.Create);
            library.Add(Hashing, "crc32", "crc32(INPUT, CHARSET)", "Produces a 32-bit cyclic redundancy check (CRC) code of the input (its bytes low first, in hex, as the platform writes it).",
                "crc32(\"my text\", \"UTF-8\")", "8df92e80", 1, 2, ElType.String,
                a => a.Text(0) is string text ? string.Concat(BitConverter.GetBytes(Crc32(Charset(a, 1).GetBytes(text))).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))) : null);

            library.Add(Url, "get_url_protocol", "get_url_protocol(URL)", "Returns the protocol from the given URL; null when it is not a URL.",
                "get_url_protocol(\"https://platform.adobe.com/home\")", "https", 1, 1, ElType.String, a => Parts(a)?.Groups["scheme"].Value);
            library.Add(Url, "get_url_host", "get_url_host(URL)", "Returns the host of the given URL; null when it is not a URL.",
                "get_url_host(\"https://platform.adobe.com/home\")", "platform.adobe.com", 1, 1, ElType.String, a => Parts(a) is Match m ? Host(m) : null);
            library.Add(Url, "get_url_port", "get_url_port(URL)", "Returns the port of the given URL (the scheme's default when none is written); null when it is not a URL.",
                "get_url_port(\"sftp://example.com//home/joe/employee.csv\")", "22", 1, 1, ElType.Integer, a => Parts(a) is Match m ? Port(m) : null);
            library.Add(Url, "get_url_path", "get_url_path(URL, FULL_PATH)", "Returns the path of the given URL; only its last part when FULL_PATH is false.",
                "get_url_path(\"sftp://example.com//home/joe/employee.csv\")", "\"//home/joe/employee.csv\"", 1, 2, ElType.String, Path);
            library.Add(Url, "get_url_query_str", "get_url_query_str(URL, ANCHOR)", "Returns the query string of a URL as a map of names to values; ANCHOR is retain, remove or append.",
                "get_url_query_str(\"foo://example.com:8042/over/there?name=ferret#nose\", \"retain\")", "{\"name\": \"ferret#nose\"}", 2, 2, ElType.Object, Query);
            library.Add(Url, "get_url_encoded", "get_url_encoded(URL)", "Encodes the URL's special characters as %XX (UTF-8).",
                "get_url_encoded(\"https://example.com/partneralliance_asia-pacific_2022\")", "https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022", 1, 1, ElType.String,
                a => a.Text(0) is string text ? Encode(text) : null);
            library.Add(Url, "get_url_decoded", "get_url_decoded(URL)", "Decodes %XX sequences of the URL into its special characters.",
                "get_url_decoded(\"https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022\")", "https://example.com/partneralliance_asia-pacific_2022", 1, 1, ElType.String,
                a => a.Text(0) is string text ? Uri.UnescapeDataString(text) : null);
        }

        private static void AddHash(ElFunctionLibrary library, string name, string algorithm, string result, Func<HashAlgorithm> create)
        {
            library.Add(Hashing, name, name + "(INPUT, CHARSET)", "Produces a hash value of the input using " + algorithm + " (CHARSET: UTF-8, UTF-16, ISO-8859-1 or US-ASCII).",
                name + "(\"my text\", \"UTF-8\")", result, 1, 2, ElType.String,
                a =>
                {
                    if (!(a.Text(0) is string text))
                    {
                        return null;
                    }

                    using (var hash = create())
                    {
                        return string.Concat(hash.ComputeHash(Charset(a, 1).GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
                    }
                });
        }

        private static Encoding Charset(ElArguments a, int index)
        {
            var name = a.TextOr(index, "UTF-8");
            switch (name.ToUpperInvariant())
            {
                case "UTF-8": return new UTF8Encoding(false);
                case "UTF-16": return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
                case "ISO-8859-1": return Encoding.GetEncoding("ISO-8859-1");
                case "US-ASCII": return Encoding.ASCII;
                default: throw a.Fail("CHARSET '" + name + "' is not one of UTF-8, UTF-16, ISO-8859-1, US-ASCII");
            }
        }

        private static uint Crc32(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }

        private static Match? Parts(ElArguments a)
        {
            var match = a.Text(0) is string text ? UrlParts.Match(text.Trim()) : null;
            return match != null && match.Success ? match : null;
        }

        private static string HostAndPort(Match m)
        {
            var authority = m.Groups["authority"].Value;
            var at = authority.LastIndexOf('@');
            return at >= 0 ? authority.Substring(at + 1) : authority;
        }

        private static string Host(Match m)
        {
            var hostAndPort = HostAndPort(m);
            var colon = hostAndPort.LastIndexOf(':');
            return colon >= 0 && !hostAndPort.EndsWith("]", StringComparison.Ordinal) ? hostAndPort.Substring(0, colon) : hostAndPort;
        }

        private static object? Port(Match m)
        {
            var hostAndPort = HostAndPort(m);
            var colon = hostAndPort.LastIndexOf(':');
            if (colon >= 0 && long.TryParse(hostAndPort.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }

            return DefaultPorts.TryGetValue(m.Groups["scheme"].Value, out var known) ? known : (object?)null;
        }

        private static object? Path(ElArguments a)
        {
            if (!(Parts(a) is Match m))
            {
                return null;
            }

            var path = m.Groups["path"].Value;
            return a.Has(1) && !a.Boolean(1) ? path.Substring(path.LastIndexOf('/') + 1) : path;
        }

        private static object? Query(ElArguments a)
        {
            if (!(Parts(a) is Match m))
            {
                return null;
            }

            var anchor = a.TextOr(1, "retain").ToLowerInvariant();
            if (anchor != "retain" && anchor != "remove" && anchor != "append")
            {
                throw a.Fail("ANCHOR must be retain, remove or append, not '" + anchor + "'");
            }

            var query = m.Groups["query"].Value;
            var fragment = m.Groups["fragment"].Success ? m.Groups["fragment"].Value : null;
            if (anchor == "retain" && fragment != null)
            {
                query += "#" + fragment;
            }

            var result = ElValues.NewObject();
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                result[Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals))] = equals < 0 ? null : Uri.UnescapeDataString(pair.Substring(equals + 1));
            }

            if (anchor == "append" && fragment != null)
            {
                result["_anchor_"] = fragment;
            }

            return result;
        }

        /// <summary>Every character but letters, digits and <c>- . _</c> as %XX of its UTF-8 bytes (the page's appendix table).</summary>
        private static string Encode(string text)
        {
            var encoded = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                var c = (char)b;
                if (b < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))
                {
                    encoded.Append(c);
                }
                else
                {
                    encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return encoded.ToString();
        }
    }
}
