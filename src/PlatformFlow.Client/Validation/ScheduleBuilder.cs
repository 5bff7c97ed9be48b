using System;
using System.Collections.Generic;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Validation
{
    /// <summary>
    /// Builds <c>scheduleParams</c> from a user's choices, rejecting the combinations the platform rejects before any request
    /// (contract: <c>once</c> takes no interval and no backfill; otherwise an interval is required, at least 15 for
    /// <c>minute</c>, at least 1 for the rest), and what <see cref="PlatformLimits"/> sets: at most a year between runs,
    /// a start from 2000 to 2099. The flow spec's own <c>scheduleSpec</c> is checked again before the flow is created.
    /// </summary>
    public static class ScheduleBuilder
    {
        public static readonly IReadOnlyList<string> Frequencies = new[] { "once", "minute", "hour", "day", "week" };

        public static ScheduleParams Build(string frequency, int? interval, DateTimeOffset startTime, bool? backfill)
        {
            var normalized = (frequency ?? string.Empty).Trim().ToLowerInvariant();
            var problems = new List<string>();
            if (Array.IndexOf((string[])Frequencies, normalized) < 0)
            {
                problems.Add("Frequency: '" + frequency + "' is not one of Once, Minute, Hour, Day, Week");
            }
            else if (normalized == "once")
            {
                if (interval != null)
                {
                    problems.Add("Interval: a flow that runs once takes no interval");
                }

                if (backfill != null)
                {
                    problems.Add("Backfill: a flow that runs once takes no backfill");
                }
            }
            else
            {
                var minimum = normalized == "minute" ? 15 : 1;
                if (interval is int given)
                {
                    if (given < minimum)
                    {
                        problems.Add("Interval: " + given + " is below the minimum of " + minimum + " for frequency " + normalized);
                    }
                    else if (PlatformLimits.IntervalProblem(normalized, given) is string tooLong)
                    {
                        problems.Add("Interval: " + tooLong);
                    }
                }
                else
                {
                    problems.Add("Interval: frequency " + normalized + " needs an interval (-Interval " + minimum + " or more)");
                }
            }

            if (PlatformLimits.StartTimeProblem(startTime.ToUnixTimeSeconds()) is string outOfRange)
            {
                problems.Add("StartTime: " + startTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC is not from 2000 to 2099 (" + outOfRange + ")");
            }

            PlatformValidationException.ThrowIfAny("schedule", problems);
            return new ScheduleParams
            {
                StartTime = DateTimeOffset.FromUnixTimeSeconds(startTime.ToUnixTimeSeconds()),
                Frequency = normalized,
                Interval = normalized == "once" ? null : interval,
                Backfill = normalized == "once" ? null : backfill,
            };
        }
    }
}
