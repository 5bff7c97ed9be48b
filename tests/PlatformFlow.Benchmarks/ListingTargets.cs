using System.Collections.Generic;
using System.Globalization;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// What "Get-Dataflow lists stream: objects are written as each page arrives, memory stays flat whatever the count"
    /// means in numbers. Each limit has a few times headroom over what this machine measured (README), so a slow or busy
    /// machine passes while buffering, a leak or a large slowdown does not.
    /// </summary>
    public sealed class ListingTargets
    {
        /// <summary>
        /// Live heap added from 10% of the stream to its end. Streaming keeps one page alive whatever the count; keeping
        /// every flow costs several KB each, so 5,000 flows kept would add more than ten times this.
        /// </summary>
        public const double MaxHeapGrowthMegabytes = 2;

        /// <summary>
        /// The first object's latency in mean page times. Streaming writes it after one page; a listing that buffered
        /// would write it after all of them (100 at the default size).
        /// </summary>
        public const double MaxFirstObjectInPages = 3;

        /// <summary>Objects per second through the client alone (HTTP pipeline, JSON, operation, host), without the emulator's time.</summary>
        public const double MinClientObjectsPerSecond = 5000;

        /// <summary>Bytes the client allocates per object listed (the emulator's allocations not counted).</summary>
        public const double MaxClientKilobytesPerObject = 20;

        private ListingTargets(ListingResult result)
        {
            HeapGrowth = new TargetOutcome(
                "< " + Number(MaxHeapGrowthMegabytes, "0") + " MB",
                result.HeapGrowth < MaxHeapGrowthMegabytes * Units.Megabyte,
                "Memory is not flat: the live heap grew by " + Units.Megabytes(result.HeapGrowth) + " while streaming (target < " + Number(MaxHeapGrowthMegabytes, "0") + " MB).");
            FirstObject = new TargetOutcome(
                "<= " + Number(MaxFirstObjectInPages, "0") + " page times",
                result.FirstObjectInPages <= MaxFirstObjectInPages,
                "Not streaming: the first object came after " + Number(result.FirstObjectInPages, "0.0") + " page times (target <= " + Number(MaxFirstObjectInPages, "0") + ").");
            Throughput = new TargetOutcome(
                ">= " + Number(MinClientObjectsPerSecond, "N0") + " objects/s",
                result.ClientObjectsPerSecond >= MinClientObjectsPerSecond,
                "Too slow: the client listed " + Number(result.ClientObjectsPerSecond, "N0") + " objects/s (target >= " + Number(MinClientObjectsPerSecond, "N0") + ").");
            Allocation = new TargetOutcome(
                "<= " + Number(MaxClientKilobytesPerObject, "0") + " KB/object",
                result.ClientBytesPerObject <= MaxClientKilobytesPerObject * Units.Kilobyte,
                "Allocates too much: the client allocated " + Units.Kilobytes(result.ClientBytesPerObject) + " per object (target <= " + Number(MaxClientKilobytesPerObject, "0") + " KB).");
        }

        public TargetOutcome HeapGrowth { get; }

        public TargetOutcome FirstObject { get; }

        public TargetOutcome Throughput { get; }

        public TargetOutcome Allocation { get; }

        public IEnumerable<TargetOutcome> All => new[] { HeapGrowth, FirstObject, Throughput, Allocation };

        public static ListingTargets Evaluate(ListingResult result) => new ListingTargets(result);

        private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <param name="Failure">What to tell the user when the target is missed.</param>
    public sealed record TargetOutcome(string Target, bool Met, string Failure);
}
