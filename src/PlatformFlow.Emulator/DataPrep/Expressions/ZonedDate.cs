using System;
using System.Globalization;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// The language's date value (Java's <c>ZonedDateTime</c>): an instant with the time zone it is shown in. Written as
    /// ISO 8601, <c>2019-10-23T11:24:00Z</c> in UTC, else with its offset (<c>2019-10-17T11:55:12-07:00</c>).
    /// </summary>
    public sealed class ZonedDate : IComparable<ZonedDate>
    {
        public ZonedDate(DateTimeOffset value, TimeZoneInfo zone)
        {
            Zone = zone;
            Value = TimeZoneInfo.ConvertTime(value, zone);
        }

        /// <summary>The date as its zone shows it (the offset is the zone's at that instant).</summary>
        public DateTimeOffset Value { get; }

        public TimeZoneInfo Zone { get; }

        public static ZonedDate Utc(DateTimeOffset value) => new ZonedDate(value, TimeZoneInfo.Utc);

        /// <summary>An IANA zone id (<c>America/Los_Angeles</c>), <c>UTC</c>/<c>Z</c>, or a Windows id where the system knows it.</summary>
        public static TimeZoneInfo FindZone(string id)
        {
            if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || id == "Z" || string.Equals(id, "GMT", StringComparison.OrdinalIgnoreCase))
            {
                return TimeZoneInfo.Utc;
            }

            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new ArgumentException("'" + id + "' is not a time zone (use an IANA id such as Europe/Paris).");
            }
            catch (InvalidTimeZoneException)
            {
                throw new ArgumentException("'" + id + "' is not a usable time zone.");
            }
        }

        public int CompareTo(ZonedDate? other) => other is null ? 1 : Value.UtcDateTime.CompareTo(other.Value.UtcDateTime);

        public override bool Equals(object? obj) => obj is ZonedDate other && other.Value.UtcDateTime == Value.UtcDateTime;

        public override int GetHashCode() => Value.UtcDateTime.GetHashCode();

        public override string ToString()
        {
            var fraction = Value.Ticks % TimeSpan.TicksPerSecond;
            var text = Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            if (fraction != 0)
            {
                text += "." + (Value.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
            }

            return text + (Value.Offset == TimeSpan.Zero ? "Z" : Value.ToString("zzz", CultureInfo.InvariantCulture));
        }
    }
}
