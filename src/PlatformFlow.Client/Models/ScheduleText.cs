using System;
using System.Globalization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A schedule in words, as people say it: <c>once at 2026-12-01 09:00</c>, <c>every 6 hours from 2026-12-01 09:00</c>.</summary>
    public static class ScheduleText
    {
        public static string Describe(string frequency, int? interval, DateTimeOffset startTime, bool? backfill)
        {
            var start = startTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var unit = (frequency ?? string.Empty).Trim().ToLowerInvariant();
            if (unit == "once")
            {
                return "once at " + start;
            }

            var every = interval is int n && n != 1 ? "every " + n.ToString(CultureInfo.InvariantCulture) + " " + unit + "s" : "every " + unit;
            return every + " from " + start + (backfill == true ? " with backfill" : string.Empty);
        }
    }
}
