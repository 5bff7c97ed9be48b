using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Parts;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// The flow pipeline's requests in steady state (writes only; reads shared by the context) and create-or-reuse: parts
    /// found by their natural key, ambiguous creates resolved by a lookup before they are sent again.
    /// </summary>
    public sealed class CreateOrReuseTests : IDisposable
    {
        private readonly TestPlatform _platform = new TestPlatform();

        public void Dispose() => _platform.Dispose();

        private EmulatorEngine Engine => _platform.Engine;

        [Fact]
        public async Task After_the_first_row_each_row_costs_its_three_creates_and_no_read()
        {
            var prerequisites = await new FlowBuilder(_platform.Client).PrerequisitesAsync();
            await RowAsync(prerequisites, "Steady 1");

            foreach (var name in new[] { "Steady 2", "Steady 3" })
            {
                var mark = Engine.Journal.Total;
                var flow = await RowAsync(prerequisites, name);

                var requests = RequestsSince(mark);
                Assert.Equal(
                    new[] { "POST /sourceConnections", "POST /targetConnections", "POST /flows" },
                    requests.Select(r => r.Call()));
                Assert.Equal("Reused", flow["MappingSetOutcome"]);
                Assert.Equal("Created", flow["DataflowOutcome"]);
            }
        }

        [Fact]
        public async Task A_new_session_reuses_every_part_with_a_count_and_a_lookup_per_name_and_kind_and_no_write()
        {
            var prerequisites = await new FlowBuilder(_platform.Client).PrerequisitesAsync();
            var first = await RowAsync(prerequisites, "Again 1");
            await RowAsync(prerequisites, "Again 2");
            using var again = new TestPlatform(Engine);
            var mark = Engine.Journal.Total;

            var reused = await RowAsync(prerequisites, "Again 1", again);
            await RowAsync(prerequisites, "Again 2", again);

            var requests = RequestsSince(mark).Where(e => e.Path.StartsWith("/data/", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(requests, e => e.IsWrite);
            // Parts by name: whether the sandbox has any (count=true), then each row's name (the rows run one after the other
            // here, so each asks alone); mapping sets by content: one listing.
            Assert.Equal(3, requests.Count(e => e.Path.EndsWith("/sourceConnections", StringComparison.Ordinal)));
            Assert.Equal(3, requests.Count(e => e.Path.EndsWith("/targetConnections", StringComparison.Ordinal)));
            Assert.Equal(1, requests.Count(e => e.Path.EndsWith("/mappingSets", StringComparison.Ordinal)));
            Assert.Equal(3, requests.Count(e => e.Path.EndsWith("/flows", StringComparison.Ordinal)));
            Assert.Equal(((Dataflow)first.Value).Id, ((Dataflow)reused.Value).Id);
            Assert.All(new[] { "SourceConnectionOutcome", "TargetConnectionOutcome", "MappingSetOutcome", "DataflowOutcome" }, p => Assert.Equal("Reused", reused[p]));
        }

        [Fact]
        public async Task A_flow_of_the_same_name_with_another_schedule_is_refused_naming_both_and_nothing_is_sent()
        {
            var prerequisites = await new FlowBuilder(_platform.Client).PrerequisitesAsync();
            var existing = (Dataflow)(await RowAsync(prerequisites, "Clash")).Value;
            var writesBefore = Engine.Journal.Writes;

            var host = new RecordingHost();
            await RowAsync(prerequisites, "Clash", frequency: "Day", lastStep: host);

            var error = Assert.Single(host.Errors);
            Assert.Equal("PartConflict", error.ErrorId);
            Assert.Equal(OperationErrorCategory.ResourceExists, error.Category);
            var conflict = Assert.IsType<PartConflictException>(error.Exception);
            Assert.Equal(existing.Id, conflict.ExistingId);
            Assert.Contains(conflict.Differences, d => d.StartsWith("scheduleParams.frequency is 'once', not 'day'", StringComparison.Ordinal));
            Assert.Equal(writesBefore, Engine.Journal.Writes);
        }

        [Theory]
        [InlineData(503, FaultTiming.AfterHandling, false)]
        [InlineData(0, FaultTiming.AfterHandling, false)]
        [InlineData(0, FaultTiming.BeforeHandling, true)]
        [InlineData(503, FaultTiming.BeforeHandling, true)]
        public async Task A_flow_create_that_failed_ambiguously_is_looked_up_and_sent_again_only_when_absent(int status, FaultTiming timing, bool sentAgain)
        {
            var prerequisites = await new FlowBuilder(_platform.Client).PrerequisitesAsync();
            var mark = Engine.Journal.Total;
            var host = new RecordingHost();

            await RowAsync(prerequisites, "Ambiguous", lastStep: host, beforeLastStep: () => Engine.Faults.Enqueue(status, timing, "POST"));

            Assert.Empty(host.Errors);
            Assert.Equal("Created", host.Objects.Single()["DataflowOutcome"]);
            // The name index (listed once), the create that failed, the lookup by name, and the create again if absent.
            var expected = new[] { "GET 200", "POST " + status, "GET 200" }.Concat(sentAgain ? new[] { "POST 201" } : Array.Empty<string>());
            Assert.Equal(expected, RequestsSince(mark).Where(e => e.Path.EndsWith("/flows", StringComparison.Ordinal)).Select(e => e.Method + " " + e.Status));
            Assert.Equal(1, await _platform.Client.FlowService.Flows.CountAsync(PlatformFlow.Client.Api.ListQuery.Where("name==Ambiguous")));
        }

        [Fact]
        public void Only_failures_that_may_have_been_applied_are_ambiguous()
        {
            var notCancelled = CancellationToken.None;
            Assert.True(CreateOrReuse<Dataflow>.IsAmbiguous(new PlatformException(503, null, "Service Unavailable", "busy", null, "POST", "/flows"), notCancelled));
            Assert.True(CreateOrReuse<Dataflow>.IsAmbiguous(new HttpRequestException("reset", new System.IO.IOException()), notCancelled));
            Assert.True(CreateOrReuse<Dataflow>.IsAmbiguous(new TaskCanceledException("attempt timed out"), notCancelled));
            Assert.False(CreateOrReuse<Dataflow>.IsAmbiguous(new PlatformException(429, null, "Too Many Requests", "slow down", null, "POST", "/flows"), notCancelled));
            Assert.False(CreateOrReuse<Dataflow>.IsAmbiguous(new PlatformException(400, "FLOW-1412-400", "Bad Request", "bad", null, "POST", "/flows"), notCancelled));
            using var stopped = new CancellationTokenSource();
            stopped.Cancel();
            Assert.False(CreateOrReuse<Dataflow>.IsAmbiguous(new OperationCanceledException(stopped.Token), stopped.Token));
        }

        [Fact]
        public void A_failure_is_ambiguous_from_status_500_up_and_for_a_lost_connection_not_for_other_errors()
        {
            var notCancelled = CancellationToken.None;
            Assert.True(CreateOrReuse<Dataflow>.IsAmbiguous(new PlatformException(500, null, "Internal Server Error", "oops", null, "POST", "/flows"), notCancelled));
            Assert.False(CreateOrReuse<Dataflow>.IsAmbiguous(new PlatformException(499, null, "Client Closed", "gone", null, "POST", "/flows"), notCancelled));
            Assert.True(CreateOrReuse<Dataflow>.IsAmbiguous(new System.IO.IOException("connection reset"), notCancelled));
            Assert.False(CreateOrReuse<Dataflow>.IsAmbiguous(new InvalidOperationException("a bug, not the network"), notCancelled));
        }

        [Fact]
        public async Task The_first_identical_part_of_the_key_is_reused_without_asking_or_creating()
        {
            var parts = new ScriptedParts(found: new[] { Part("differs-1", "data.format is 'json', not 'tabular'"), Part("same-1"), Part("same-2") });
            var host = new RecordingHost();

            var result = await parts.Step().RunAsync(_platform.Client, host, TimeProvider.System);

            Assert.Equal(("same-1", PartOutcome.Reused), (result!.Part.Id, result.Outcome));
            Assert.Empty(host.Asked);
            Assert.Equal(0, parts.Creates);
        }

        [Fact]
        public async Task A_differing_part_is_refused_naming_the_key_text_its_id_every_difference_and_the_remedy()
        {
            var parts = new ScriptedParts(found: new[] { Part("differs-1", "data.format is 'json', not 'tabular'", "params.path is 'a.csv', not 'b.csv'"), Part("differs-2", "other") });
            var host = new RecordingHost();
            var step = parts.Step();
            step.KeyText = "Shop orders";

            var conflict = await Assert.ThrowsAsync<PartConflictException>(() => step.RunAsync(_platform.Client, host, TimeProvider.System));

            Assert.Equal(
                "a source connection named 'Shop orders' already exists (differs-1) and differs from the one asked for: data.format is 'json', not 'tabular'; params.path is 'a.csv', not 'b.csv'. Nothing was created. Remove it first.",
                conflict.Message);
            Assert.Empty(host.Asked);
            Assert.Equal(0, parts.Creates);
        }

        [Fact]
        public async Task A_differing_part_that_may_be_updated_is_updated_after_asking_with_its_id_and_differences()
        {
            var parts = new ScriptedParts(found: new[] { Part("differs-1", "data.format is 'json', not 'tabular'", "params.path is 'a.csv', not 'b.csv'") });
            var host = new RecordingHost();

            var result = await parts.Step(updatable: true).RunAsync(_platform.Client, host, TimeProvider.System);

            Assert.Equal(("differs-1 updated", PartOutcome.Updated), (result!.Part.Id, result.Outcome));
            Assert.Equal(new[] { ("Shop orders source", "Update source connection differs-1 (data.format is 'json', not 'tabular'; params.path is 'a.csv', not 'b.csv')") }, host.Asked);
            Assert.Equal(new[] { "differs-1" }, parts.Updated);
            Assert.Equal(0, parts.Creates);
        }

        [Fact]
        public async Task A_part_with_a_difference_no_update_can_make_is_refused_even_when_updates_are_allowed()
        {
            var parts = new ScriptedParts(found: new[] { Part("differs-1", "baseConnectionId is 'b-1', not 'b-2'") });
            var step = parts.Step(updatable: true);
            step.Unchangeable = part => part.Id == "differs-1" ? new[] { "baseConnectionId is 'b-1', not 'b-2'" } : Array.Empty<string>();
            var host = new RecordingHost();

            var conflict = await Assert.ThrowsAsync<PartConflictException>(() => step.RunAsync(_platform.Client, host, TimeProvider.System));

            Assert.Equal("differs-1", conflict.ExistingId);
            Assert.Equal(new[] { "baseConnectionId is 'b-1', not 'b-2'" }, conflict.Differences);
            Assert.Empty(host.Asked);
            Assert.Empty(parts.Updated);
        }

        [Fact]
        public async Task Under_WhatIf_a_differing_part_is_shown_as_updated_and_a_missing_one_as_planned_and_nothing_is_written()
        {
            var differing = new ScriptedParts(found: new[] { Part("differs-1", "data.format is 'json', not 'tabular'") });
            var missing = new ScriptedParts();
            var host = new RecordingHost(ChangeDecision.WhatIf);

            var update = await differing.Step(updatable: true).RunAsync(_platform.Client, host, TimeProvider.System);
            var create = await missing.Step().RunAsync(_platform.Client, host, TimeProvider.System);

            Assert.Equal(("differs-1", PartOutcome.Updated), (update!.Part.Id, update.Outcome));
            Assert.Equal(("planned-part", PartOutcome.Planned), (create!.Part.Id, create.Outcome));
            Assert.Equal(new[] { "Update source connection differs-1 (data.format is 'json', not 'tabular')", "Create source connection (Shopify.Orders)" }, host.Asked.Select(a => a.Action));
            Assert.Equal((0, 0), (differing.Updated.Count + missing.Updated.Count, differing.Creates + missing.Creates));
        }

        [Fact]
        public async Task A_part_declined_at_the_prompt_is_neither_created_nor_returned()
        {
            var parts = new ScriptedParts();

            var result = await parts.Step().RunAsync(_platform.Client, new RecordingHost(ChangeDecision.Declined), TimeProvider.System);

            Assert.Null(result);
            Assert.Equal(0, parts.Creates);
        }

        [Fact]
        public async Task A_create_that_keeps_failing_ambiguously_is_sent_eight_times_with_doubling_jittered_waits_between_lookups()
        {
            var parts = new ScriptedParts(createFailure: () => new PlatformException(503, null, "Service Unavailable", "busy", null, "POST", "/sourceConnections"));
            var clock = new ManualTimeProvider { AutoAdvance = true };

            var failure = await Assert.ThrowsAsync<PlatformException>(() => parts.Step().RunAsync(_platform.Client, new RecordingHost(), clock));

            Assert.Equal(503, failure.StatusCode);
            Assert.Equal((8, 7), (parts.Creates, parts.FreshLookups));
            // Attempt n waits between half and all of 200 ms × 2^(n-1).
            var fullWaits = new[] { 200, 400, 800, 1600, 3200, 6400, 12800 };
            Assert.Equal(fullWaits.Length, clock.RequestedDelays.Count);
            Assert.All(fullWaits.Zip(clock.RequestedDelays, (full, waited) => (full, waited.TotalMilliseconds)), pair =>
                Assert.InRange(pair.TotalMilliseconds, pair.full / 2.0, pair.full));
        }

        [Fact]
        public async Task A_create_applied_despite_its_failure_is_found_by_the_fresh_lookup_and_not_sent_again()
        {
            var parts = new ScriptedParts(freshlyFound: new[] { Part("applied-1") }, createFailure: () => new System.IO.IOException("connection reset after sending"));
            var clock = new ManualTimeProvider { AutoAdvance = true };

            var result = await parts.Step().RunAsync(_platform.Client, new RecordingHost(), clock);

            Assert.Equal(("applied-1", PartOutcome.Created), (result!.Part.Id, result.Outcome));
            Assert.Equal((1, 1), (parts.Creates, parts.FreshLookups));
            Assert.Empty(clock.RequestedDelays);
        }

        [Fact]
        public async Task A_fresh_lookup_after_an_ambiguous_failure_that_finds_a_differing_part_refuses_it_without_sending_again()
        {
            var parts = new ScriptedParts(freshlyFound: new[] { Part("raced-1", "params.tableName is 'Other', not 'Shopify.Orders'") }, createFailure: () => new PlatformException(502, null, "Bad Gateway", "lost", null, "POST", "/sourceConnections"));

            var step = parts.Step(updatable: true);
            step.KeyText = "Shop orders";

            var conflict = await Assert.ThrowsAsync<PartConflictException>(() => step.RunAsync(_platform.Client, new RecordingHost(), new ManualTimeProvider { AutoAdvance = true }));

            Assert.Equal(
                "a source connection named 'Shop orders' already exists (raced-1) and differs from the one asked for: params.tableName is 'Other', not 'Shopify.Orders'. Nothing was created. Remove it first.",
                conflict.Message);
            Assert.Equal((1, 1), (parts.Creates, parts.FreshLookups));
            Assert.Empty(parts.Updated);
        }

        [Fact]
        public async Task A_create_the_platform_refused_is_neither_looked_up_nor_sent_again()
        {
            var parts = new ScriptedParts(createFailure: () => new PlatformException(400, "FLOW-1400-400", "Bad Request", "bad", null, "POST", "/sourceConnections"));

            var failure = await Assert.ThrowsAsync<PlatformException>(() => parts.Step().RunAsync(_platform.Client, new RecordingHost(), new ManualTimeProvider { AutoAdvance = true }));

            Assert.Equal(400, failure.StatusCode);
            Assert.Equal((1, 0), (parts.Creates, parts.FreshLookups));
        }

        [Fact]
        public void Differences_ignore_case_treat_null_as_empty_and_quote_both_values()
        {
            var found = new PartDiff()
                .Text("data.format", "TABULAR", "tabular")
                .Text("params.path", null, string.Empty)
                .Text("params.tableName", "Shopify.Orders", "Shopify.Refunds")
                .Text("description", null, "new")
                .Messages;

            Assert.Equal(new[] { "params.tableName is 'Shopify.Orders', not 'Shopify.Refunds'", "description is '', not 'new'" }, found);
        }

        [Fact]
        public void A_value_over_120_characters_is_shown_as_its_first_117_and_an_ellipsis()
        {
            var exactly120 = new string('a', 120);

            var found = new PartDiff().Text("x", exactly120, "short").Text("y", "short", new string('b', 117) + "cccc").Messages;

            Assert.Equal(new[] { "x is '" + exactly120 + "', not 'short'", "y is 'short', not '" + new string('b', 117) + "...'" }, found);
        }

        [Fact]
        public void Sets_differ_in_their_members_not_in_order_or_case()
        {
            var found = new PartDiff()
                .Set("params.columns", new[] { "Email:string", "Total:number" }, new[] { "total:NUMBER", "email:string" })
                .Set("tags", null, Array.Empty<string>())
                .Set("params.columns", new[] { "b", "A" }, new[] { "c", "a", "b" })
                .Messages;

            Assert.Equal(new[] { "params.columns is 'A, b', not 'a, b, c'" }, found);
        }

        [Fact]
        public async Task A_step_told_nothing_calls_its_part_a_part_and_cannot_create_or_plan_one()
        {
            var differing = new CreateOrReuse<SourceConnection>
            {
                Find = _ => Task.FromResult<IReadOnlyList<SourceConnection>>(new[] { Part("x", "differs") }),
                Differences = part => new[] { "differs" },
            };
            var asked = new RecordingHost(ChangeDecision.WhatIf);
            var proceed = new RecordingHost();

            var conflict = await Assert.ThrowsAsync<PartConflictException>(() => differing.RunAsync(_platform.Client, new RecordingHost(), TimeProvider.System));
            var noPlan = await Assert.ThrowsAsync<InvalidOperationException>(() => new CreateOrReuse<SourceConnection>().RunAsync(_platform.Client, asked, TimeProvider.System));
            var noCreate = await Assert.ThrowsAsync<InvalidOperationException>(() => new CreateOrReuse<SourceConnection>().RunAsync(_platform.Client, proceed, TimeProvider.System));

            Assert.Equal("a part named '' already exists () and differs from the one asked for: differs. Nothing was created.", conflict.Message);
            Assert.Equal(("", ""), asked.Asked.Single());
            Assert.Equal(("No plan given.", "No create given."), (noPlan.Message, noCreate.Message));
        }

        [Fact]
        public async Task Parts_of_one_key_in_any_case_are_made_one_at_a_time_and_other_keys_go_ahead()
        {
            var gate = new KeyedGate();
            var first = await gate.EnterAsync("source connection\nShop orders source", CancellationToken.None);

            var sameKey = gate.EnterAsync("SOURCE CONNECTION\nshop orders source", CancellationToken.None);
            var otherKey = gate.EnterAsync("source connection\nRefunds source", CancellationToken.None);

            Assert.True(otherKey.IsCompleted);
            Assert.False(sameKey.IsCompleted);
            first.Dispose();
            first.Dispose();
            (await sameKey).Dispose();
            // Released once per entry, however often disposed: the key can be entered again, and only once at a time.
            var again = await gate.EnterAsync("source connection\nShop orders source", CancellationToken.None);
            Assert.False(gate.EnterAsync("source connection\nShop orders source", CancellationToken.None).IsCompleted);
            again.Dispose();
        }

        /// <summary>A source connection whose Description lists how it differs from the one asked for (none: identical).</summary>
        private static SourceConnection Part(string id, params string[] differences) =>
            new SourceConnection { Id = id, Description = differences.Length == 0 ? null : string.Join("|", differences) };

        /// <summary>Create-or-reuse on its own: lookups, creates and updates scripted and counted.</summary>
        private sealed class ScriptedParts
        {
            private readonly SourceConnection[] _found;
            private readonly SourceConnection[] _freshlyFound;
            private readonly Func<Exception>? _createFailure;
            private int _creates;
            private int _freshLookups;

            public ScriptedParts(SourceConnection[]? found = null, SourceConnection[]? freshlyFound = null, Func<Exception>? createFailure = null)
            {
                _found = found ?? Array.Empty<SourceConnection>();
                _freshlyFound = freshlyFound ?? Array.Empty<SourceConnection>();
                _createFailure = createFailure;
            }

            public int Creates => _creates;

            public int FreshLookups => _freshLookups;

            public ConcurrentQueue<string> Updated { get; } = new ConcurrentQueue<string>();

            public CreateOrReuse<SourceConnection> Step(bool updatable = false) => new CreateOrReuse<SourceConnection>
            {
                Kind = "source connection",
                Key = "Shop orders source",
                Action = "Create source connection (Shopify.Orders)",
                Find = _ => Task.FromResult<IReadOnlyList<SourceConnection>>(_found),
                FindFresh = _ =>
                {
                    Interlocked.Increment(ref _freshLookups);
                    return Task.FromResult<IReadOnlyList<SourceConnection>>(_freshlyFound);
                },
                Differences = part => part.Description?.Split('|') ?? Array.Empty<string>(),
                IdOf = part => part.Id,
                Create = _ =>
                {
                    Interlocked.Increment(ref _creates);
                    return _createFailure is null ? Task.FromResult(Part("created-1")) : Task.FromException<SourceConnection>(_createFailure());
                },
                Planned = () => Part("planned-part"),
                Update = updatable
                    ? (part, _) =>
                    {
                        Updated.Enqueue(part.Id);
                        return Task.FromResult(Part(part.Id + " updated"));
                    }
                    : null,
                Remedy = "Remove it first.",
            };
        }

        private IReadOnlyList<JournalEntry> RequestsSince(long mark) => Engine.Journal.Since(mark);

        /// <summary>
        /// One row through the whole pipeline, each step's operation given what the step before it carries (as the cmdlets
        /// pass it on); the last step's output (the flow with every carried property).
        /// </summary>
        private async Task<EmittedObject> RowAsync(
            (XdmSchema Schema, Dataset Dataset, BaseConnection Base) prerequisites,
            string name,
            TestPlatform? platform = null,
            string frequency = "Once",
            RecordingHost? lastStep = null,
            Action? beforeLastStep = null)
        {
            var client = (platform ?? _platform).Client;
            var source = await StepAsync(host => new NewSourceConnectionOperation(client).RunAsync(
                new SourceConnectionInput { FlowName = name, BaseConnectionId = prerequisites.Base.Id, TableName = "Shopify.Orders", Columns = new[] { new SourceColumn { Name = "Email" } } }, host));
            var target = await StepAsync(host => new NewTargetConnectionOperation(client).RunAsync(
                new TargetConnectionInput { FlowName = name, DatasetId = prerequisites.Dataset.Id, Carried = PipelineIds.From(source.PipelineProperties) }, host));
            var afterTarget = PipelineIds.From(target.PipelineProperties);
            var mapping = await StepAsync(host => new NewMappingSetOperation(client).RunAsync(
                new MappingSetInput
                {
                    Mappings = new[] { new Mapping("Email", "personalEmail.address") },
                    // As PowerShell binds it: from the target connection's own property, which its carried ids leave out.
                    SchemaId = (string?)target[PipelineIds.SchemaId],
                    SourceConnectionId = afterTarget[PipelineIds.SourceConnectionId],
                    TargetConnectionId = afterTarget[PipelineIds.TargetConnectionId],
                    Carried = afterTarget,
                },
                host));
            var afterMapping = PipelineIds.From(mapping.PipelineProperties);
            var spec = await StepAsync(host => new GetFlowSpecOperation(client).RunAsync(
                new FlowSpecQuery { ConnectionSpecId = afterMapping[PipelineIds.ConnectionSpecId], Carried = afterMapping, FromPipeline = true }, host));
            beforeLastStep?.Invoke();
            var carried = PipelineIds.From(spec.PipelineProperties);
            var flowHost = lastStep ?? new RecordingHost();
            await new NewDataflowOperation(client).RunAsync(
                new DataflowInput
                {
                    FlowName = name,
                    FlowSpecId = carried[PipelineIds.FlowSpecId]!,
                    SourceConnectionIds = new[] { carried[PipelineIds.SourceConnectionId]! },
                    TargetConnectionIds = new[] { carried[PipelineIds.TargetConnectionId]! },
                    MappingSetId = carried[PipelineIds.MappingSetId],
                    MappingSetVersion = int.Parse(carried[PipelineIds.MappingSetVersion]!, System.Globalization.CultureInfo.InvariantCulture),
                    Frequency = frequency,
                    Interval = frequency == "Once" ? (int?)null : 1,
                    StartTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    Carried = carried,
                },
                flowHost);
            return lastStep is null ? flowHost.OnlyObject() : flowHost.Objects.SingleOrDefault()!;
        }

        private static async Task<EmittedObject> StepAsync(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            return host.OnlyObject();
        }
    }
}
