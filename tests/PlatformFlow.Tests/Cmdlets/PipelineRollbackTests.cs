using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// A flow step that fails after earlier steps made parts for its row (PipelineRollback.GuardAsync): with
    /// -RollbackOnError the connections are removed, target first; otherwise, or when a removal is declined or fails, a
    /// warning names what remains and the commands that remove it. The row's failure goes on unchanged.
    /// </summary>
    public sealed class PipelineRollbackTests : IDisposable
    {
        private readonly TestPlatform _platform = new TestPlatform();
        private readonly InvalidOperationException _failure = new InvalidOperationException("the flow create failed");

        public void Dispose() => _platform.Dispose();

        private string[] Deletes => _platform.Engine.Journal.Recent.Where(e => e.Method == "DELETE").Select(e => e.Call() + " " + e.Status).ToArray();

        /// <summary>A source connection, a target connection and a mapping set made for flow 'Orders', in that order, as the pipeline carries them.</summary>
        private async Task<(PipelineIds Carried, string Source, string Target, string Mapping)> PartsAsync()
        {
            var builder = new FlowBuilder(_platform.Client);
            var (_, dataset, shop) = await builder.PrerequisitesAsync();
            var (source, target, mapping) = await builder.PartsAsync("Orders", shop.Id, dataset);
            var carried = new PipelineIds().With(PipelineIds.FlowName, "Orders")
                .WithCreated(nameof(SourceConnection), source.Id).WithCreated(nameof(TargetConnection), target.Id).WithCreated(nameof(MappingSet), mapping.Id);
            return (carried, source.Id, target.Id, mapping.Id);
        }

        private async Task FailAsync(PipelineIds carried, bool rollBack, bool lastStep, RecordingHost host, string? flowName = null)
        {
            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => PipelineRollback.GuardAsync(_platform.Client, flowName, carried, rollBack, lastStep, host, () => throw _failure));
            Assert.Same(_failure, thrown);
        }

        [Fact]
        public async Task Rolling_back_removes_the_target_then_the_source_connection_after_asking_and_names_the_mapping_set_left()
        {
            var (carried, source, target, mapping) = await PartsAsync();
            var host = new RecordingHost();

            await FailAsync(carried, rollBack: true, lastStep: true, host);

            Assert.Equal(new[] { "DELETE /targetConnections/" + target + " 204", "DELETE /sourceConnections/" + source + " 204" }, Deletes);
            Assert.Equal(new[] { (target, "Remove target connection created for flow 'Orders' (rollback)"), (source, "Remove source connection created for flow 'Orders' (rollback)") }, host.Asked);
            Assert.Equal(new[] { "Rolled back: removed target connection " + target + ", created for flow 'Orders'.", "Rolled back: removed source connection " + source + ", created for flow 'Orders'." }, host.Verbose);
            Assert.Equal(new[] { "Flow 'Orders' was not created; the parts made for it remain: mapping set " + mapping + ". The platform cannot delete mapping sets; " + mapping + " is used by no flow." }, host.Warnings);
        }

        [Fact]
        public async Task Rolling_back_every_part_made_leaves_nothing_to_warn_about()
        {
            var (_, source, target, _) = await PartsAsync();
            var carried = new PipelineIds().WithCreated(nameof(SourceConnection), source).WithCreated(nameof(TargetConnection), target);
            var host = new RecordingHost();

            await FailAsync(carried, rollBack: true, lastStep: true, host, flowName: "Orders");

            Assert.Equal(new[] { "DELETE /targetConnections/" + target + " 204", "DELETE /sourceConnections/" + source + " 204" }, Deletes);
            Assert.Empty(host.Warnings);
        }

        [Theory]
        [InlineData(ChangeDecision.Declined)]
        [InlineData(ChangeDecision.WhatIf)]
        public async Task A_removal_not_confirmed_is_kept_and_named_with_its_command(ChangeDecision decision)
        {
            var (carried, source, target, mapping) = await PartsAsync();
            var host = new RecordingHost(decision);

            await FailAsync(carried, rollBack: true, lastStep: true, host);

            Assert.Empty(Deletes);
            Assert.Equal(2, host.Asked.Count);
            Assert.Empty(host.Verbose);
            Assert.Equal(
                new[]
                {
                    "Flow 'Orders' was not created; the parts made for it remain: mapping set " + mapping + ", target connection " + target + ", source connection " + source + "."
                    + " Remove them with: Remove-TargetConnection -Id " + target + " -Force; Remove-SourceConnection -Id " + source + " -Force."
                    + " The platform cannot delete mapping sets; " + mapping + " is used by no flow.",
                },
                host.Warnings);
        }

        [Fact]
        public async Task A_removal_that_fails_is_warned_about_and_the_part_named_among_those_left()
        {
            var (_, source, target, _) = await PartsAsync();
            await _platform.Client.FlowService.SourceConnections.DeleteAsync(source);
            var carried = new PipelineIds().WithCreated(nameof(SourceConnection), source).WithCreated(nameof(TargetConnection), target);
            var host = new RecordingHost();

            await FailAsync(carried, rollBack: true, lastStep: true, host, flowName: "Orders");

            Assert.Equal(new[] { "DELETE /sourceConnections/" + source + " 204", "DELETE /targetConnections/" + target + " 204", "DELETE /sourceConnections/" + source + " 404" }, Deletes);
            Assert.Equal(2, host.Warnings.Count);
            Assert.Matches("^Could not remove source connection " + source + @" \(.*404.*\)\.$", host.Warnings[0]);
            Assert.Equal(
                "Flow 'Orders' was not created; the parts made for it remain: source connection " + source + ". Remove them with: Remove-SourceConnection -Id " + source + " -Force.",
                host.Warnings[1]);
        }

        [Fact]
        public async Task Without_rollback_the_last_step_names_every_part_and_offers_RollbackOnError()
        {
            var (carried, source, target, mapping) = await PartsAsync();
            var host = new RecordingHost();

            await FailAsync(carried, rollBack: false, lastStep: true, host);

            Assert.Empty(Deletes);
            Assert.Empty(host.Asked);
            Assert.Equal(
                new[]
                {
                    "Flow 'Orders' was not created; the parts made for it remain: source connection " + source + ", target connection " + target + ", mapping set " + mapping + "."
                    + " Remove them with: Remove-SourceConnection -Id " + source + " -Force; Remove-TargetConnection -Id " + target + " -Force (or run the pipeline with New-Dataflow -RollbackOnError)."
                    + " The platform cannot delete mapping sets; " + mapping + " is used by no flow.",
                },
                host.Warnings);
        }

        [Fact]
        public async Task An_earlier_step_names_its_parts_without_offering_RollbackOnError_and_a_flow_without_a_name_is_quoted_empty()
        {
            var carried = new PipelineIds().WithCreated(nameof(SourceConnection), "source-1");
            var host = new RecordingHost();

            await FailAsync(carried, rollBack: false, lastStep: false, host);

            Assert.Equal(new[] { "Flow '' was not created; the parts made for it remain: source connection source-1. Remove them with: Remove-SourceConnection -Id source-1 -Force." }, host.Warnings);
        }

        [Fact]
        public async Task A_failure_before_any_part_was_made_or_a_cancellation_goes_on_without_a_warning()
        {
            var host = new RecordingHost();
            await FailAsync(new PipelineIds().With(PipelineIds.FlowName, "Orders"), rollBack: true, lastStep: true, host);

            var cancelled = new OperationCanceledException();
            var carried = new PipelineIds().WithCreated(nameof(SourceConnection), "source-1");
            Assert.Same(cancelled, await Assert.ThrowsAsync<OperationCanceledException>(() => PipelineRollback.GuardAsync(_platform.Client, "Orders", carried, true, true, host, () => throw cancelled)));

            Assert.Empty(host.Asked);
            Assert.Empty(host.Warnings);
            Assert.Empty(Deletes);
        }

        [Fact]
        public async Task Ctrl_C_during_a_removal_stops_the_rollback_instead_of_warning()
        {
            using var stop = new CancellationTokenSource();
            stop.Cancel();
            var host = new RecordingHost(ChangeDecision.Proceed, stop.Token);
            var carried = new PipelineIds().WithCreated(nameof(SourceConnection), "source-1").WithCreated(nameof(TargetConnection), "target-1");

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineRollback.GuardAsync(_platform.Client, "Orders", carried, true, true, host, () => throw _failure));

            Assert.Single(host.Asked);
            Assert.Empty(host.Warnings);
            Assert.Empty(Deletes);
        }

        [Fact]
        public async Task A_step_that_succeeds_rolls_nothing_back()
        {
            var host = new RecordingHost();
            var ran = false;

            await PipelineRollback.GuardAsync(_platform.Client, "Orders", new PipelineIds().WithCreated(nameof(SourceConnection), "source-1"), true, true, host, () =>
            {
                ran = true;
                return Task.CompletedTask;
            });

            Assert.True(ran);
            Assert.Empty(host.Asked);
            Assert.Empty(host.Warnings);
        }
    }
}
