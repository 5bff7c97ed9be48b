using System;
using System.Globalization;
using System.Text;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// The page's "Date and time functions". Formats are Java <c>DateTimeFormatter</c> patterns (<c>yyyy-MM-dd'T'HH:mm:ss.SSSX</c>),
    /// read by <see cref="JavaPattern"/>; dates are <see cref="ZonedDate"/>s, UTC unless a zone is given.
    /// </summary>
    internal static class DateFunctions
    {
        private const string DateAndTime = "Date and time";

        public static void Register(ElFunctionLibrary library)
        {
            library.Add(DateAndTime, "now", "now()", "Retrieves the current time.", "now()", "2021-10-26T10:10:24Z", 0, 0, ElType.Date,
                a => ZonedDate.Utc(a.Now));
            library.Add(DateAndTime, "timestamp", "timestamp()", "Retrieves the current Unix time in milliseconds.", "timestamp()", "1571850624571", 0, 0, ElType.Integer,
                a => a.Now.ToUnixTimeMilliseconds());
            library.Add(DateAndTime, "format", "format(DATE, FORMAT)", "Formats the input date according to a specified format.",
                "format(date(\"2019-10-23 11:24:35\", \"yyyy-MM-dd HH:mm:ss\"), \"yyyy-MM-dd HH:mm:ss\")", "2019-10-23 11:24:35", 2, 2, ElType.String,
                a => a[0] is null ? null : JavaPattern.Format(a.Date(0), a.TextOr(1, "yyyy-MM-dd'T'HH:mm:ssXXX")));
            library.Add(DateAndTime, "dformat", "dformat(TIMESTAMP, FORMAT)", "Converts a timestamp in milliseconds to a date string according to a specified format (UTC).",
                "dformat(1571829875000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")", "2019-10-23T11:24:35.000Z", 2, 2, ElType.String,
                a => a[0] is null ? null : JavaPattern.Format(ZonedDate.Utc(DateTimeOffset.FromUnixTimeMilliseconds(a.Integer(0))), a.TextOr(1, "yyyy-MM-dd'T'HH:mm:ssXXX")));
            library.Add(DateAndTime, "date", "date(DATE, FORMAT, DEFAULT_DATE)", "Converts a date string into a date (ISO 8601), read with FORMAT when given; DEFAULT_DATE when it cannot be read.",
                "date(\"2019-10-23 11:24\", \"yyyy-MM-dd HH:mm\", now())", "2019-10-23T11:24:00Z", 1, 3, ElType.Date, ToDate);
            library.Add(DateAndTime, "date_part", "date_part(COMPONENT, DATE)", "Retrieves a part of the date: year, quarter, month, dayofyear, day, week, weekday, hour, minute, second, millisecond (or their short forms).",
                "date_part(\"MM\", date(\"2019-10-17 11:55:12\"))", "10", 2, 2, ElType.Integer,
                a => a[1] is null ? null : (object)(long)Part(a, a.TextOr(0, string.Empty), a.Date(1).Value));
            library.Add(DateAndTime, "set_date_part", "set_date_part(COMPONENT, VALUE, DATE)", "Replaces a component (year, month, day, hour, minute, second) in a given date.",
                "set_date_part(\"m\", 4, date(\"2016-11-09T11:44:44.797\"))", "\"2016-04-09T11:44:44.797Z\"", 3, 3, ElType.Date, SetPart);
            foreach (var name in new[] { "make_date_time", "make_timestamp" })
            {
                library.Add(DateAndTime, name, name + "(YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, NANOSECOND, TIMEZONE)", "Creates a date from parts, in the given time zone.",
                    name + "(2019, 10, 17, 11, 55, 12, 999, \"America/Los_Angeles\")", "2019-10-17T11:55:12.0000009-07:00", 8, 8, ElType.Date, Make);
            }

            library.Add(DateAndTime, "zone_date_to_utc", "zone_date_to_utc(DATE)", "Converts a date in any time zone to a date in UTC.",
                "zone_date_to_utc(make_date_time(2019, 10, 17, 11, 55, 12, 0, \"America/Los_Angeles\"))", "2019-10-17T18:55:12Z", 1, 1, ElType.Date,
                a => a[0] is null ? null : ZonedDate.Utc(a.Date(0).Value));
            library.Add(DateAndTime, "zone_date_to_zone", "zone_date_to_zone(DATE, ZONE)", "Converts a date from one time zone to another.",
                "zone_date_to_zone(date(\"2021-10-26T13:43:59Z\"), \"Europe/Paris\")", "2021-10-26T15:43:59+02:00", 2, 2, ElType.Date,
                a => a[0] is null ? null : new ZonedDate(a.Date(0).Value, ZonedDate.FindZone(a.TextOr(1, "UTC"))));
        }

        /// <summary>A date written the usual ways (ISO 8601 with or without <c>T</c>, zone or seconds), read as UTC without a zone; null otherwise.</summary>
        public static ZonedDate? ParseLoose(string text) =>
            DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
                ? ZonedDate.Utc(parsed)
                : null;

        private static object? ToDate(ElArguments a)
        {
            var fallback = a.Count > 2 ? a[2] : null;
            if (!(a.Text(0) is string text))
            {
                return fallback;
            }

            var parsed = a.Has(1) ? JavaPattern.Parse(text, a.Text(1)!) : ParseLoose(text);
            return parsed ?? fallback;
        }

        private static int Part(ElArguments a, string component, DateTimeOffset date)
        {
            switch (component.ToLowerInvariant())
            {
                case "year": case "yyyy": case "yy": return date.Year;
                case "quarter": case "qq": case "q": return ((date.Month - 1) / 3) + 1;
                case "month": case "mm": case "m": return date.Month;
                case "dayofyear": case "dy": case "y": return date.DayOfYear;
                case "day": case "dd": case "d": return date.Day;
                case "week": case "ww": case "w":
                    return CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date.DateTime, CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday);
                case "weekday": case "dw": return date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
                case "hour": case "hh": case "hh24": return date.Hour;
                case "hh12": return date.Hour % 12 == 0 ? 12 : date.Hour % 12;
                case "minute": case "mi": case "n": return date.Minute;
                case "second": case "ss": case "s": return date.Second;
                case "millisecond": case "sss": return date.Millisecond;
                default: throw a.Fail("'" + component + "' is not a date component (year, quarter, month, dayofyear, day, week, weekday, hour, minute, second, millisecond)");
            }
        }

        private static object? SetPart(ElArguments a)
        {
            if (a[2] is null)
            {
                return null;
            }

            var date = a.Date(2);
            var v = date.Value;
            var value = (int)a.Integer(1);
            DateTimeOffset changed;
            switch (a.TextOr(0, string.Empty).ToLowerInvariant())
            {
                case "year": case "yyyy": case "yy": changed = v.AddYears(value - v.Year); break;
                case "month": case "mm": case "m": changed = v.AddMonths(value - v.Month); break;
                case "day": case "dd": case "d": changed = v.AddDays(value - v.Day); break;
                case "hour": case "hh": changed = v.AddHours(value - v.Hour); break;
                case "minute": case "mi": case "n": changed = v.AddMinutes(value - v.Minute); break;
                case "second": case "ss": case "s": changed = v.AddSeconds(value - v.Second); break;
                default: throw a.Fail("'" + a.Text(0) + "' is not a component set_date_part can replace (year, month, day, hour, minute, second)");
            }

            return new ZonedDate(changed, date.Zone);
        }

        private static object? Make(ElArguments a)
        {
            var zone = ZonedDate.FindZone(a.TextOr(7, "UTC"));
            var nanos = a.Integer(6);
            if (nanos < 0 || nanos > 999999999)
            {
                throw a.Fail("NANOSECOND must be 0 to 999999999, not " + nanos);
            }

            var local = new DateTime((int)a.Integer(0), (int)a.Integer(1), (int)a.Integer(2), (int)a.Integer(3), (int)a.Integer(4), (int)a.Integer(5), DateTimeKind.Unspecified)
                .AddTicks(nanos / 100);
            return new ZonedDate(new DateTimeOffset(local, zone.GetUtcOffset(local)), zone);
        }

        /// <summary>Java <c>DateTimeFormatter</c> patterns: letters repeat for width, <c>'...'</c> is literal text, <c>X</c>/<c>Z</c> the offset.</summary>
        internal static class JavaPattern
        {
            public static string Format(ZonedDate date, string pattern) => Convert(pattern, date.Value, forParsing: false);

            public static ZonedDate? Parse(string text, string pattern)
            {
                var format = Convert(pattern, default, forParsing: true);
                return DateTimeOffset.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
                    ? ZonedDate.Utc(parsed)
                    : null;
            }

            /// <summary>Formats <paramref name="value"/> by the pattern, or (<paramref name="forParsing"/>) gives the equivalent .NET format.</summary>
            private static string Convert(string pattern, DateTimeOffset value, bool forParsing)
            {
                var net = new StringBuilder();
                var i = 0;
                while (i < pattern.Length)
                {
                    var c = pattern[i];
                    if (c == '\'')
                    {
                        var end = pattern.IndexOf('\'', i + 1);
                        var literal = end < 0 ? pattern.Substring(i + 1) : pattern.Substring(i + 1, end - i - 1);
                        net.Append(Quote(literal.Length == 0 ? "'" : literal));
                        i = end < 0 ? pattern.Length : end + 1;
                        continue;
                    }

                    var run = 1;
                    while (i + run < pattern.Length && pattern[i + run] == c)
                    {
                        run++;
                    }

                    net.Append(Field(c, run, forParsing, value));
                    i += run;
                }

                return forParsing ? net.ToString() : value.ToString(net.ToString(), CultureInfo.InvariantCulture);
            }

            private static string Field(char c, int run, bool forParsing, DateTimeOffset value)
            {
                switch (c)
                {
                    case 'y':
                    case 'u':
                        return run == 2 ? "yy" : "yyyy";
                    case 'M':
                    case 'L':
                        return new string('M', Math.Min(run, 4));
                    case 'd':
                    case 'H':
                    case 'h':
                    case 'm':
                    case 's':
                        return new string(c, Math.Min(run, 2));
                    case 'S':
                        return new string('f', Math.Min(run, 7));
                    case 'a':
                        return "tt";
                    case 'E':
                        return run >= 4 ? "dddd" : "ddd";
                    case 'X':
                    case 'x':
                    case 'Z':
                        if (forParsing)
                        {
                            return "zzz";
                        }

                        var offset = value.Offset;
                        if (offset == TimeSpan.Zero && c == 'X')
                        {
                            return "'Z'";
                        }

                        var sign = offset < TimeSpan.Zero ? "-" : "+";
                        var hours = Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture);
                        var minutes = Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
                        return "'" + sign + hours + (run == 1 && c != 'Z' ? (offset.Minutes == 0 ? string.Empty : minutes) : run >= 3 ? ":" + minutes : minutes) + "'";
                    default:
                        return char.IsLetter(c) ? throw new ArgumentException("the pattern letter '" + c + "' is not supported") : Quote(new string(c, run));
                }
            }

            private static string Quote(string literal) =>
                "'" + literal.Replace("'", "\\'") + "'";
        }
    }
}
