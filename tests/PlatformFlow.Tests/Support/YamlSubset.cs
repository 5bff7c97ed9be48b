using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Reads the subset of YAML the contract's OpenAPI files use, into JSON nodes: block mappings and sequences by
    /// indentation, plain scalars (continued on deeper lines), single- and double-quoted scalars, <c>|</c> and <c>&gt;</c>
    /// blocks, and the flow forms <c>{}</c>, <c>[]</c> and <c>[a, b]</c>. No anchors, tags or multi-document streams: the
    /// files have none, and a line this reader cannot place throws rather than being guessed at.
    /// </summary>
    public sealed class YamlSubset
    {
        private readonly List<(int Indent, string Text, int Number)> _lines;
        private int _at;

        private YamlSubset(string text)
        {
            _lines = text.Replace("\r\n", "\n").Split('\n')
                .Select((line, index) => (Line: line, Number: index + 1))
                .Where(l => l.Line.Trim().Length > 0 && !l.Line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                .Select(l => (l.Line.Length - l.Line.TrimStart(' ').Length, l.Line.Trim(), l.Number))
                .ToList();
        }

        public static JsonNode? Parse(string text)
        {
            var reader = new YamlSubset(text);
            var node = reader.Block(0);
            return reader._at == reader._lines.Count ? node : throw reader.Unexpected();
        }

        private JsonNode? Block(int indent)
        {
            if (_at >= _lines.Count || _lines[_at].Indent < indent)
            {
                return null;
            }

            return _lines[_at].Text.StartsWith("- ", StringComparison.Ordinal) || _lines[_at].Text == "-" ? Sequence(_lines[_at].Indent) : Mapping(_lines[_at].Indent);
        }

        private JsonArray Sequence(int indent)
        {
            var items = new JsonArray();
            while (_at < _lines.Count && _lines[_at].Indent == indent && (_lines[_at].Text.StartsWith("- ", StringComparison.Ordinal) || _lines[_at].Text == "-"))
            {
                var content = _lines[_at].Text.Length > 1 ? _lines[_at].Text.Substring(2).TrimStart() : string.Empty;
                var contentIndent = indent + (_lines[_at].Text.Length - content.Length);
                if (content.Length == 0)
                {
                    _at++;
                    items.Add(Block(indent + 1));
                }
                else if (KeyOf(content) != null)
                {
                    // "- key: value": a mapping whose first key sits where the content starts.
                    _lines[_at] = (contentIndent, content, _lines[_at].Number);
                    items.Add(Mapping(contentIndent));
                }
                else
                {
                    _at++;
                    items.Add(Scalar(content, indent));
                }
            }

            return items;
        }

        private JsonObject Mapping(int indent)
        {
            var mapping = new JsonObject();
            while (_at < _lines.Count && _lines[_at].Indent == indent)
            {
                var line = _lines[_at];
                var key = KeyOf(line.Text) ?? throw Unexpected();
                var rest = line.Text.Substring(line.Text.IndexOf(':', KeyEnd(line.Text)) + 1).Trim();
                _at++;
                mapping[Unquote(key)] = rest.Length == 0 ? Block(indent + 1) ?? (_at < _lines.Count && _lines[_at].Indent == indent && _lines[_at].Text.StartsWith("- ", StringComparison.Ordinal) ? Sequence(indent) : null)
                    : rest == "|" || rest == ">" || rest == "|-" || rest == ">-" ? JsonValue.Create(BlockText(indent, rest[0] == '|'))
                    : Scalar(rest, indent);
            }

            if (_at < _lines.Count && _lines[_at].Indent > indent)
            {
                throw Unexpected();
            }

            return mapping;
        }

        private string BlockText(int indent, bool literal)
        {
            var parts = new List<string>();
            while (_at < _lines.Count && _lines[_at].Indent > indent)
            {
                parts.Add(_lines[_at++].Text);
            }

            return string.Join(literal ? "\n" : " ", parts);
        }

        /// <summary>A scalar, with the lines deeper than its key that continue it (a plain scalar may span lines).</summary>
        private JsonNode? Scalar(string text, int indent)
        {
            while (_at < _lines.Count && _lines[_at].Indent > indent)
            {
                text += " " + _lines[_at++].Text;
            }

            if (text == "{}")
            {
                return new JsonObject();
            }

            if (text.StartsWith("[", StringComparison.Ordinal) && text.EndsWith("]", StringComparison.Ordinal))
            {
                var inner = text.Substring(1, text.Length - 2).Trim();
                return new JsonArray(inner.Length == 0 ? Array.Empty<JsonNode?>() : inner.Split(',').Select(p => Plain(p.Trim())).ToArray());
            }

            return Plain(text);
        }

        private static JsonNode? Plain(string text)
        {
            if (text.StartsWith("'", StringComparison.Ordinal) || text.StartsWith("\"", StringComparison.Ordinal))
            {
                return JsonValue.Create(Unquote(text));
            }

            switch (text)
            {
                case "null": case "~": return null;
                case "true": return JsonValue.Create(true);
                case "false": return JsonValue.Create(false);
            }

            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit) && !text.Contains(" ") ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }

        /// <summary>The key of a <c>key: value</c> or <c>key:</c> line (the key may be quoted), or null for anything else.</summary>
        private static string? KeyOf(string text)
        {
            var end = KeyEnd(text);
            var colon = text.IndexOf(':', end);
            if (colon < 0 || (colon + 1 < text.Length && text[colon + 1] != ' '))
            {
                return null;
            }

            var key = text.Substring(0, colon).Trim();
            return key.Length == 0 || key.StartsWith("{", StringComparison.Ordinal) || key.StartsWith("[", StringComparison.Ordinal) ? null : key;
        }

        /// <summary>Where a quoted key ends (its colon comes after); 0 for a plain key.</summary>
        private static int KeyEnd(string text)
        {
            if (text.Length == 0 || (text[0] != '\'' && text[0] != '"'))
            {
                return 0;
            }

            var close = text.IndexOf(text[0], 1);
            return close < 0 ? text.Length : close;
        }

        private static string Unquote(string text)
        {
            if (text.Length >= 2 && text[0] == '\'' && text[text.Length - 1] == '\'')
            {
                return text.Substring(1, text.Length - 2).Replace("''", "'");
            }

            return text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"'
                ? JsonNode.Parse(text)!.GetValue<string>()
                : text;
        }

        private FormatException Unexpected() =>
            new FormatException("YAML this reader does not take at line " + (_at < _lines.Count ? _lines[_at].Number.ToString(CultureInfo.InvariantCulture) + ": " + _lines[_at].Text : "end"));
    }
}
