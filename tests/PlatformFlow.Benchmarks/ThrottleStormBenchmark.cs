using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Models;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P5: a 429 storm. The in-process emulator admits a fixed number of requests a second (<see cref="FaultOptions.AllowedRate"/>)
    /// and answers the rest 429 with <c>Retry-After</c>; more callers than that rate share one signed-in context, half
    /// creating connections, half reading one, with the product's default retry policy. Measured: completed calls against
    /// what the limit allowed over the run, failures, and how the retries spread over 100 ms slots.
    /// </summary>
    public sealed class ThrottleStormBenchmark
    {
        public const int AllowedRate = 20;
        public const int Calls = 240;
        public const int InFlight = 32;

        /// <summary>Completed calls per second, at least this share of the allowed rate.</summary>
        public const double MinThroughputShare = 0.9;

        /// <summary>
        /// No 100 ms slot holds more than this share of the retries of its second: waiting callers do not return in lockstep.
        /// </summary>
        public const double MaxRetriesInOneSlot = 0.25;

        private static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(100);
        private static readonly Uri Gateway = new Uri("https://platform.benchmark.invalid");

        public static async Task<IReadOnlyList<TargetOutcome>> RunAndReportAsync(TextWriter output)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            var attempts = new AttemptLog();
            using var client = new PlatformClient(new PlatformClientOptions
            {
                BaseUri = Gateway,
                OrgId = "BENCHMARK000000000000000@AdobeOrg",
                Sandbox = "prod",
                AccessToken = "storm-token",
                ApiKey = "platformflow-benchmarks",
                PrimaryHandler = () => attempts.NewHandler(engine),
            });
            var spec = await client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId).ConfigureAwait(false);
            var body = new BaseConnectionRequest
            {
                Name = "Storm",
                Auth = new ConnectionAuth { SpecName = spec.AuthSpec![0].Name, Params = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-benchmark" } },
                ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
            };
            var read = await client.FlowService.BaseConnections.CreateAsync(body).ConfigureAwait(false);

            // From here on the gateway limits; its first window starts with the storm's first request.
            engine.Options.Faults.AllowedRate = AllowedRate;
            attempts.Start();
            var failures = new ConcurrentQueue<Exception>();
            var completedAt = new ConcurrentQueue<TimeSpan>();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Calls),
                new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                async (call, cancellation) =>
                {
                    try
                    {
                        if (call % 2 == 0)
                        {
                            await client.FlowService.BaseConnections.CreateAsync(body, cancellation).ConfigureAwait(false);
                        }
                        else
                        {
                            await client.FlowService.BaseConnections.GetAsync(read.Id, cancellation).ConfigureAwait(false);
                        }

                        completedAt.Enqueue(attempts.Elapsed);
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is Client.Errors.PlatformException || ex is OperationCanceledException)
                    {
                        failures.Enqueue(ex);
                    }
                }).ConfigureAwait(false);

            var run = completedAt.DefaultIfEmpty(TimeSpan.Zero).Max();
            var windows = (int)(run.Ticks / TimeSpan.TicksPerSecond) + 1;
            var throughputShare = completedAt.Count / (double)(AllowedRate * windows);
            var retries = attempts.RetryTimes();
            // Per one-second window (one wave of waiting callers), the retries in its busiest 100 ms slot; over the run,
            // their share of all retries. Spread evenly it is about 10%; callers returning together make it 100%.
            var busiestSlot = retries
                .GroupBy(t => t.Ticks / TimeSpan.TicksPerSecond)
                .Sum(window => window.GroupBy(t => t.Ticks / Slot.Ticks).Max(slot => slot.Count()));
            var busiestShare = retries.Count == 0 ? 0 : busiestSlot / (double)retries.Count;

            var throughput = new TargetOutcome(
                ">= " + Units.Percent(MinThroughputShare) + " of allowed",
                throughputShare >= MinThroughputShare,
                "Under throttling the context completed " + Units.Percent(throughputShare) + " of what the server allowed (target >= " + Units.Percent(MinThroughputShare) + ").");
            var noFailures = new TargetOutcome(
                "0",
                failures.IsEmpty,
                failures.Count + " of " + Calls + " calls failed while the server was still admitting requests, e.g. " + failures.FirstOrDefault()?.Message);
            var spread = new TargetOutcome(
                "<= " + Units.Percent(MaxRetriesInOneSlot) + " of retries",
                busiestShare <= MaxRetriesInOneSlot,
                "Retries came back in lockstep: the busiest 100 ms slot of each second held " + Units.Percent(busiestShare) + " of them (target <= " + Units.Percent(MaxRetriesInOneSlot) + ").");
            MeasurementTable.Write(
                output,
                "P5 429 storm: " + Calls + " calls, " + InFlight + " in flight, the server admits " + AllowedRate + " a second",
                new List<(string, string, TargetOutcome?)>
                {
                    ("Completed", Units.Whole(completedAt.Count) + " in " + Units.Milliseconds(run.TotalMilliseconds) + " (" + windows + " one-second windows)", null),
                    ("Completed vs allowed", Units.Percent(throughputShare) + " (" + Units.Whole(completedAt.Count) + " of " + Units.Whole(AllowedRate * windows) + ")", throughput),
                    ("Failed calls", Units.Whole(failures.Count), noFailures),
                    ("Attempts, answered 429", Units.Whole(attempts.Count) + ", " + Units.Whole(attempts.Throttled), null),
                    ("Retries, in each second's busiest 100 ms slot", Units.Whole(retries.Count) + ", " + Units.Whole(busiestSlot) + " (" + Units.Percent(busiestShare) + ")", spread),
                });
            return new[] { throughput, noFailures, spread };
        }

        /// <summary>Every attempt the client sends (a retry re-sends the same request object), timed from the storm's start.</summary>
        private sealed class AttemptLog
        {
            private readonly ConditionalWeakTable<HttpRequestMessage, object> _seen = new ConditionalWeakTable<HttpRequestMessage, object>();
            private readonly ConcurrentQueue<TimeSpan> _retries = new ConcurrentQueue<TimeSpan>();
            private long _started;
            private int _count;
            private int _throttled;

            public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Interlocked.Read(ref _started));

            public int Count => _count;

            public int Throttled => _throttled;

            public void Start() => Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());

            public IReadOnlyList<TimeSpan> RetryTimes() => _retries.ToList();

            public HttpMessageHandler NewHandler(EmulatorEngine engine) => new Recorder(this, new EmulatorHttpMessageHandler(engine));

            private sealed class Recorder : DelegatingHandler
            {
                private readonly AttemptLog _log;

                public Recorder(AttemptLog log, HttpMessageHandler inner)
                    : base(inner)
                {
                    _log = log;
                }

                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    if (Interlocked.Read(ref _log._started) != 0)
                    {
                        Interlocked.Increment(ref _log._count);
                        if (_log._seen.TryGetValue(request, out _))
                        {
                            _log._retries.Enqueue(_log.Elapsed);
                        }
                        else
                        {
                            _log._seen.Add(request, request);
                        }
                    }

                    var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if ((int)response.StatusCode == 429)
                    {
                        Interlocked.Increment(ref _log._throttled);
                    }

                    return response;
                }
            }
        }
    }
}
