using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Commands;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Support.CmdletFactory;

namespace PlatformFlow.Tests.Cmdlets.Lifecycle
{
    /// <summary>
    /// Each lifecycle cmdlet's parameters → its operation's input (the cmdlet's own conversion code). Which parameters
    /// PowerShell binds from a piped object is proven in real pwsh (tests/Binding.Tests.ps1), not here.
    /// </summary>
    public sealed class CmdletInputTests
    {
        [Fact]
        public void Get_Dataflow_maps_name_filters_paging_and_page_size()
        {
            Func<string, bool> matcher = n => n.StartsWith("Shop", StringComparison.Ordinal);
            var byName = CmdletFactory.Create<GetDataflowCommand>(Params(("Name", "Shop*"), ("PageSize", 50))).CreateQuery(null, matcher, 30, 120, null);
            var byFilter = CmdletFactory.Create<GetDataflowCommand>(Params(("Filter", new[] { "state==enabled", "createdAt>1" }))).CreateQuery(null, null, 0, ulong.MaxValue, null);

            Assert.Equal(("Shop*", 30L, 120L, 50), (byName.Name, byName.Skip, byName.First!.Value, byName.PageSize!.Value));
            Assert.Same(matcher, byName.NameMatches);
            Assert.Equal(new[] { "state==enabled", "createdAt>1" }, byFilter.Filters);
            Assert.Null(byFilter.First);
            Assert.Null(byFilter.NameMatches);
        }

        [Fact]
        public void Get_FlowRun_reads_statuses_in_any_case_and_spelling()
        {
            var query = CmdletFactory.Create<GetFlowRunCommand>(Params(("FlowId", "flow-1"), ("Status", new[] { "failed", "IN_PROGRESS" }))).CreateInput();

            Assert.Equal("flow-1", query.FlowId);
            Assert.Equal(new[] { RunStatus.Failed, RunStatus.InProgress }, query.Statuses);
        }

        [Fact]
        public void Wait_FlowRun_takes_seconds_and_polls_every_15_by_default()
        {
            var wait = CmdletFactory.Create<WaitFlowRunCommand>(Params(("RunId", "run-1"), ("Timeout", 120))).CreateInput();

            Assert.Equal(("run-1", TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15)), (wait.RunId, wait.Timeout, wait.PollInterval));
        }

        [Fact]
        public void An_unknown_run_status_is_refused_with_the_known_ones()
        {
            var cmdlet = CmdletFactory.Create<GetFlowRunCommand>(Params(("FlowId", "flow-1"), ("Status", new[] { "Broken" })));

            var error = Assert.Throws<ArgumentException>(() => cmdlet.CreateInput());
            Assert.Contains("PartialSuccess", error.Message);
        }

        [Fact]
        public void Set_Dataflow_sends_only_what_was_given()
        {
            var change = CmdletFactory.Create<SetDataflowCommand>(Params(("Id", "flow-1"), ("Etag", "\"e-1\""), ("Frequency", "Day"), ("Interval", 2))).CreateInput(force: true, backfill: false);

            Assert.Equal(("flow-1", "\"e-1\"", "Day", 2, true, false), (change.Id, change.Etag, change.Frequency, change.Interval!.Value, change.Force, change.Backfill!.Value));
            Assert.Null(change.Name);
            Assert.Null(change.StartTime);

            var source = CmdletFactory.Create<SetSourceConnectionCommand>(Params(("Id", "source-1"), ("Description", "d"))).CreateInput(force: false);
            Assert.Equal(("source-1", "d", (string?)null), (source.Id, source.Description, source.Etag));
        }

        [Fact]
        public void Remove_Dataflow_removes_the_connections_only_when_asked()
        {
            Assert.True(CmdletFactory.Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: true).IncludeConnections);
            Assert.False(CmdletFactory.Create<RemoveDataflowCommand>(Params(("Id", "x"))).CreateInput(includeConnections: false).IncludeConnections);
        }
    }
}
