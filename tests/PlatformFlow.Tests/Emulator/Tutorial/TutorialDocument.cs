using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlatformFlow.Tests.Emulator.Tutorial
{
    /// <summary>One API call of a tutorial edition: its curl command, the "API format" line before it and the documented response after it.</summary>
    public sealed class TutorialStep
    {
        public TutorialStep(string edition, string apiFormat, CurlCommand curl, string? documentedResponse)
        {
            Edition = edition;
            ApiFormat = apiFormat;
            Curl = curl;
            DocumentedResponse = documentedResponse;
        }

        public string Edition { get; }

        /// <summary>The tutorial's "API format" line, e.g. <c>POST /dataSets</c>.</summary>
        public string ApiFormat { get; }

        public CurlCommand Curl { get; }

        /// <summary>The JSON response the tutorial prints after the call (with its placeholders), or null.</summary>
        public string? DocumentedResponse { get; }

        /// <summary>The method and the API format's path without its query, e.g. <c>GET /flowSpecs</c>.</summary>
        public string Operation => ApiFormat.Split('?')[0];

        public override string ToString() => Edition + ": " + ApiFormat;
    }

    /// <summary>Reads a tutorial markdown file into its steps, in document order.</summary>
    public static class TutorialDocument
    {
        private static readonly Regex FencedBlock = new Regex("```(?<lang>[a-z]*)[ \\t]*\\r?\\n(?<text>.*?)```", RegexOptions.Singleline);

        public static IReadOnlyList<TutorialStep> Read(string path, string edition)
        {
            var steps = new List<(string ApiFormat, CurlCommand Curl, string? Response)>();
            var apiFormat = string.Empty;
            foreach (Match block in FencedBlock.Matches(File.ReadAllText(path)))
            {
                var text = block.Groups["text"].Value;
                switch (block.Groups["lang"].Value)
                {
                    case "http":
                        apiFormat = text.Trim();
                        break;
                    case "shell" when text.TrimStart().StartsWith("curl", StringComparison.Ordinal):
                        steps.Add((apiFormat, CurlCommand.Parse(text), null));
                        break;
                    case "json" when steps.Count > 0 && steps[steps.Count - 1].Response is null:
                        var last = steps[steps.Count - 1];
                        steps[steps.Count - 1] = (last.ApiFormat, last.Curl, text);
                        break;
                }
            }

            return steps.Select(s => new TutorialStep(edition, s.ApiFormat, s.Curl, s.Response)).ToList();
        }
    }

    /// <summary>A curl command read from a shell block: <c>-X</c> method, URL, <c>-H</c> headers and <c>-d</c> body, quoted as a shell would.</summary>
    public sealed class CurlCommand
    {
        private CurlCommand(string method, string url, IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
        {
            Method = method;
            Url = url;
            Headers = headers;
            Body = body;
        }

        public string Method { get; }

        public string Url { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string? Body { get; }

        public string? Header(string name) => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        public static CurlCommand Parse(string shell)
        {
            var words = ShellWords(shell);
            if (words.Count == 0 || words[0] != "curl")
            {
                throw new FormatException("Not a curl command: " + shell);
            }

            string? method = null;
            string? url = null;
            string? body = null;
            var headers = new List<KeyValuePair<string, string>>();
            for (var i = 1; i < words.Count; i++)
            {
                switch (words[i])
                {
                    case "-X":
                    case "--request":
                        method = words[++i];
                        break;
                    case "-H":
                    case "--header":
                        var header = words[++i];
                        var colon = header.IndexOf(':');
                        headers.Add(new KeyValuePair<string, string>(header.Substring(0, colon).Trim(), header.Substring(colon + 1).Trim()));
                        break;
                    case "-d":
                    case "--data":
                    case "--data-raw":
                        body = words[++i];
                        break;
                    default:
                        url = words[i].StartsWith("http", StringComparison.Ordinal) ? words[i] : throw new FormatException("Unknown curl argument '" + words[i] + "'.");
                        break;
                }
            }

            return new CurlCommand(method ?? (body is null ? "GET" : "POST"), url ?? throw new FormatException("The curl command has no URL."), headers, body);
        }

        /// <summary>Splits shell text into words: single quotes are literal, double quotes honour <c>\"</c>, a backslash-newline joins lines.</summary>
        private static List<string> ShellWords(string text)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var inWord = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r'))
                {
                    i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 2 : 1;
                }
                else if (c == '\'')
                {
                    var end = text.IndexOf('\'', i + 1);
                    word.Append(text, i + 1, end - i - 1);
                    inWord = true;
                    i = end;
                }
                else if (c == '"')
                {
                    for (i++; text[i] != '"'; i++)
                    {
                        word.Append(text[i] == '\\' && (text[i + 1] == '"' || text[i + 1] == '\\') ? text[++i] : text[i]);
                    }

                    inWord = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    word.Append(c == '\\' && i + 1 < text.Length ? text[++i] : c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            return words;
        }
    }
}
