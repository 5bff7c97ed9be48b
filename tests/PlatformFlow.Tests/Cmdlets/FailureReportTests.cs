using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// A failure nobody foresaw (here: every request fails with an <see cref="InvalidOperationException"/>) is one
    /// non-terminating error per input: its id names the cmdlet (<c>&lt;Cmdlet&gt;Failed</c>), its target is the piped
    /// object when there is one, else the id given, and its message starts with what the input was.
    /// </summary>
    public sealed class FailureReportTests
    {
        private const string Broke = "the wire broke";

        public static IEnumerable<object?[]> Cases()
        {
            // name, run, error id, target, message
            yield return Case("Get-Dataflow by id, piped", (c, h) => new GetDataflowOperation(c).RunAsync(new ResourceQuery { Id = "f-1", Target = "row" }, h), "GetDataflowFailed", "row", "f-1: " + Broke);
            yield return Case("Get-Dataflow by name", (c, h) => new GetDataflowOperation(c).RunAsync(new ResourceQuery { Name = "Shop*", NameMatches = _ => true }, h), "GetDataflowFailed", "Shop*", Broke);
            yield return Case("Get-Dataflow -Count", (c, h) => new GetDataflowOperation(c).CountOnlyAsync(new ResourceQuery { Target = "row" }, h), "GetDataflowFailed", "row", Broke);
            yield return Case("Get-BaseConnection", (c, h) => new GetBaseConnectionOperation(c).RunAsync(new ResourceQuery { Id = "b-1" }, h), "GetBaseConnectionFailed", "b-1", "b-1: " + Broke);
            yield return Case("Get-SourceConnection", (c, h) => new GetSourceConnectionOperation(c).RunAsync(new ResourceQuery { Id = "s-1" }, h), "GetSourceConnectionFailed", "s-1", "s-1: " + Broke);
            yield return Case("Get-TargetConnection", (c, h) => new GetTargetConnectionOperation(c).RunAsync(new ResourceQuery { Id = "t-1" }, h), "GetTargetConnectionFailed", "t-1", "t-1: " + Broke);
            yield return Case("Get-Dataset", (c, h) => new GetDatasetOperation(c).RunAsync(new ResourceQuery { Id = "d-1" }, h), "GetDatasetFailed", "d-1", "d-1: " + Broke);
            yield return Case("Get-XdmSchema", (c, h) => new GetXdmSchemaOperation(c).RunAsync(new ResourceQuery { Id = "x-1" }, h), "GetXdmSchemaFailed", "x-1", "x-1: " + Broke);
            yield return Case("Get-Sandbox", (c, h) => new GetSandboxOperation(c).RunAsync("dev", null, h), "GetSandboxFailed", "dev", "dev: " + Broke);
            yield return Case("Get-FlowRun by run id, piped", (c, h) => new GetFlowRunOperation(c).RunAsync(new FlowRunQuery { RunId = "r-1", FlowId = "f-1", Target = "row" }, h), "GetFlowRunFailed", "row", "r-1: " + Broke);
            yield return Case("Get-FlowRun by run id", (c, h) => new GetFlowRunOperation(c).RunAsync(new FlowRunQuery { RunId = "r-1", FlowId = "f-1" }, h), "GetFlowRunFailed", "r-1", "r-1: " + Broke);
            yield return Case("Get-FlowRun by flow id", (c, h) => new GetFlowRunOperation(c).RunAsync(new FlowRunQuery { FlowId = "f-1" }, h), "GetFlowRunFailed", "f-1", "f-1: " + Broke);
            yield return Case("Set-Dataflow, piped", (c, h) => new SetDataflowOperation(c).RunAsync(new DataflowChange { Id = "f-1", Name = "n", Target = "row" }, h), "SetDataflowFailed", "row", "f-1: " + Broke);
            yield return Case("Set-Dataflow", (c, h) => new SetDataflowOperation(c).RunAsync(new DataflowChange { Id = "f-1", Name = "n" }, h), "SetDataflowFailed", "f-1", "f-1: " + Broke);
            yield return Case("Set-SourceConnection", (c, h) => new SetSourceConnectionOperation(c).RunAsync(new ResourceChange { Id = "s-1", Name = "n" }, h), "SetSourceConnectionFailed", "s-1", "s-1: " + Broke);
            yield return Case("Set-TargetConnection", (c, h) => new SetTargetConnectionOperation(c).RunAsync(new ResourceChange { Id = "t-1", Name = "n" }, h), "SetTargetConnectionFailed", "t-1", "t-1: " + Broke);
            yield return Case("Enable-Dataflow, piped", (c, h) => new DataflowStateOperation(enable: true, client: c).RunAsync("f-1", "row", null, true, h), "EnableDataflowFailed", "row", "f-1: " + Broke);
            yield return Case("Disable-Dataflow", (c, h) => new DataflowStateOperation(enable: false, client: c).RunAsync("f-1", null, null, true, h), "DisableDataflowFailed", "f-1", "f-1: " + Broke);
            yield return Case("Remove-Dataflow", (c, h) => new RemoveDataflowOperation(c).RemoveAsync(new DataflowRemoval { Id = "f-1" }, false, "row", h), "RemoveDataflowFailed", "row", Broke);
            yield return Case("Remove-BaseConnection", (c, h) => new RemoveBaseConnectionOperation(c).RemoveAsync("b-1", false, "b-1", h), "RemoveBaseConnectionFailed", "b-1", Broke);
            yield return Case("Remove-SourceConnection", (c, h) => new RemoveSourceConnectionOperation(c).RemoveAsync("s-1", false, "s-1", h), "RemoveSourceConnectionFailed", "s-1", Broke);
            yield return Case("Remove-TargetConnection", (c, h) => new RemoveTargetConnectionOperation(c).RemoveAsync("t-1", false, "t-1", h), "RemoveTargetConnectionFailed", "t-1", Broke);
            yield return Case("Remove-Dataset", (c, h) => new RemoveDatasetOperation(c).RemoveAsync("d-1", false, "d-1", h), "RemoveDatasetFailed", "d-1", Broke);
            yield return Case("Remove-XdmSchema", (c, h) => new RemoveXdmSchemaOperation(c).RemoveAsync("x-1", false, "x-1", h), "RemoveXdmSchemaFailed", "x-1", Broke);
            yield return Case("Restart-FlowRun, piped", (c, h) => new RestartFlowRunOperation(c).RunAsync("r-1", "row", h), "RestartFlowRunFailed", "row", "r-1: " + Broke);
            yield return Case("Restart-FlowRun", (c, h) => new RestartFlowRunOperation(c).RunAsync("r-1", null, h), "RestartFlowRunFailed", "r-1", "r-1: " + Broke);
            yield return Case("Start-FlowRun, piped", (c, h) => new StartFlowRunOperation(c).RunAsync(new FlowRunStart { FlowId = "f-1", Target = "row" }, h), "StartFlowRunFailed", "row", "f-1: " + Broke);
            yield return Case("Start-FlowRun", (c, h) => new StartFlowRunOperation(c).RunAsync(new FlowRunStart { FlowId = "f-1" }, h), "StartFlowRunFailed", "f-1", "f-1: " + Broke);
            yield return Case("Wait-FlowRun, piped", (c, h) => new WaitFlowRunOperation(c).RunAsync(new FlowRunWait { RunId = "r-1", Target = "row" }, h), "WaitFlowRunFailed", "row", "r-1: " + Broke);
            yield return Case("Wait-FlowRun", (c, h) => new WaitFlowRunOperation(c).RunAsync(new FlowRunWait { RunId = "r-1" }, h), "WaitFlowRunFailed", "r-1", "r-1: " + Broke);
            yield return Case("Test-BaseConnection by name, piped", (c, h) => new TestBaseConnectionOperation(c).RunAsync(new BaseConnectionTestInput { Id = "b-1", Name = "Shop", Target = "row" }, h), "TestBaseConnectionFailed", "row", "Shop: " + Broke);
            yield return Case("Test-BaseConnection by id", (c, h) => new TestBaseConnectionOperation(c).RunAsync(new BaseConnectionTestInput { Id = "b-1" }, h), "TestBaseConnectionFailed", "b-1", "b-1: " + Broke);
            yield return Case("Get-MappingSet", (c, h) => new GetMappingSetOperation(c).RunAsync(new ResourceQuery { Id = "m-1" }, h), "GetMappingSetFailed", "m-1", "m-1: " + Broke);
            yield return Case("New-MappingSet, piped", (c, h) => new NewMappingSetOperation(c).RunAsync(new MappingSetInput { Mappings = Email, SchemaId = "x-1", Carried = ShopOrders, Target = "row" }, h), "NewMappingSetFailed", "row", "Shop orders: " + Broke);
            yield return Case("Test-MappingSet, piped", (c, h) => new TestMappingSetOperation(c).RunAsync(new MappingSetTestInput { MappingSetId = "m-1", Carried = ShopOrders, Target = "row" }, h), "TestMappingSetFailed", "row", "m-1: " + Broke);
            yield return Case("New-Dataflow", (c, h) => new NewDataflowOperation(c).RunAsync(Flow(target: null), h), "NewDataflowFailed", "Shop orders", "Shop orders: " + Broke);
            yield return Case("Get-ConnectionSpec by name", (c, h) => new GetConnectionSpecOperation(c).RunAsync(null, new NameQuery("shop*", _ => true, isLiteral: false), h), "GetConnectionSpecFailed", "shop*", Broke);
            yield return Case("Get-FlowSpec by name, piped", (c, h) => new GetFlowSpecOperation(c).RunAsync(new FlowSpecQuery { Name = "CRMToAEP", Target = "row", Carried = new PipelineIds().With(PipelineIds.FlowName, "Row 1"), FromPipeline = true }, h), "GetFlowSpecFailed", "row", "Row 1: " + Broke);
            yield return Case("Get-SourceTable", (c, h) => new GetSourceTableOperation(c).RunAsync(new SourceTableQuery { BaseConnectionId = "b-1", TableName = "Shopify.Orders" }, h), "GetSourceTableFailed", "Shopify.Orders", "Shopify.Orders: " + Broke);
            yield return Case("New-Dataflow, piped", (c, h) => new NewDataflowOperation(c).RunAsync(Flow(target: "row"), h), "NewDataflowFailed", "row", "Shop orders: " + Broke);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task An_unforeseen_failure_is_one_error_named_for_the_cmdlet_and_its_input(string name, Func<PlatformClient, RecordingHost, Task> run, string errorId, string target, string message)
        {
            using var client = TestPlatform.NewClientThrough(new EmulatorEngine(new EmulatorOptions()), _ => new FailingHandler(() => new InvalidOperationException(Broke)));
            var host = new RecordingHost();

            await run(client, host);

            var error = Assert.Single(host.Errors);
            Assert.True((errorId, target, message) == (error.ErrorId, error.Target as string, error.Message), name + ": " + (error.ErrorId, error.Target, error.Message));
            Assert.Equal(OperationErrorCategory.NotSpecified, error.Category);
            Assert.Empty(host.Objects);
        }

        private static object?[] Case(string name, Func<PlatformClient, RecordingHost, Task> run, string errorId, string target, string message) =>
            new object?[] { name, run, errorId, target, message };

        private static readonly Mapping[] Email = { new Mapping("Email", "personalEmail.address") };

        private static readonly PipelineIds ShopOrders = new PipelineIds().With(PipelineIds.FlowName, "Shop orders");

        private static DataflowInput Flow(object? target) => new DataflowInput
        {
            FlowName = "Shop orders",
            FlowSpecId = WellKnown.CrmToAepFlowSpecId,
            SourceConnectionIds = new[] { "s-1" },
            TargetConnectionIds = new[] { "t-1" },
            MappingSetId = "m-1",
            Target = target,
        };
    }
}
