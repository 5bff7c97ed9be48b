using System;
using System.Collections;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
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
                    new[] { "POST /data/foundation/flowservice/sourceConnections", "POST /data/foundation/flowservice/targetConnections", "POST /data/foundation/flowservice/flows" },
                    requests.Select(r => r.Method + " " + r.Path));
                Assert.Equal("Reused", flow["MappingSetOutcome"]);
                Assert.Equal("Created", flow["DataflowOutcome"]);
            }
        }

        [Fact]
        public async Task A_new_session_reuses_every_part_with_one_listing_per_kind_and_no_write()
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
            Assert.Equal(1, requests.Count(e => e.Path.EndsWith("/sourceConnections", StringComparison.Ordinal)));
            Assert.Equal(1, requests.Count(e => e.Path.EndsWith("/targetConnections", StringComparison.Ordinal)));
            Assert.Equal(1, requests.Count(e => e.Path.EndsWith("/mappingSets", StringComparison.Ordinal)));
            Assert.Equal(1, requests.Count(e => e.Path.EndsWith("/flows", StringComparison.Ordinal)));
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

        private System.Collections.Generic.List<JournalEntry> RequestsSince(long mark)
        {
            var recent = Engine.Journal.Recent;
            return recent.Skip(recent.Count - (int)(Engine.Journal.Total - mark)).ToList();
        }

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
                new TargetConnectionInput { FlowName = name, DatasetId = prerequisites.Dataset.Id, Carried = Carried(source) }, host));
            var afterTarget = Carried(target);
            var mapping = await StepAsync(host => new NewMappingSetOperation(client).RunAsync(
                new MappingSetInput
                {
                    Mappings = new[] { new Mapping("Email", "personalEmail.address") },
                    SchemaId = afterTarget[PipelineIds.SchemaId],
                    SourceConnectionId = afterTarget[PipelineIds.SourceConnectionId],
                    TargetConnectionId = afterTarget[PipelineIds.TargetConnectionId],
                    Carried = afterTarget,
                },
                host));
            var afterMapping = Carried(mapping);
            var spec = await StepAsync(host => new GetFlowSpecOperation(client).RunAsync(
                new FlowSpecQuery { ConnectionSpecId = afterMapping[PipelineIds.ConnectionSpecId], Carried = afterMapping, FromPipeline = true }, host));
            beforeLastStep?.Invoke();
            var carried = Carried(spec);
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
            return lastStep is null ? Single(flowHost) : flowHost.Objects.SingleOrDefault()!;
        }

        /// <summary>What the next step binds from a step's output: the ids it carries and its own id under its step's name.</summary>
        private static PipelineIds Carried(EmittedObject step) => PipelineIds.From(step.PipelineProperties.Append(OwnId(step.Value)));

        private static System.Collections.Generic.KeyValuePair<string, object?> OwnId(object value) => value switch
        {
            SourceConnection source => new System.Collections.Generic.KeyValuePair<string, object?>(PipelineIds.SourceConnectionId, source.Id),
            TargetConnection target => new System.Collections.Generic.KeyValuePair<string, object?>(PipelineIds.TargetConnectionId, target.Id),
            MappingSet mapping => new System.Collections.Generic.KeyValuePair<string, object?>(PipelineIds.MappingSetId, mapping.Id),
            FlowSpec spec => new System.Collections.Generic.KeyValuePair<string, object?>(PipelineIds.FlowSpecId, spec.Id),
            _ => throw new ArgumentException("Not a step of the flow pipeline: " + value.GetType().Name),
        };

        private static async Task<EmittedObject> StepAsync(Func<RecordingHost, Task> run)
        {
            var host = new RecordingHost();
            await run(host);
            return Single(host);
        }

        private static EmittedObject Single(RecordingHost host)
        {
            Assert.True(host.Errors.Count == 0, string.Join(Environment.NewLine, host.Errors.Select(e => e.ErrorId + ": " + e.Message)));
            return Assert.Single(host.Objects);
        }
    }
}
