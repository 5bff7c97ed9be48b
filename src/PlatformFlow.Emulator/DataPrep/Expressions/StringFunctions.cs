using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The page's "String functions" and "Regular expression functions". Indexes are zero-based, as on the platform.</summary>
    internal static class StringFunctions
    {
        private const string String = "String";
        private const string RegularExpression = "Regular expression";

        public static void Register(ElFunctionLibrary library)
        {
            library.Add(String, "concat", "concat(STRING_1, STRING_2)", "Concatenates the given strings.",
                "concat(\"Hi, \", \"there\", \"!\")", "\"Hi, there!\"", 1, ElFunction.Unbounded, ElType.String,
                a => string.Concat(a.Values.Select(ElValues.Text)));
            library.Add(String, "explode", "explode(STRING, REGEX)", "Splits the string based on a regex and returns an array of parts (\",\" by default).",
                "explode(\"Hi, there!\", \" \")", "[\"Hi,\", \"there!\"]", 1, 2, ElType.Array,
                a => a.Text(0) is string text ? JavaSplit(text, a.TextOr(1, ",")) : null);
            library.Add(String, "instr", "instr(INPUT, SUBSTRING, START_POSITION, OCCURRENCE)", "Returns the location/index of a substring (-1 when absent).",
                "instr(\"adobe.com\", \"com\")", "6", 2, 4, ElType.Integer, IndexOf);
            library.Add(String, "replacestr", "replacestr(INPUT, TO_FIND, TO_REPLACE)", "Replaces the search string if present in original string.",
                "replacestr(\"This is a string re test\", \"re\", \"replace\")", "\"This is a string replace test\"", 3, 3, ElType.String,
                a => a.Text(0) is string text && !string.IsNullOrEmpty(a.Text(1)) ? text.Replace(a.Text(1)!, a.TextOr(2, string.Empty)) : a.Text(0));
            library.Add(String, "substr", "substr(INPUT, START_INDEX, LENGTH)", "Returns a substring of a given length.",
                "substr(\"This is a substring test\", 7, 8)", "\" a subst\"", 3, 3, ElType.String, Substring);
            foreach (var name in new[] { "lower", "lcase" })
            {
                library.Add(String, name, name + "(INPUT)", "Converts a string to lowercase.", name + "(\"HeLLo\")", "\"hello\"", 1, 1, ElType.String,
                    a => a.Text(0)?.ToLowerInvariant());
            }

            foreach (var name in new[] { "upper", "ucase" })
            {
                library.Add(String, name, name + "(INPUT)", "Converts a string to uppercase.", name + "(\"HeLLo\")", "\"HELLO\"", 1, 1, ElType.String,
                    a => a.Text(0)?.ToUpperInvariant());
            }

            library.Add(String, "split", "split(INPUT, SEPARATOR)", "Splits an input string on a separator; each character of SEPARATOR separates, and empty parts are dropped.",
                "split(\"Hello world\", \" \")", "[\"Hello\", \"world\"]", 2, 2, ElType.Array,
                a => a.Text(0) is string text ? text.Split(a.TextOr(1, " ").ToCharArray(), StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList() : null);
            library.Add(String, "join", "join(SEPARATOR, [OBJECTS])", "Joins a list of objects using the separator.",
                "join(\" \", to_array(true, \"Hello\", \"world\"))", "\"Hello world\"", 2, ElFunction.Unbounded, ElType.String,
                a => string.Join(a.TextOr(0, string.Empty), ElValues.Items(a.From(1)).Select(ElValues.Text)));
            library.Add(String, "lpad", "lpad(INPUT, COUNT, PADDING)", "Pads the left side of a string with the other given string.",
                "lpad(\"bat\", 8, \"yz\")", "\"yzyzybat\"", 3, 3, ElType.String, a => Pad(a, left: true));
            library.Add(String, "rpad", "rpad(INPUT, COUNT, PADDING)", "Pads the right side of a string with the other given string.",
                "rpad(\"bat\", 8, \"yz\")", "\"batyzyzy\"", 3, 3, ElType.String, a => Pad(a, left: false));
            library.Add(String, "left", "left(STRING, COUNT)", "Gets the first \"n\" characters of the given string.",
                "left(\"abcde\", 2)", "\"ab\"", 2, 2, ElType.String,
                a => a.Text(0) is string text ? text.Substring(0, (int)Math.Max(0, Math.Min(text.Length, a.Integer(1)))) : null);
            library.Add(String, "right", "right(STRING, COUNT)", "Gets the last \"n\" characters of the given string.",
                "right(\"abcde\", 2)", "\"de\"", 2, 2, ElType.String,
                a => a.Text(0) is string text ? text.Substring(text.Length - (int)Math.Max(0, Math.Min(text.Length, a.Integer(1)))) : null);
            library.Add(String, "ltrim", "ltrim(STRING)", "Removes the whitespace from the beginning of the string.",
                "ltrim(\" hello\")", "\"hello\"", 1, 1, ElType.String, a => a.Text(0)?.TrimStart());
            library.Add(String, "rtrim", "rtrim(STRING)", "Removes the whitespace from the end of the string.",
                "rtrim(\"hello \")", "\"hello\"", 1, 1, ElType.String, a => a.Text(0)?.TrimEnd());
            library.Add(String, "trim", "trim(STRING)", "Removes the whitespace from the beginning and the end of the string.",
                "trim(\" hello \")", "\"hello\"", 1, 1, ElType.String, a => a.Text(0)?.Trim());
            library.Add(String, "equals", "STRING1.equals(STRING2)", "Compares two strings to confirm if they are equal (case sensitive).",
                "\"string1\".equals(\"STRING1\")", "false", 2, 2, ElType.Boolean,
                a => a[0] != null && string.Equals(a.Text(0), a.Text(1), StringComparison.Ordinal));
            library.Add(String, "equalsIgnoreCase", "STRING1.equalsIgnoreCase(STRING2)", "Compares two strings to confirm if they are equal, not case sensitive.",
                "\"string1\".equalsIgnoreCase(\"STRING1\")", "true", 2, 2, ElType.Boolean,
                a => a[0] != null && string.Equals(a.Text(0), a.Text(1), StringComparison.OrdinalIgnoreCase));

            library.Add(RegularExpression, "extract_regex", "extract_regex(STRING, REGEX)", "Extracts groups from the input string, based on a regular expression: the whole match, then each group.",
                "extract_regex(\"E259,E259B_009,1_1\", \"([^,]+),[^,]*,([^,]+)\")", "[\"E259,E259B_009,1_1\", \"E259\", \"1_1\"]", 2, 2, ElType.Array, ExtractGroups);
            library.Add(RegularExpression, "matches_regex", "matches_regex(STRING, REGEX)", "Checks to see if the whole string matches against the regular expression.",
                "matches_regex(\"E259,E259B_009,1_1\", \"([^,]+),[^,]*,([^,]+)\")", "true", 2, 2, ElType.Boolean,
                a => a.Text(0) is string text && Pattern(a, 1, anchored: true).IsMatch(text));
        }

        /// <summary>Java's <c>String.split(regex)</c>: trailing empty parts are dropped.</summary>
        private static List<object?> JavaSplit(string text, string regex)
        {
            var parts = new Regex(regex, RegexOptions.CultureInvariant).Split(text).ToList();
            while (parts.Count > 1 && parts[parts.Count - 1].Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }

            return parts.Cast<object?>().ToList();
        }

        private static object? IndexOf(ElArguments a)
        {
            var text = a.Text(0);
            var part = a.Text(1);
            if (text is null || part is null)
            {
                return null;
            }

            var from = (int)Math.Max(0, a.IntegerOr(2, 0));
            var occurrence = a.IntegerOr(3, 1);
            if (occurrence < 1)
            {
                throw a.Fail("OCCURRENCE must be 1 or more, not " + occurrence);
            }

            var index = from - 1;
            for (var found = 0; found < occurrence; found++)
            {
                index = index + 1 > text.Length ? -1 : text.IndexOf(part, index + 1, StringComparison.Ordinal);
                if (index < 0)
                {
                    return -1L;
                }
            }

            return (long)index;
        }

        private static object? Substring(ElArguments a)
        {
            var text = a.Text(0);
            if (text is null)
            {
                return null;
            }

            var start = (int)Math.Max(0, Math.Min(text.Length, a.Integer(1)));
            var length = (int)Math.Max(0, Math.Min(text.Length - start, a.Integer(2)));
            return text.Substring(start, length);
        }

        /// <summary>Pads to COUNT characters by repeating PADDING (a space when it is null or empty), as Apache's leftPad/rightPad.</summary>
        private static object? Pad(ElArguments a, bool left)
        {
            var text = a.Text(0);
            if (text is null)
            {
                return null;
            }

            var size = a.Integer(1);
            var padding = string.IsNullOrEmpty(a.Text(2)) ? " " : a.Text(2)!;
            if (size <= text.Length)
            {
                return text;
            }

            var fill = new StringBuilder();
            while (fill.Length < size - text.Length)
            {
                fill.Append(padding);
            }

            var pad = fill.ToString(0, (int)size - text.Length);
            return left ? pad + text : text + pad;
        }

        private static object? ExtractGroups(ElArguments a)
        {
            var text = a.Text(0);
            if (text is null)
            {
                return null;
            }

            var match = Pattern(a, 1, anchored: false).Match(text);
            return match.Success ? match.Groups.Cast<Group>().Select(g => g.Success ? (object?)g.Value : null).ToList() : new List<object?>();
        }

        private static Regex Pattern(ElArguments a, int index, bool anchored)
        {
            var pattern = a.Text(index) ?? throw a.Fail("REGEX is required");
            try
            {
                return new Regex(anchored ? "^(?:" + pattern + ")$" : pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                throw a.Fail("'" + pattern + "' is not a regular expression: " + ex.Message);
            }
        }
    }
}
