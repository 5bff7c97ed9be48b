using System;
using System.Globalization;
using System.Linq;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// The string formats <see cref="SchemaValidationOptions.AssertFormats"/> asserts, as draft-07 defines them: <c>email</c>
    /// (RFC 5322 addr-spec, ASCII: non-ASCII addresses are <c>idn-email</c>), <c>date</c> and <c>date-time</c> (RFC 3339: a
    /// real calendar date, a time with its offset), <c>uri</c> (absolute, with a scheme) and <c>uri-reference</c>.
    /// </summary>
    public static class StringFormats
    {
        private const string AtomSymbols = "!#$%&'*+-/=?^_`{|}~";

        /// <summary>False only when <paramref name="format"/> is one of the asserted formats and the text breaks it.</summary>
        public static bool IsValid(string format, string text)
        {
            switch (format)
            {
                case "email": return IsEmail(text);
                case "date": return IsDate(text);
                case "date-time": return IsDateTime(text);
                case "uri": return Uri.TryCreate(text, UriKind.Absolute, out _) && text.IndexOf(':') > 0 && !text.Any(char.IsWhiteSpace);
                case "uri-reference": return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _) && !text.Any(char.IsWhiteSpace);
                default: return true;
            }
        }

        private static bool IsEmail(string text)
        {
            var at = text.LastIndexOf('@');
            if (at <= 0 || at == text.Length - 1)
            {
                return false;
            }

            var local = text.Substring(0, at);
            var domain = text.Substring(at + 1);
            var localValid = local.Split('.').All(atom => atom.Length > 0 && atom.All(c => c < 128 && (char.IsLetterOrDigit(c) || AtomSymbols.IndexOf(c) >= 0)));
            var labels = domain.Split('.');
            var domainValid = labels.Length >= 2 && labels.All(label => label.Length > 0 && label.Length <= 63 && label[0] != '-' && label[label.Length - 1] != '-'
                && label.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '-')));
            return localValid && domainValid;
        }

        private static bool IsDate(string text) =>
            text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        private static bool IsDateTime(string text)
        {
            var separator = text.IndexOfAny(new[] { 'T', 't' });
            if (separator != 10 || !IsDate(text.Substring(0, 10)))
            {
                return false;
            }

            var time = text.Substring(11);
            var zone = time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) ? time.Length - 1 : Math.Max(time.LastIndexOf('+'), time.LastIndexOf('-'));
            if (zone < 8)
            {
                return false;
            }

            var offset = time.Substring(zone);
            var clock = time.Substring(0, zone);
            var offsetValid = offset.Length == 1 || (offset.Length == 6 && TimeSpan.TryParseExact(offset.Substring(1), "hh\\:mm", CultureInfo.InvariantCulture, out var span) && span.TotalHours < 24);
            var clockValid = DateTime.TryParseExact(clock, new[] { "HH:mm:ss", "HH:mm:ss.FFFFFFF" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            return offsetValid && clockValid;
        }
    }
}
