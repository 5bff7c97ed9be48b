using System;
using System.Collections.Generic;
using System.Globalization;

namespace PlatformFlow.JsonSchema
{
    /// <summary>
    /// Ranges the flow spec's <c>scheduleSpec</c> does not state but a working schedule needs, and the rule for names.
    /// One implementation: the client checks them before sending, the emulator refuses them on create and update, so
    /// no resource a listing cannot read is ever stored.
    /// </summary>
    public static class PlatformLimits
    {
        /// <summary>The earliest <c>startTime</c>: 2000-01-01T00:00:00Z, in epoch seconds.</summary>
        public const long EarliestStartTime = 946684800;

        /// <summary>The latest <c>startTime</c>: 2099-12-31T23:59:59Z, in epoch seconds.</summary>
        public const long LatestStartTime = 4102444799;

        /// <summary>The longest name of a flow or of one of its parts.</summary>
        public const int NameMaxLength = 256;

        /// <summary>At most a year between runs, in the frequency's own unit.</summary>
        private static readonly IReadOnlyDictionary<string, long> MaxInterval = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
        {
            ["minute"] = 525600,
            ["hour"] = 8784,
            ["day"] = 366,
            ["week"] = 53,
        };

        /// <summary>The column types a source connection's <c>params.columns[].type</c> may name.</summary>
        public static readonly IReadOnlyList<string> ColumnTypes = new[]
        {
            "string", "boolean", "byte", "short", "integer", "long", "float", "double", "decimal", "number", "date", "datetime", "timestamp", "binary",
        };

        /// <summary>What is wrong with a column type, or null (types compare without regard to case).</summary>
        public static string? ColumnTypeProblem(string type)
        {
            foreach (var known in ColumnTypes)
            {
                if (string.Equals(known, type, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return "'" + Excerpt.Of(type) + "' is not a column type; use one of " + string.Join(", ", ColumnTypes);
        }

        /// <summary>What is wrong with a start time (epoch seconds), or null.</summary>
        public static string? StartTimeProblem(long startTime) =>
            startTime < EarliestStartTime || startTime > LatestStartTime
                ? "startTime " + startTime.ToString(CultureInfo.InvariantCulture) + " is outside 2000-01-01 to 2099-12-31 (epoch seconds "
                    + EarliestStartTime.ToString(CultureInfo.InvariantCulture) + " to " + LatestStartTime.ToString(CultureInfo.InvariantCulture) + ")"
                : null;

        /// <summary>What is wrong with an interval above a year for <paramref name="frequency"/>, or null (the minimum is the spec's rule).</summary>
        public static string? IntervalProblem(string frequency, long interval) =>
            MaxInterval.TryGetValue(frequency, out var most) && interval > most
                ? "interval " + interval.ToString(CultureInfo.InvariantCulture) + " is more than a year of " + frequency.ToLowerInvariant() + "s (at most "
                    + most.ToString(CultureInfo.InvariantCulture) + ")"
                : null;

        /// <summary>
        /// What is wrong with a name, or null: it is text of 1 to <see cref="NameMaxLength"/> characters with no spaces
        /// around it (the client trims them before sending; a stored name is found exactly as given).
        /// </summary>
        public static string? NameProblem(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return "a name is required (non-empty text)";
            }

            if (name!.Length > NameMaxLength)
            {
                return "a name has at most " + NameMaxLength.ToString(CultureInfo.InvariantCulture) + " characters, not " + name.Length.ToString(CultureInfo.InvariantCulture);
            }

            return char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]) ? "a name has no spaces at its start or end" : null;
        }
    }
}
