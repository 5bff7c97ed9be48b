using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P6: random throttling. 200 base connections created through one context, 16 at a time (as <c>-ThrottleLimit 16</c>
    /// keeps 16 rows in flight), at 50 ms a request: once fault-free, then with 5 % of requests answered 429 at random
    /// (<c>Retry-After</c> 1 s). A 429 may delay the request that got it, never everyone: throughput under the faults is
    /// judged against the fault-free run of the same process.
    /// </summary>
    public sealed class RandomThrottlingMeasurement : IMeasurement
    {
        public const int Creates = 200;
        public const int InFlight = 16;
        public const double ThrottleRate = 0.05;
        public const double MinThroughputShare = 0.4;

        private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

        public string Id => "P6";

        public async Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var clean = await CreateAllAsync(0).ConfigureAwait(false);
            var throttled = await CreateAllAsync(ThrottleRate).ConfigureAwait(false);
            var share = clean.Elapsed.TotalSeconds / throttled.Elapsed.TotalSeconds;
            var throughput = new TargetOutcome(
                ">= " + MinThroughputShare.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " of fault-free",
                share >= MinThroughputShare,
                "Random 429s slowed the creates to " + share.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " of the fault-free throughput (target >= " + MinThroughputShare + ").");
            var noFailures = new TargetOutcome(
                "0",
                throttled.Failures.IsEmpty,
                throttled.Failures.Count + " of " + Creates + " creates failed, e.g. " + throttled.Failures.FirstOrDefault()?.Message);
            return new MeasurementReport(
                "P6 random 429s: " + Creates + " creates, " + InFlight + " in flight, " + Latency.TotalMilliseconds + " ms a request, " + Units.Percent(ThrottleRate) + " answered 429 (Retry-After 1 s)",
                new List<ReportRow>
                {
                    new ReportRow("Fault-free", Units.Milliseconds(clean.Elapsed.TotalMilliseconds)),
                    new ReportRow("With random 429s", Units.Milliseconds(throttled.Elapsed.TotalMilliseconds) + ", " + Units.Whole(throttled.Throttled) + " answered 429"),
                    new ReportRow("Throughput vs fault-free", share.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), throughput),
                    new ReportRow("Failed creates", Units.Whole(throttled.Failures.Count), noFailures),
                });
        }

        private static async Task<Run> CreateAllAsync(double throttleRate)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            using var client = TokenClient.For(() => new EmulatorHttpMessageHandler(engine), "random-throttling-token");
            var body = await ShopifyConnection.RequestAsync(client, "Throttled").ConfigureAwait(false);
            engine.Options.Faults.Latency = Latency;
            engine.Options.Faults.ThrottleRate = throttleRate;
            var throttledBefore = engine.Journal.Recent.Count(e => e.Status == 429);
            var failures = new ConcurrentQueue<Exception>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Creates),
                new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                async (_, cancellation) =>
                {
                    try
                    {
                        await client.FlowService.BaseConnections.CreateAsync(body, cancellation).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is Client.Errors.PlatformException)
                    {
                        failures.Enqueue(ex);
                    }
                }).ConfigureAwait(false);
            clock.Stop();
            return new Run(clock.Elapsed, engine.Journal.Recent.Count(e => e.Status == 429) - throttledBefore, failures);
        }

        private sealed record Run(TimeSpan Elapsed, int Throttled, ConcurrentQueue<Exception> Failures);
    }
}
