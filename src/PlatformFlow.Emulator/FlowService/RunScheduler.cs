using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// Flow runs on the emulator's clock, without background threads. Runs materialize when runs or flows are read: one per
    /// schedule slot (<c>startTime</c> + k × <c>interval</c> × <c>frequency</c>; <c>once</c> has a single slot) that has come
    /// while the flow was enabled. A start time already past when the flow is created gives one catch-up run at once, then
    /// the schedule goes on from the next slot. A run is <c>QUEUED</c> for <see cref="EmulatorOptions.RunQueuedFor"/>,
    /// <c>IN_PROGRESS</c> for <see cref="EmulatorOptions.RunDuration"/>, then final: on its first read after that it
    /// executes (<see cref="RunExecution"/>) and ends as its data decides, or as a fault <see cref="PlanFailure"/> planned.
    /// </summary>
    public sealed class RunScheduler
    {
        /// <summary>Internal per-sandbox state, served by no route: each flow's schedule, keyed by flow id.</summary>
        internal const string SchedulesCollection = "flowService.schedules";

        /// <summary>Internal per-sandbox state: each run's plan (when it started, what it reads, how it ended), keyed by run id.</summary>
        internal const string PlansCollection = "flowService.runPlans";

        /// <summary>Internal per-sandbox state: the id of each flow's latest run, keyed by flow id (a flow listing shows it).</summary>
        internal const string LatestRunsCollection = "flowService.latestRuns";

        private readonly EmulatorEngine _engine;

        // Per sandbox: no schedule has a slot before this (epoch seconds), so reading flows or runs until then materializes
        // nothing without looking at every schedule. Read and written under the sandbox's lock.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _nothingDueBefore =
            new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        internal RunScheduler(EmulatorEngine engine)
        {
            _engine = engine;
        }

        /// <summary>
        /// Makes the next <paramref name="runs"/> runs of the flow (scheduled, on-demand or re-triggered) fail with a fault
        /// no data can cause (a connector error, an outage): FAILED with this one error, nothing read, nothing landed, no
        /// batch. Throws when no sandbox has the flow. Also served as <c>POST /emulator/flows/{flowId}/plannedFailures</c>.
        /// </summary>
        public void PlanFailure(string flowId, string code, string message, int runs = 1)
        {
            if (runs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(runs), runs, "Plan at least one run.");
            }

            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(message))
            {
                throw new ArgumentException("A planned failure needs a code and a message.", string.IsNullOrWhiteSpace(code) ? nameof(code) : nameof(message));
            }

            foreach (var name in _engine.SandboxNames)
            {
                var sandbox = _engine.Sandbox(name)!;
                lock (sandbox.Sync)
                {
                    if (sandbox.Collection(SchedulesCollection).Find(flowId) is JsonObject schedule)
                    {
                        var planned = (JsonArray)schedule["planned"]!;
                        for (var i = 0; i < runs; i++)
                        {
                            planned.Add(new JsonObject { ["code"] = code, ["message"] = message });
                        }

                        return;
                    }
                }
            }

            throw new ArgumentException("No sandbox has a flow " + flowId + ".", nameof(flowId));
        }

        internal void Track(SandboxState sandbox, JsonObject flow, DateTimeOffset now)
        {
            var (anchor, period) = Slots(flow);
            var nowSeconds = now.ToUnixTimeSeconds();
            var next = anchor.HasValue ? Math.Max(anchor.Value, nowSeconds) : (long?)null;
            sandbox.Collection(SchedulesCollection).Add((string)flow["id"]!, new JsonObject
            {
                ["enabled"] = true,
                ["anchor"] = anchor,
                ["period"] = period,
                ["next"] = next,
                ["planned"] = new JsonArray(),
            });
            SomethingDueAt(sandbox, next);
        }

        /// <summary>The latest run of the flow, brought up to <paramref name="now"/>; null when it has none.</summary>
        internal JsonObject? LatestRun(SandboxState sandbox, string flowId, DateTimeOffset now)
        {
            var runId = JsonFields.Text(sandbox.Collection(LatestRunsCollection).Find(flowId)?["runId"]);
            var run = runId is null ? null : sandbox.Collection(ResourceKind.Run.Collection).Find(runId);
            return run is null ? null : Refresh(sandbox, run, now);
        }

        private void SomethingDueAt(SandboxState sandbox, long? slot)
        {
            if (slot is long due)
            {
                _nothingDueBefore.AddOrUpdate(sandbox.Name, due, (_, known) => Math.Min(known, due));
            }
        }

        /// <summary>After <c>scheduleParams</c> changed: slots up to now follow the old schedule, later ones the new one.</summary>
        internal void Reschedule(SandboxState sandbox, JsonObject flow, DateTimeOffset now)
        {
            Materialize(sandbox, now);
            var schedule = Schedule(sandbox, (string)flow["id"]!);
            var (anchor, period) = Slots(flow);
            var nowSeconds = now.ToUnixTimeSeconds();
            schedule["anchor"] = anchor;
            schedule["period"] = period;
            schedule["next"] = !anchor.HasValue ? null : anchor.Value > nowSeconds ? anchor : NextAfter(nowSeconds, anchor.Value, period);
            SomethingDueAt(sandbox, JsonValues.AsLong(schedule["next"]));
        }

        internal void SetEnabled(SandboxState sandbox, string flowId, bool enabled, DateTimeOffset now)
        {
            Materialize(sandbox, now);
            Schedule(sandbox, flowId)["enabled"] = enabled;
        }

        internal void Forget(SandboxState sandbox, string flowId) => sandbox.Collection(SchedulesCollection).Remove(flowId);

        /// <summary>Creates the runs of every slot that has come, for every flow of the sandbox.</summary>
        internal void Materialize(SandboxState sandbox, DateTimeOffset now)
        {
            var nowSeconds = now.ToUnixTimeSeconds();
            if (!_nothingDueBefore.TryGetValue(sandbox.Name, out var due) || due > nowSeconds)
            {
                return;
            }

            var earliest = long.MaxValue;
            foreach (var entry in sandbox.Collection(SchedulesCollection).Entries.ToList())
            {
                var schedule = entry.Value;
                var flow = FlowResources.Find(sandbox, ResourceKind.Flow, entry.Key);
                while (flow != null && schedule["next"] is JsonNode next && (long)next <= nowSeconds)
                {
                    var slot = (long)next;
                    var period = (long)schedule["period"]!;
                    if ((bool)schedule["enabled"]!)
                    {
                        var window = new JsonObject { ["windowStartTime"] = period > 0 ? slot - period : slot, ["windowEndTime"] = slot };
                        StartRun(sandbox, flow, DateTimeOffset.FromUnixTimeSeconds(slot), window);
                    }

                    schedule["next"] = NextAfter(slot, (long)schedule["anchor"]!, period);
                }

                earliest = flow != null && JsonValues.AsLong(schedule["next"]) is long upcoming ? Math.Min(earliest, upcoming) : earliest;
            }

            if (earliest == long.MaxValue)
            {
                _nothingDueBefore.TryRemove(sandbox.Name, out _);
            }
            else
            {
                _nothingDueBefore[sandbox.Name] = earliest;
            }
        }

        /// <summary>
        /// Stores a new run of the flow, created (queued) at <paramref name="at"/>, and its plan: what it will read (every
        /// record, or those its window selects: <see cref="RecordWindow"/>; <paramref name="readsAll"/> carries a re-triggered
        /// run's choice), the mapping set version the flow pins, the flow's threshold, and the next planned failure.
        /// </summary>
        internal JsonObject StartRun(SandboxState sandbox, JsonObject flow, DateTimeOffset at, JsonObject parameters, bool? readsAll = null)
        {
            var flowId = (string)flow["id"]!;
            var runId = Guid.NewGuid().ToString();
            var atMillis = at.ToUnixTimeMilliseconds();
            var run = new JsonObject
            {
                ["id"] = runId,
                ["createdAt"] = atMillis,
                ["updatedAt"] = atMillis,
                ["createdBy"] = flow["createdBy"]?.DeepClone(),
                ["updatedBy"] = flow["createdBy"]?.DeepClone(),
                ["createdClient"] = flow["createdClient"]?.DeepClone(),
                ["updatedClient"] = flow["createdClient"]?.DeepClone(),
                ["sandboxName"] = sandbox.Name,
                ["imsOrgId"] = flow["imsOrgId"]?.DeepClone(),
                ["flowId"] = flowId,
                ["flowSpec"] = flow["flowSpec"]?.DeepClone(),
                ["providerRefId"] = "M-" + flowId + "-incremental-0:" + runId,
                ["params"] = parameters,
                ["etag"] = ETags.New(at),
                ["metrics"] = new JsonObject { ["statusSummary"] = new JsonObject { ["status"] = RunStatus.Queued } },
                ["activities"] = new JsonArray(),
            };
            var schedule = Schedule(sandbox, flowId);
            var planned = (JsonArray)schedule["planned"]!;
            var latest = sandbox.Collection(LatestRunsCollection);
            var windowStart = JsonValues.AsLong(parameters["windowStartTime"]);
            var windowEnd = JsonValues.AsLong(parameters["windowEndTime"]);
            var transformation = MappingOf(flow);
            var plan = new JsonObject
            {
                ["startedAt"] = atMillis,
                ["sourceConnectionId"] = FlowResources.Ids(flow["sourceConnectionIds"]).FirstOrDefault(),
                ["targetConnectionId"] = FlowResources.Ids(flow["targetConnectionIds"]).FirstOrDefault(),
                ["mappingId"] = JsonFields.Text(transformation?["mappingId"]),
                ["mappingVersion"] = MappingVersion(sandbox, transformation),
                ["partialIngestionPercent"] = JsonPaths.First(flow, "options.partialIngestionPercent")?.DeepClone(),
                ["readsAll"] = readsAll ?? (latest.Find(flowId) is null || (long)schedule["period"]! == 0 || windowStart is null || windowEnd is null),
                ["anchor"] = JsonValues.AsLong(schedule["anchor"]) ?? (JsonValues.AsLong(flow["createdAt"]) ?? atMillis) / 1000,
                ["windowStart"] = windowStart,
                ["windowEnd"] = windowEnd,
            };
            if (planned.Count > 0)
            {
                plan["failure"] = planned[0]!.DeepClone();
                planned.RemoveAt(0);
            }

            sandbox.Collection(PlansCollection).Add(runId, plan);
            sandbox.Collection(ResourceKind.Run.Collection).Add(runId, run);
            var previous = JsonFields.Text(latest.Find(flowId)?["runId"]) is string previousId ? sandbox.Collection(ResourceKind.Run.Collection).Find(previousId) : null;
            if (previous is null || (long)previous["createdAt"]! <= atMillis)
            {
                latest.Remove(flowId);
                latest.Add(flowId, new JsonObject { ["runId"] = runId });
            }

            return run;
        }

        /// <summary>
        /// Takes records a streaming flow's inlet received into the flow's open run: the run created by the first records
        /// since the last run was queued, gathering records while it is queued (<see cref="EmulatorOptions.RunQueuedFor"/>),
        /// then executed as a batch run is (<see cref="RunExecution"/>), so failures show as runs, batches and row errors.
        /// </summary>
        internal void Stream(SandboxState sandbox, JsonObject flow, IEnumerable<JsonObject> records, DateTimeOffset now)
        {
            var flowId = (string)flow["id"]!;
            var plans = sandbox.Collection(PlansCollection);
            var latestId = JsonFields.Text(sandbox.Collection(LatestRunsCollection).Find(flowId)?["runId"]);
            var open = latestId is null ? null : plans.Find(latestId);
            var queuedUntil = JsonValues.AsLong(open?["startedAt"]) + (long)_engine.Options.RunQueuedFor.TotalMilliseconds;
            if (!(open?["streamed"] is JsonArray streamed) || now.ToUnixTimeMilliseconds() >= queuedUntil)
            {
                var run = StartRun(sandbox, flow, now, new JsonObject(), readsAll: true);
                streamed = new JsonArray();
                plans.Find((string)run["id"]!)!["streamed"] = streamed;
            }

            foreach (var record in records)
            {
                streamed.Add(record.DeepClone());
            }
        }

        /// <summary>Brings the stored run to its state at <paramref name="now"/> (status, metrics, activities, etag) and returns it.</summary>
        internal JsonObject Refresh(SandboxState sandbox, JsonObject run, DateTimeOffset now)
        {
            var plan = sandbox.Collection(PlansCollection).Find((string)run["id"]!)!;
            var queuedAt = (long)plan["startedAt"]!;
            var startedAt = queuedAt + (long)_engine.Options.RunQueuedFor.TotalMilliseconds;
            var completedAt = startedAt + (long)_engine.Options.RunDuration.TotalMilliseconds;
            var nowMillis = now.ToUnixTimeMilliseconds();
            var status = nowMillis < startedAt ? RunStatus.Queued
                : nowMillis < completedAt ? RunStatus.InProgress
                : (string)Result(sandbox, run, plan, startedAt, completedAt)["status"]!;
            if (JsonFields.Text(JsonPaths.First(run, "metrics.statusSummary.status")) == status)
            {
                return run;
            }

            var changedAt = status == RunStatus.InProgress ? startedAt : completedAt;
            var result = plan["result"] as JsonObject;
            run["updatedAt"] = changedAt;
            run["etag"] = ETags.New(DateTimeOffset.FromUnixTimeMilliseconds(changedAt));
            run["metrics"] = RunMetrics.Summary(result, status, startedAt, completedAt);
            run["activities"] = RunMetrics.Activities(plan, result, run["params"], status, startedAt, completedAt);
            return run;
        }

        /// <summary>Whether the run reads every record rather than its window's (a re-trigger reads what the run it repeats read).</summary>
        internal bool? ReadsAll(SandboxState sandbox, string runId) => (bool?)sandbox.Collection(PlansCollection).Find(runId)?["readsAll"];

        /// <summary>The final run's execution, done on its first read after completion and kept.</summary>
        private JsonObject Result(SandboxState sandbox, JsonObject run, JsonObject plan, long startedAt, long completedAt)
        {
            if (!(plan["result"] is JsonObject result))
            {
                result = RunExecution.Execute(_engine, sandbox, run, plan, startedAt, completedAt);
                plan["result"] = result;
            }

            return result;
        }

        /// <summary>Every run of the sandbox brought up to <paramref name="now"/>, after materializing due slots.</summary>
        internal ResourceCollection CurrentRuns(SandboxState sandbox, DateTimeOffset now)
        {
            Materialize(sandbox, now);
            var runs = sandbox.Collection(ResourceKind.Run.Collection);
            foreach (var run in runs.All)
            {
                Refresh(sandbox, run, now);
            }

            return runs;
        }

        private static JsonObject Schedule(SandboxState sandbox, string flowId) =>
            sandbox.Collection(SchedulesCollection).Find(flowId) ?? throw new InvalidOperationException("Flow " + flowId + " has no schedule.");

        /// <summary>The first slot and the slot period in seconds (0 for <c>once</c>); no anchor when the flow has no schedule.</summary>
        private static (long? Anchor, long Period) Slots(JsonObject flow)
        {
            if (!(flow["scheduleParams"] is JsonObject schedule) || !(JsonValues.AsLong(schedule["startTime"]) is long start))
            {
                return (null, 0);
            }

            var unit = JsonFields.Text(schedule["frequency"]) switch
            {
                "minute" => 60L,
                "hour" => 3600L,
                "day" => 86400L,
                "week" => 604800L,
                _ => 0L,
            };
            return (start, unit * (JsonValues.AsLong(schedule["interval"]) ?? 1L));
        }

        /// <summary>The first slot after <paramref name="slot"/>; null for <c>once</c> (period 0).</summary>
        private static long? NextAfter(long slot, long anchor, long period)
        {
            if (period == 0)
            {
                return null;
            }

            return slot < anchor ? anchor : anchor + (((slot - anchor) / period) + 1) * period;
        }

        /// <summary>The flow's Mapping transformation params (<c>{mappingId, mappingVersion}</c>), or null.</summary>
        private static JsonObject? MappingOf(JsonObject flow) =>
            (flow["transformations"] as JsonArray)?.Select(t => JsonFields.Member(t, "params") as JsonObject).FirstOrDefault(p => p?["mappingId"] != null);

        /// <summary>The version the flow pins: its <c>mappingVersion</c>, or the mapping set's latest when it names none.</summary>
        private static long? MappingVersion(SandboxState sandbox, JsonObject? transformation)
        {
            if (JsonValues.ScalarText(transformation?["mappingVersion"]) is string text
                && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pinned))
            {
                return pinned;
            }

            var mappingId = JsonFields.Text(transformation?["mappingId"]);
            return mappingId is null ? null : JsonValues.AsLong(sandbox.Collection(FlowEndpoints.MappingSetsCollection).Find(mappingId)?["version"]);
        }
    }
}
