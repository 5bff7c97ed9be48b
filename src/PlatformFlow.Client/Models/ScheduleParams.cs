using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// <c>scheduleParams</c>. <see cref="StartTime"/> is UTC; the platform takes epoch seconds (read from a number or a
    /// string, written as an integer).
    /// </summary>
    public sealed class ScheduleParams : PlatformModel
    {
        [JsonConverter(typeof(EpochSecondsTimeConverter))]
        public DateTimeOffset StartTime { get; init; }

        /// <summary><c>once</c>, <c>minute</c>, <c>hour</c>, <c>day</c> or <c>week</c>.</summary>
        public string Frequency { get; init; } = "once";

        public int? Interval { get; init; }

        public bool? Backfill { get; init; }

        /// <summary>
        /// The schedule as given, the frequency in the platform's spelling (lower case). Nothing is checked or filled in
        /// here: the flow spec's <c>scheduleSpec</c> is the one judge (<see cref="Api.FlowServiceClient.ValidateScheduleAsync"/>).
        /// </summary>
        public static ScheduleParams Of(string frequency, int? interval, DateTimeOffset startTime, bool? backfill) => new ScheduleParams
        {
            StartTime = DateTimeOffset.FromUnixTimeSeconds(startTime.ToUnixTimeSeconds()),
            Frequency = (frequency ?? string.Empty).Trim().ToLowerInvariant(),
            Interval = interval,
            Backfill = backfill,
        };

        /// <summary>The schedule in words, e.g. <c>every 6 hours from 2026-12-01 09:00</c> (local time).</summary>
        public override string ToString() => ScheduleText.Describe(Frequency, Interval, StartTime, Backfill);
    }
}
