using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
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
    /// what the limit allowed in the one-second windows the run touched, failures, and how the attempts spread over 100 ms
    /// slots as the server sees them (and, shown, how calls that waited spread when they return).
    /// </summary>
    public sealed class ThrottleStormBenchmark : IMeasurement
    {
        public const int AllowedRate = 20;
        public const int Calls = 600;
        public const int InFlight = 64;

        /// <summary>Completed calls per second, at least this share of the allowed rate.</summary>
        public const double MinThroughputShare = 0.9;

        /// <summary>
        /// No 100 ms slot carries more than this share of its one-second window's attempts, as the server sees them: callers
        /// that waited do not come back in lockstep, and those that never waited are not let through in one burst either.
        /// </summary>
        public const double MaxAttemptsInOneSlot = 0.25;

        private static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(100);

        public string Id => "P5";

        public async Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            var attempts = new AttemptLog();
            using var client = TokenClient.For(() => attempts.NewHandler(engine), "storm-token");
            var body = await ShopifyConnection.RequestAsync(client, "Storm").ConfigureAwait(false);
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
                    attempts.CallStarting();
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
            var retries = attempts.ReturnTimes();
            var busiestSlot = retries.Count == 0 ? 0 : retries.GroupBy(t => t.Ticks / Slot.Ticks).Max(slot => slot.Count());

            // As the server sees it: each 100 ms slot's attempts against its one-second window's, in the seconds of the storm
            // (at least the allowed rate asked). The first window is the callers' start, before the context has met a 429:
            // shown, not judged; so are the last seconds, where the calls run out.
            var windowsSeen = attempts.SendTimes().GroupBy(t => t.Ticks / TimeSpan.TicksPerSecond).OrderBy(w => w.Key).Select(SlotShare.Of).ToList();
            var judged = windowsSeen.Skip(1).Where(w => w.Attempts >= AllowedRate).ToList();
            var busiest = judged.OrderByDescending(w => w.Share).FirstOrDefault() ?? new SlotShare(0, 0, 0);
            var first = windowsSeen.FirstOrDefault() ?? new SlotShare(0, 0, 0);

            var throughput = new TargetOutcome(
                ">= " + Units.Percent(MinThroughputShare) + " of allowed",
                throughputShare >= MinThroughputShare,
                "Under throttling the context completed " + Units.Percent(throughputShare) + " of what the server allowed (target >= " + Units.Percent(MinThroughputShare) + ").");
            var noFailures = new TargetOutcome(
                "0",
                failures.IsEmpty,
                failures.Count + " of " + Calls + " calls failed while the server was still admitting requests, e.g. " + failures.FirstOrDefault()?.Message);
            var spread = new TargetOutcome(
                "<= " + Units.Percent(MaxAttemptsInOneSlot) + " of its second",
                judged.Count > 0 && busiest.Share <= MaxAttemptsInOneSlot,
                "Attempts reached the server in bursts: " + busiest.Busiest + " of second " + busiest.Window + "'s " + busiest.Attempts + " in one 100 ms slot (target <= " + Units.Percent(MaxAttemptsInOneSlot) + ").");
            return new MeasurementReport(
                "P5 429 storm: " + Calls + " calls, " + InFlight + " in flight, the server admits " + AllowedRate + " a second",
                new List<ReportRow>
                {
                    new ReportRow("Completed", Units.Whole(completedAt.Count) + " in " + Units.Milliseconds(run.TotalMilliseconds) + " (" + windows + " one-second windows)"),
                    new ReportRow("Completed vs allowed", Units.Percent(throughputShare) + " (" + Units.Whole(completedAt.Count) + " of " + Units.Whole(AllowedRate * windows) + ")", throughput),
                    new ReportRow("Failed calls", Units.Whole(failures.Count), noFailures),
                    new ReportRow("Attempts, answered 429", Units.Whole(attempts.Count) + ", " + Units.Whole(attempts.Throttled) + " (" + Units.Percent(attempts.Throttled / (double)Math.Max(1, attempts.Count)) + ")"),
                    new ReportRow("Returns after a wait", Units.Whole(retries.Count)),
                    new ReportRow("  in the busiest 100 ms slot", Units.Whole(busiestSlot) + " (" + Units.Percent(busiestSlot / (double)InFlight) + " of the " + InFlight + " callers)"),
                    new ReportRow("Attempts at the server, busiest 100 ms slot", busiest.Busiest + " of second " + busiest.Window + "'s " + busiest.Attempts + " (" + Units.Percent(busiest.Share) + "; " + judged.Count + " seconds of storm)", spread),
                    new ReportRow("  in second 0 (the callers' start)", first.Busiest + " of " + first.Attempts + " (" + Units.Percent(first.Share) + ")"),
                });
        }

        /// <summary>One second's attempts at the server and those of its busiest 100 ms slot.</summary>
        private sealed record SlotShare(long Window, int Attempts, int Busiest)
        {
            public double Share => Attempts == 0 ? 0 : Busiest / (double)Attempts;

            public static SlotShare Of(IGrouping<long, TimeSpan> window) =>
                new SlotShare(window.Key, window.Count(), window.GroupBy(t => t.Ticks / Slot.Ticks).Max(slot => slot.Count()));
        }

        /// <summary>
        /// Every attempt the client sends, timed from the storm's start. A return after a wait is a retry (the same
        /// request object sent again) or a first attempt sent well after its call began (held back by the context).
        /// </summary>
        private sealed class AttemptLog
        {
            /// <summary>Far longer than an in-process call takes: a first attempt this late was held back.</summary>
            private static readonly TimeSpan Held = TimeSpan.FromMilliseconds(100);

            private readonly AsyncLocal<long> _callStarted = new AsyncLocal<long>();
            private readonly ConditionalWeakTable<HttpRequestMessage, object> _seen = new ConditionalWeakTable<HttpRequestMessage, object>();
            private readonly ConcurrentQueue<TimeSpan> _returns = new ConcurrentQueue<TimeSpan>();
            private readonly ConcurrentQueue<TimeSpan> _sends = new ConcurrentQueue<TimeSpan>();
            private long _started;
            private int _count;
            private int _throttled;

            public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Interlocked.Read(ref _started));

            public int Count => _count;

            public int Throttled => _throttled;

            public void Start() => Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());

            public IReadOnlyList<TimeSpan> ReturnTimes() => _returns.ToList();

            public IReadOnlyList<TimeSpan> SendTimes() => _sends.ToList();

            /// <summary>Called by a caller as it starts a call; the attempts it sends flow with it.</summary>
            public void CallStarting() => _callStarted.Value = Stopwatch.GetTimestamp();

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
                        _log._sends.Enqueue(_log.Elapsed);
                        if (_log._seen.TryGetValue(request, out _) || Stopwatch.GetElapsedTime(_log._callStarted.Value) > Held)
                        {
                            _log._returns.Enqueue(_log.Elapsed);
                        }

                        _log._seen.AddOrUpdate(request, request);
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
