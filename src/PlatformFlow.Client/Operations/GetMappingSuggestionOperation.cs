using System.Text.Json.Nodes;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.MappingSuggestions;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-MappingSuggestion: reads the target schema (resolved), the source's columns and sample rows, and writes one
    /// <see cref="MappingSuggestion"/> per column it can map, most confident first, carrying the ids the next step binds.
    /// </summary>
    public sealed class GetMappingSuggestionOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(MappingSuggestionInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target, input.Carried[PipelineIds.FlowName] ?? input.SchemaId, "GetMappingSuggestion", async () =>
            {
                var source = await SourceAsync(Client, input.SchemaId, input.Columns, input.Sample, input.SourceConnectionId, input.TargetConnectionId, input.Carried, host.Cancellation).ConfigureAwait(false);
                var suggestions = await SuggestionRun.SuggestAsync(Client, source, input.MinimumConfidence, input.Vocabulary, host.Cancellation).ConfigureAwait(false);
                var ids = input.Carried
                    .With(PipelineIds.SchemaId, source.SchemaId)
                    .With(PipelineIds.SourceConnectionId, input.SourceConnectionId ?? input.Carried[PipelineIds.SourceConnectionId])
                    .With(PipelineIds.TargetConnectionId, input.TargetConnectionId ?? input.Carried[PipelineIds.TargetConnectionId]);
                foreach (var suggestion in suggestions)
                {
                    host.WriteObject(suggestion, ids.PropertiesFor(suggestion));
                }
            });

        /// <summary>
        /// What to suggest from: the schema (given, carried, or the target connection's), the columns (given, or the source
        /// connection's: the one carried, or the one of the flow that writes to the target connection, else all of its
        /// table's or file's) and the sample rows (given, or the source table's or file's preview).
        /// </summary>
        internal static async Task<SuggestionSource> SourceAsync(PlatformClient client, string? schemaId, IReadOnlyList<SourceColumn> columns, IReadOnlyList<JsonObject>? sample, string? sourceConnectionId, string? targetConnectionId, PipelineIds carried, CancellationToken cancellationToken)
        {
            const string subject = "mapping suggestions";
            schemaId ??= carried[PipelineIds.SchemaId];
            targetConnectionId ??= carried[PipelineIds.TargetConnectionId];
            sourceConnectionId ??= carried[PipelineIds.SourceConnectionId];
            if (targetConnectionId != null && !Planned.IsPlanned(targetConnectionId))
            {
                var target = await client.FlowService.TargetConnections.GetCachedAsync(targetConnectionId, cancellationToken).ConfigureAwait(false);
                schemaId ??= target.SchemaId ?? (target.DatasetId is string datasetId ? (await client.Catalog.GetDatasetCachedAsync(datasetId, cancellationToken).ConfigureAwait(false)).SchemaId : null);
                sourceConnectionId ??= await SourceOfFlowAsync(client, targetConnectionId, cancellationToken).ConfigureAwait(false);
            }

            if (schemaId is null || Planned.IsPlanned(schemaId))
            {
                throw new PlatformValidationException(subject, schemaId is null
                    ? "the target schema is not known: give " + CmdletTerms.SchemaId + " or pipe a target connection"
                    : "the target schema is only planned (" + CmdletTerms.WhatIf + "): suggestions need its fields");
            }

            var baseConnectionId = carried[PipelineIds.BaseConnectionId];
            var tableName = carried[PipelineIds.TableName];
            SourceConnection? sourceConnection = null;
            if (sourceConnectionId != null && !Planned.IsPlanned(sourceConnectionId))
            {
                sourceConnection = await client.FlowService.SourceConnections.GetCachedAsync(sourceConnectionId, cancellationToken).ConfigureAwait(false);
                baseConnectionId ??= sourceConnection.BaseConnectionId;
                tableName ??= sourceConnection.Params?.TableName;
                columns = columns.Count > 0 ? columns : (IReadOnlyList<SourceColumn>?)sourceConnection.Params?.Columns ?? Array.Empty<SourceColumn>();
            }

            // A file source's sample rows are its file's preview, as a table's are the table's.
            var filePath = sourceConnection?.Params?.Path;
            var table = !(sample is null || columns.Count == 0 || columns.Any(c => string.IsNullOrEmpty(c.Type))) ? null
                : filePath != null
                    ? await client.FlowService.ExploreFileAsync(FlowServiceClient.FileExplorePath(baseConnectionId, sourceConnection!.ConnectionSpec?.Id), filePath, sourceConnection.Data?.Format ?? "delimited", preview: true, cancellationToken).ConfigureAwait(false)
                    : await MappingSetChecks.SourceTableAsync(client, baseConnectionId, tableName, cancellationToken).ConfigureAwait(false);
            var tableColumns = table?.Schema?.Columns ?? new List<SourceColumn>();
            columns = columns.Count == 0 ? tableColumns : columns.Select(c => TypedLike(c, tableColumns)).ToList();
            if (columns.Count == 0)
            {
                throw new PlatformValidationException(subject, "no columns to map: give " + CmdletTerms.Column + ", or pipe a target connection whose source connection names its table");
            }

            return new SuggestionSource
            {
                SchemaId = schemaId,
                Columns = columns,
                Rows = sample ?? (IReadOnlyList<JsonObject>?)table?.DataJson ?? Array.Empty<JsonObject>(),
                TableName = tableName ?? (filePath is null ? null : System.IO.Path.GetFileNameWithoutExtension(filePath)),
            };
        }

        /// <summary>A column named without a type takes the table's type for it (string when the table does not say).</summary>
        private static SourceColumn TypedLike(SourceColumn column, IReadOnlyList<SourceColumn> tableColumns) =>
            !string.IsNullOrEmpty(column.Type) ? column
                : new SourceColumn(column.Name, tableColumns.FirstOrDefault(t => string.Equals(t.Name, column.Name, StringComparison.OrdinalIgnoreCase))?.Type ?? "string");

        /// <summary>The source connection of the first flow that writes to the target connection (flows are read page by page until one does).</summary>
        private static async Task<string?> SourceOfFlowAsync(PlatformClient client, string targetConnectionId, CancellationToken cancellationToken)
        {
            await foreach (var flow in client.FlowService.Flows.ListAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (flow.TargetConnectionIds.Contains(targetConnectionId))
                {
                    return flow.SourceConnectionIds.FirstOrDefault();
                }
            }

            return null;
        }
    }
}
