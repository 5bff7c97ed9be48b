using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Test-MappingSet: validates a mapping set (an existing one, or proposed mappings for a target) with
    /// <c>POST /mappingSets/validate</c>, each problem an error naming the mapping, and writes whether it is valid; or,
    /// with sample rows (<c>-Sample</c>, or the source table's with <c>-Preview</c>), writes the records
    /// <c>POST /mappingSets/preview</c> makes of them.
    /// </summary>
    public sealed class TestMappingSetOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(MappingSetTestInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target, input.MappingSetId ?? input.Carried[PipelineIds.FlowName], "TestMappingSet", async () =>
            {
                var cancellation = host.Cancellation;
                var source = await SourceAsync(input, cancellation).ConfigureAwait(false);
                var request = await RequestAsync(input, source?.Schema?.Columns, cancellation).ConfigureAwait(false);
                var rows = input.Sample ?? (input.Preview ? source?.DataJson : null);
                if (input.Sample is null && input.Preview && rows is null)
                {
                    throw new PlatformValidationException("mapping set", CmdletTerms.Preview + " needs the source table: pipe a source connection (or " + CmdletTerms.ListSourceTable + "'s output), or give " + CmdletTerms.Sample + " rows");
                }

                if (rows != null)
                {
                    await PreviewAsync(request, rows, input, host).ConfigureAwait(false);
                    return;
                }

                var results = await Client.DataPrep.ValidateMappingSetAsync(request, cancellation).ConfigureAwait(false);
                foreach (var result in results)
                {
                    foreach (var problem in result.Problems)
                    {
                        host.WriteError(new OperationError(
                            new PlatformValidationException("'" + result.Mapping + "'", problem.ToString()),
                            "Mapping" + Pascal(problem.Code),
                            OperationErrorCategory.InvalidData,
                            result.Mapping,
                            CmdletTerms.CorrectMapping));
                    }
                }

                host.WriteObject(results.All(r => r.IsValid));
            });

        private async Task PreviewAsync(MappingSetRequest request, IReadOnlyList<JsonObject> rows, MappingSetTestInput input, IOperationHost host)
        {
            var answer = await Client.DataPrep.PreviewMappingSetAsync(request, rows, host.Cancellation).ConfigureAwait(false);
            foreach (var record in MappingSetChecks.Records(answer))
            {
                host.WriteObject(record);
            }

            foreach (var (row, mapping, code, message) in MappingSetChecks.Errors(answer))
            {
                // A record's failure keeps the platform's own code (MAPPER-..., the validation codes) as its ErrorId: the
                // code a run gives that record, as Get-FailedRecord shows it.
                host.WriteError(new OperationError(
                    new PlatformValidationException("'" + mapping + "'" + (row is int r ? " on sample row " + r : string.Empty), code + ": " + message),
                    row != null && code.Contains("-") ? code : "Mapping" + Pascal(code),
                    OperationErrorCategory.InvalidData,
                    row is int index && index < rows.Count ? rows[index] : (object)mapping));
            }
        }

        /// <summary>The source table (columns and sample rows) of a piped source connection, or of the carried base connection and table.</summary>
        private async Task<TableDetails?> SourceAsync(MappingSetTestInput input, CancellationToken cancellationToken)
        {
            var baseConnectionId = input.Carried[PipelineIds.BaseConnectionId];
            var tableName = input.Carried[PipelineIds.TableName];
            var sourceConnectionId = input.SourceConnectionId ?? input.Carried[PipelineIds.SourceConnectionId];
            if ((baseConnectionId is null || tableName is null) && sourceConnectionId != null && !Planned.IsPlanned(sourceConnectionId))
            {
                var source = await Client.FlowService.SourceConnections.GetAsync(sourceConnectionId, cancellationToken).ConfigureAwait(false);
                baseConnectionId = source.BaseConnectionId;
                tableName = source.Params?.TableName;
            }

            return await MappingSetChecks.SourceTableAsync(Client, baseConnectionId, tableName, cancellationToken).ConfigureAwait(false);
        }

        private async Task<MappingSetRequest> RequestAsync(MappingSetTestInput input, IReadOnlyList<SourceColumn>? columns, CancellationToken cancellationToken)
        {
            if (input.Mappings.Count > 0)
            {
                var schemaId = input.SchemaId ?? input.Carried[PipelineIds.SchemaId];
                if (schemaId is null && input.TargetConnectionId != null && !Planned.IsPlanned(input.TargetConnectionId))
                {
                    schemaId = (await Client.FlowService.TargetConnections.GetAsync(input.TargetConnectionId, cancellationToken).ConfigureAwait(false)).Data?.Schema?.Id;
                }

                return MappingSetChecks.Request(
                    schemaId ?? throw new PlatformValidationException("mapping set", "the target schema is not known: give " + CmdletTerms.SchemaId + " or pipe a target connection"),
                    input.Mappings,
                    columns);
            }

            var mappingSetId = input.MappingSetId ?? input.Carried[PipelineIds.MappingSetId]
                ?? throw new PlatformValidationException("mapping set", "give " + CmdletTerms.Mapping + " (with a target), or pipe a mapping set");
            if (Planned.IsPlanned(mappingSetId))
            {
                throw new PlatformValidationException("mapping set", "a planned mapping set (from " + CmdletTerms.WhatIf + ") has nothing to check on the platform; give its " + CmdletTerms.Mapping + " instead");
            }

            var existing = await Client.DataPrep.GetMappingSetAsync(mappingSetId, null, cancellationToken).ConfigureAwait(false);
            return MappingSetChecks.Request(existing.OutputSchema?.SchemaRef.Id ?? string.Empty, existing.Mappings ?? new List<Mapping>(), columns);
        }

        /// <summary>UNKNOWN_FUNCTION as UnknownFunction, for an ErrorId.</summary>
        private static string Pascal(string code) =>
            string.Concat(code.Split('_').Where(p => p.Length > 0).Select(p => p.Substring(0, 1).ToUpperInvariant() + p.Substring(1).ToLowerInvariant()));
    }
}
