using System.Globalization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A schedule in words, as people say it: <c>once at 2026-12-01 09:00</c>, <c>every 6 hours from 2026-12-01 09:00</c>.</summary>
    public static class ScheduleText
    {
        public static string Describe(string frequency, int? interval, DateTimeOffset startTime, bool? backfill)
        {
            var start = startTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var often = Frequency(frequency, interval);
            return often == Once ? "once at " + start : often + " from " + start + (backfill == true ? " with backfill" : string.Empty);
        }

        /// <summary>How often, without the start: <c>once</c>, <c>every hour</c>, <c>every 6 hours</c>.</summary>
        public static string Frequency(string frequency, int? interval)
        {
            var unit = (frequency ?? string.Empty).Trim().ToLowerInvariant();
            if (unit == Once)
            {
                return Once;
            }

            return interval is int n && n != 1 ? "every " + n.ToString(CultureInfo.InvariantCulture) + " " + unit + "s" : "every " + unit;
        }

        private const string Once = "once";
    }
}
