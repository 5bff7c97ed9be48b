using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Json;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P6: random throttling. 200 base connections created through one context, 16 at a time (as <c>-ThrottleLimit 16</c>
    /// keeps 16 rows in flight), at 50 ms a request: fault-free, then with 5 % of requests answered 429 at random
    /// (<c>Retry-After</c> 1 s), on a fresh emulator each. A 429 may delay the request that got it, never everyone:
    /// throughput under the faults is judged against the fault-free run of the same pass. The same is measured for a bare
    /// <see cref="HttpClient"/> that waits exactly the <c>Retry-After</c> asked and nothing more: the share any client
    /// that honours <c>Retry-After</c> keeps, since a create answered 429 holds its row for the wait. A pass's share swings
    /// with how many 429s fall and when (a 429 in the run's last moments adds the whole wait), so each figure is the
    /// median of <see cref="Passes"/> passes; pass N draws its faults from seed N for both clients, so they face the
    /// same sequence of draws.
    /// </summary>
    public sealed class RandomThrottlingMeasurement : IMeasurement
    {
        public const int Creates = 200;
        public const int InFlight = 16;
        public const int Passes = 7;
        public const double ThrottleRate = 0.05;
        public const double MinThroughputShare = 0.4;

        /// <summary>The client's share against the bare client's on the same draws: what the client itself may lose.</summary>
        public const double MinShareOfBare = 0.95;

        private const string AccessToken = "random-throttling-token";
        private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

        public string Id => "P6";

        public async Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var client = new List<Pass>();
            var bare = new List<Pass>();
            for (var pass = 0; pass < Passes; pass++)
            {
                var seed = pass + 1;
                client.Add(new Pass(await CreateAllAsync(0, seed, ThroughClientAsync).ConfigureAwait(false), await CreateAllAsync(ThrottleRate, seed, ThroughClientAsync).ConfigureAwait(false)));
                bare.Add(new Pass(await CreateAllAsync(0, seed, ThroughBareClientAsync).ConfigureAwait(false), await CreateAllAsync(ThrottleRate, seed, ThroughBareClientAsync).ConfigureAwait(false)));
            }

            var share = Median(client.Select(p => p.Share));
            var bareShare = Median(bare.Select(p => p.Share));
            var failures = client.SelectMany(p => p.Throttled.Failures).Concat(bare.SelectMany(p => p.Throttled.Failures)).ToList();
            var throughput = new TargetOutcome(
                ">= " + Ratio(MinThroughputShare) + " of fault-free",
                share >= MinThroughputShare,
                "Random 429s slowed the creates to " + Ratio(share) + " of the fault-free throughput (target >= " + Ratio(MinThroughputShare) + "; a bare client that waits exactly as asked kept " + Ratio(bareShare) + ").");
            var againstBare = new TargetOutcome(
                ">= " + Ratio(MinShareOfBare),
                share / bareShare >= MinShareOfBare,
                "The client kept " + Ratio(share / bareShare) + " of the share a bare client waiting exactly as asked kept (target >= " + Ratio(MinShareOfBare) + ").");
            var noFailures = new TargetOutcome(
                "0",
                failures.Count == 0,
                failures.Count + " creates failed, e.g. " + failures.FirstOrDefault()?.Message);
            return new MeasurementReport(
                "P6 random 429s: " + Creates + " creates, " + InFlight + " in flight, " + Latency.TotalMilliseconds + " ms a request, " + Units.Percent(ThrottleRate) + " answered 429 (Retry-After 1 s), median of " + Passes + " passes",
                new List<ReportRow>
                {
                    new ReportRow("Fault-free, client / bare", Units.Milliseconds(Median(client.Select(p => p.Clean.Elapsed.TotalMilliseconds))) + " / " + Units.Milliseconds(Median(bare.Select(p => p.Clean.Elapsed.TotalMilliseconds)))),
                    new ReportRow("With random 429s, client / bare", Units.Milliseconds(Median(client.Select(p => p.Throttled.Elapsed.TotalMilliseconds))) + " / " + Units.Milliseconds(Median(bare.Select(p => p.Throttled.Elapsed.TotalMilliseconds)))),
                    new ReportRow("  answered 429, each pass", string.Join(", ", client.Select(p => p.Throttled.Throttled)) + " / " + string.Join(", ", bare.Select(p => p.Throttled.Throttled))),
                    new ReportRow("Throughput vs fault-free, each pass", string.Join(", ", client.Select(p => Ratio(p.Share)))),
                    new ReportRow("Throughput vs fault-free", Ratio(share), throughput),
                    new ReportRow("  bare client waiting exactly as asked", Ratio(bareShare) + " (each pass: " + string.Join(", ", bare.Select(p => Ratio(p.Share))) + ")"),
                    new ReportRow("  client's share / bare client's", Ratio(share / bareShare), againstBare),
                    new ReportRow("Failed creates", Units.Whole(failures.Count), noFailures),
                });
        }

        private static async Task<Run> CreateAllAsync(double throttleRate, int seed, Func<EmulatorEngine, Task<Func<CancellationToken, Task>>> sender)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            var create = await sender(engine).ConfigureAwait(false);
            engine.Options.Faults.Latency = Latency;
            engine.Options.Faults.ThrottleRate = throttleRate;
            engine.Faults.Reseed(seed);
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
                        await create(cancellation).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is Client.Errors.PlatformException)
                    {
                        failures.Enqueue(ex);
                    }
                }).ConfigureAwait(false);
            clock.Stop();
            return new Run(clock.Elapsed, engine.Journal.Recent.Count(e => e.Status == 429) - throttledBefore, failures);
        }

        /// <summary>Creates through the client library, one context as every cmdlet uses it.</summary>
        private static async Task<Func<CancellationToken, Task>> ThroughClientAsync(EmulatorEngine engine)
        {
            var client = TokenClient.For(() => new EmulatorHttpMessageHandler(engine), AccessToken);
            var body = await ShopifyConnection.RequestAsync(client, "Throttled").ConfigureAwait(false);
            return cancellation => client.FlowService.BaseConnections.CreateAsync(body, cancellation);
        }

        /// <summary>Creates through a bare <see cref="HttpClient"/> that, answered 429, waits the <c>Retry-After</c> and sends again.</summary>
        private static async Task<Func<CancellationToken, Task>> ThroughBareClientAsync(EmulatorEngine engine)
        {
            using var client = TokenClient.For(() => new EmulatorHttpMessageHandler(engine), AccessToken);
            var body = JsonSerializer.SerializeToUtf8Bytes(await ShopifyConnection.RequestAsync(client, "Throttled").ConfigureAwait(false), PlatformJsonContext.Default.BaseConnectionRequest);
            var http = new HttpClient(new EmulatorHttpMessageHandler(engine));
            var uri = new Uri(TokenClient.Gateway, BareRequest.ConnectionsPath);
            return async cancellation =>
            {
                while (true)
                {
                    using var request = BareRequest.Create(HttpMethod.Post, uri, AccessToken);
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
                    if ((int)response.StatusCode != 429)
                    {
                        response.EnsureSuccessStatusCode();
                        return;
                    }

                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, cancellation).ConfigureAwait(false);
                }
            };
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        private sealed record Run(TimeSpan Elapsed, int Throttled, ConcurrentQueue<Exception> Failures);

        /// <summary>One pass: the same creates fault-free, then under random 429s.</summary>
        private sealed record Pass(Run Clean, Run Throttled)
        {
            public double Share => Clean.Elapsed.TotalSeconds / Throttled.Elapsed.TotalSeconds;
        }
    }
}
