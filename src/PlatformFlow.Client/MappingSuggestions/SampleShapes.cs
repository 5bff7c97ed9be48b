using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>What sample values look like: email addresses, ISO or local dates, numbers written as text.</summary>
    internal static class SampleShapes
    {
        private static readonly Regex Email = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);
        private static readonly Regex IsoDate = new Regex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);
        private static readonly Regex IsoDateTime = new Regex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant);
        private static readonly Regex LocalDate = new Regex(@"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$", RegexOptions.CultureInvariant);
        private static readonly Regex YearFirstDate = new Regex(@"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})( \d{1,2}:\d{2}(:\d{2})?)?$", RegexOptions.CultureInvariant);

        /// <summary>Characters that decorate numbers written as text: thousands separators, currency signs, spaces.</summary>
        public static readonly string[] NumberDecorations = { ",", "$", "€", "£", " " };

        /// <summary>Characters people put in phone numbers that the platform's identity graph does not want.</summary>
        public static readonly string[] PhoneDecorations = { " ", "-", "(", ")", "." };

        public static bool IsEmail(string text) => Email.IsMatch(text);

        public static bool IsIsoDate(string text) => IsoDate.IsMatch(text);

        public static bool IsIsoDateTime(string text) => IsoDateTime.IsMatch(text) || IsoDate.IsMatch(text);

        public static bool IsNumber(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        public static bool IsWholeNumber(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Floor(number) == number;

        public static bool IsBooleanText(string text) =>
            string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);

        public static string Undecorated(string text, IEnumerable<string> decorations) =>
            decorations.Aggregate(text, (current, decoration) => current.Replace(decoration, string.Empty));

        /// <summary>
        /// The Java <c>DateTimeFormatter</c> pattern every sample is written in (<c>MM/dd/yyyy</c>, <c>dd.MM.yyyy HH:mm</c>...),
        /// telling day-first from month-first by a part above 12; null when the samples are not local dates of one shape.
        /// </summary>
        public static string? LocalDatePattern(IReadOnlyList<string> samples, out bool ambiguous)
        {
            ambiguous = false;
            if (samples.Count == 0)
            {
                return null;
            }

            if (samples.All(s => YearFirstDate.IsMatch(s)))
            {
                var first = YearFirstDate.Match(samples[0]);
                var yearFirstTime = TimePattern(samples.Select(s => YearFirstDate.Match(s).Groups[5].Value));
                return yearFirstTime is null ? null : "yyyy" + first.Groups[2].Value + "MM" + first.Groups[2].Value + "dd" + yearFirstTime;
            }

            var matches = samples.Select(s => LocalDate.Match(s)).ToList();
            var separator = matches[0].Groups[2].Value;
            if (!matches.All(m => m.Success && m.Groups[2].Value == separator))
            {
                return null;
            }

            var dayFirst = matches.Any(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 12);
            var monthFirst = matches.Any(m => int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) > 12);
            if (dayFirst && monthFirst)
            {
                return null;
            }

            // Neither part above 12: month first for slashes (the US habit), day first otherwise; the confidence says so.
            ambiguous = !dayFirst && !monthFirst;
            dayFirst = dayFirst || (ambiguous && separator != "/");
            var padded = matches.All(m => m.Groups[1].Length == 2 && m.Groups[3].Length == 2);
            var time = TimePattern(matches.Select(m => m.Groups[5].Value));
            if (time is null)
            {
                return null;
            }

            var day = padded ? "dd" : "d";
            var month = padded ? "MM" : "M";
            return (dayFirst ? day + separator + month : month + separator + day) + separator + "yyyy" + time;
        }

        /// <summary>Whether a value the mapping wrote can go into the field as it is.</summary>
        public static bool Fits(TargetField field, JsonNode? value)
        {
            if (!(value is JsonValue scalar))
            {
                return false;
            }

            var isText = scalar.TryGetValue<string>(out var text);
            switch (field.Kind)
            {
                case FieldKind.Integer: return !isText && IsWholeNumber(scalar.ToJsonString());
                case FieldKind.Number: return !isText && IsNumber(scalar.ToJsonString());
                case FieldKind.Boolean: return scalar.TryGetValue<bool>(out _);
                case FieldKind.Email: return isText && IsEmail(text!);
                case FieldKind.Date: return isText && IsIsoDate(text!) && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                case FieldKind.DateTime: return isText && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
                case FieldKind.Enumeration: return isText && field.Enumeration!.Contains(text!);
                case FieldKind.Phone: return isText && Undecorated(text!, PhoneDecorations) == text;
                default: return isText && FitsText(field, text!);
            }
        }

        public static bool FitsText(TargetField field, string text) =>
            (field.Pattern is null || field.Pattern.IsMatch(text)) && (field.MaxLength is null || text.Length <= field.MaxLength);

        /// <summary>The time part of every sample (<c> H:mm</c>, <c> H:mm:ss</c> or none); null when they differ.</summary>
        private static string? TimePattern(IEnumerable<string> times)
        {
            var shapes = times.Select(t => t.Length == 0 ? string.Empty : t.Count(c => c == ':') == 2 ? " H:mm:ss" : " H:mm").Distinct().ToList();
            return shapes.Count == 1 ? shapes[0] : null;
        }
    }
}
