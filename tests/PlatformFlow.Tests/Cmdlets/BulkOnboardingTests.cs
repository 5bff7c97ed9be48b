using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client.Models;
using PlatformFlow.Tests.Support;
using Xunit;
using static PlatformFlow.Tests.Cmdlets.FlowPipelineFixture;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>Import-Csv shops.csv | New-SourceConnection | New-TargetConnection ... | New-MappingSet ... | Get-FlowSpec | New-Dataflow</summary>
    public sealed class BulkOnboardingTests : IDisposable
    {
        private readonly FlowPipelineFixture _pipeline = new FlowPipelineFixture();

        public void Dispose() => _pipeline.Dispose();

        /// <summary>A row of Import-Csv: its columns are its properties (all strings).</summary>
        private sealed class CsvRow
        {
            public CsvRow(int line)
            {
                Line = line;
            }

            public int Line { get; }

            public override string ToString() => "shops.csv line " + Line;
        }

        [Fact]
        public async Task Twenty_rows_with_two_bad_ones_make_eighteen_flows_and_two_errors_naming_their_rows()
        {
            var (schema, dataset, shop) = await _pipeline.PrerequisitesAsync();
            var rows = Enumerable.Range(1, 20).Select(i => new EmittedObject(new CsvRow(i + 1), new List<KeyValuePair<string, object?>>
            {
                new("Name", "Shop " + i.ToString("00")),
                new("BaseConnectionId", i == 7 ? "00000000-0000-0000-0000-000000000007" : shop.Id),
                new("TableName", "Shopify.Orders"),
                new("Column", i == 13 ? "Email;Fax" : "Email;Phone"),
            })).ToList();

            var errors = new List<PlatformFlow.Client.Operations.OperationError>();
            var flows = new List<Dataflow>();
            foreach (var row in rows)
            {
                var source = await _pipeline.NewSourceConnectionAsync(Params(), row);
                errors.AddRange(source.Host.Errors);
                foreach (var sourceOut in source.Host.Objects)
                {
                    var target = await _pipeline.NewTargetConnectionAsync(Params(("DatasetId", dataset.Id), ("SchemaId", schema.Id)), sourceOut);
                    var mapping = await _pipeline.NewMappingSetAsync(Params(("Mapping", new object[] { new Hashtable { ["Email"] = "personalEmail.address", ["Phone"] = "mobilePhone.number" } })), target.Output);
                    var spec = await _pipeline.GetFlowSpecAsync(Params(), mapping.Output);
                    var flow = await _pipeline.NewDataflowAsync(Params(("Frequency", "Day"), ("Interval", 1)), spec.Output);
                    flows.Add((Dataflow)flow.Output.Value);
                }
            }

            Assert.Equal(18, flows.Count);
            Assert.Equal(18, await _pipeline.Platform.Client.FlowService.Flows.CountAsync());
            Assert.Equal(2, errors.Count);
            var missingBase = errors.Single(e => e.Message.StartsWith("Shop 07", StringComparison.Ordinal));
            Assert.Equal("shops.csv line 8", missingBase.Target!.ToString());
            Assert.Equal(PlatformFlow.Client.Operations.OperationErrorCategory.ObjectNotFound, missingBase.Category);
            Assert.NotNull(missingBase.RequestId);
            var badColumn = errors.Single(e => e.Message.StartsWith("Shop 13", StringComparison.Ordinal));
            Assert.Equal("shops.csv line 14", badColumn.Target!.ToString());
            Assert.Equal("PreflightRejected", badColumn.ErrorId);
            Assert.Contains("Fax", badColumn.Message);
            Assert.Equal(Enumerable.Range(1, 20).Where(i => i != 7 && i != 13).Select(i => "Shop " + i.ToString("00")), flows.Select(f => f.Name));
        }
    }
}
