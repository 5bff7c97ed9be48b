using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// Writes a flow down as a <see cref="DataflowDefinition"/>: reads the flow and every part, and replaces each id by the
    /// name it has in its sandbox (specs, base connection, dataset, schema). Auth params are never read into it. Flows
    /// exported concurrently read their flows and connections together (<see cref="Api.FlowServiceCollection{TResource, TRequest}.GetBatchedAsync"/>)
    /// and a shared mapping set once.
    /// </summary>
    public sealed class DataflowExporter(PlatformClient client)
    {
        private readonly PlatformClient _client = client;

        // A family of flows shares its base connection, dataset and schema: each is read once per exporter (one command).
        private readonly AsyncCache<BaseConnection> _baseConnections = new AsyncCache<BaseConnection>();
        private readonly AsyncCache<Dataset> _datasets = new AsyncCache<Dataset>();
        private readonly AsyncCache<XdmSchema> _schemas = new AsyncCache<XdmSchema>();

        public async Task<DataflowDefinition> ExportAsync(string flowId, CancellationToken cancellationToken)
        {
            var flowService = _client.FlowService;
            Dataflow flow;
            try
            {
                flow = await flowService.Flows.GetBatchedAsync(flowId, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException missing) when (missing.StatusCode == 404)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.FlowNotFound,
                    OperationErrorCategory.ObjectNotFound,
                    "Sandbox " + _client.Settings.Sandbox + " has no dataflow " + flowId + " (" + missing.Message + ").",
                    "Flows are read from the " + CmdletTerms.Context + " sandbox (the current one when omitted): give " + CmdletTerms.Context + " for the sandbox the flow is in.");
            }

            var others = flow.Transformations?.Where(t => t.Name != WellKnown.MappingTransformationName).Select(t => t.Name).ToList() ?? new List<string>();
            if (flow.SourceConnectionIds.Count != 1 || flow.TargetConnectionIds.Count != 1 || others.Count > 0)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.NotExportable,
                    OperationErrorCategory.InvalidData,
                    "Dataflow '" + flow.Name + "' (" + flow.Id + ") cannot be written as a definition: the format describes one source connection, one target connection and a Mapping"
                        + " transformation; it has " + flow.SourceConnectionIds.Count + " source and " + flow.TargetConnectionIds.Count + " target connections"
                        + (others.Count > 0 ? " and transformations " + string.Join(", ", others) : string.Empty) + ". No file was written.");
            }

            var flowSpec = await flowService.GetFlowSpecAsync(flow.FlowSpec?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
            // The connections are read at once (each together with other flows' in one request, see GetBatchedAsync).
            var sourceRead = flowService.SourceConnections.GetBatchedAsync(flow.SourceConnectionIds[0], cancellationToken);
            var targetRead = flowService.TargetConnections.GetBatchedAsync(flow.TargetConnectionIds[0], cancellationToken);
            var source = await sourceRead.ConfigureAwait(false);
            var sourceSpec = await flowService.GetConnectionSpecAsync(source.ConnectionSpec?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
            var baseId = source.BaseConnectionId;
            var baseConnection = baseId is null ? null : await _baseConnections.GetAsync(baseId, cancel => flowService.BaseConnections.GetAsync(baseId, cancel), cancellationToken).ConfigureAwait(false);
            var target = await targetRead.ConfigureAwait(false);
            var targetSpec = await flowService.GetConnectionSpecAsync(target.ConnectionSpec?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
            var datasetId = target.Params?.DataSetId ?? string.Empty;
            var dataset = await _datasets.GetAsync(datasetId, cancel => _client.Catalog.GetDatasetAsync(datasetId, cancel), cancellationToken).ConfigureAwait(false);
            var schemaId = target.Data?.Schema?.Id ?? dataset.SchemaRef?.Id ?? string.Empty;
            var schema = await _schemas.GetAsync(schemaId, cancel => _client.SchemaRegistry.GetSchemaAsync(schemaId, false, cancel), cancellationToken).ConfigureAwait(false);
            var mapping = DataflowMappings.MappingOf(flow);
            MappingSetDefinition? mappingSet = null;
            if (DataflowMappings.MappingSetIdOf(mapping) is string mappingSetId)
            {
                var current = await _client.DataPrep.GetMappingSetCachedAsync(mappingSetId, DataflowMappings.MappingSetVersionOf(mapping), cancellationToken).ConfigureAwait(false);
                mappingSet = new MappingSetDefinition { Mappings = DataflowMappings.Canonical(current.Mappings ?? new List<Mapping>()) };
            }

            var unnamed = new[]
            {
                baseConnection != null && string.IsNullOrEmpty(baseConnection.Name) ? "base connection " + baseConnection.Id : null,
                string.IsNullOrEmpty(dataset.Name) ? "dataset " + dataset.Id : null,
                string.IsNullOrEmpty(schema.Title) ? "schema " + schema.Id : null,
                string.IsNullOrEmpty(source.Name) ? "source connection " + source.Id : null,
                string.IsNullOrEmpty(target.Name) ? "target connection " + target.Id : null,
            }.Where(p => p != null).ToList();
            if (unnamed.Count > 0)
            {
                throw new FlowsAsCodeException(
                    FlowsAsCodeException.NotExportable,
                    OperationErrorCategory.InvalidData,
                    "Dataflow '" + flow.Name + "' (" + flow.Id + ") refers to resources without a name (" + string.Join(", ", unnamed) + "); a definition names them. No file was written.",
                    "Give them names, then export again.");
            }

            var schedule = flow.ScheduleParams;
            return new DataflowDefinition
            {
                Name = flow.Name ?? string.Empty,
                Description = flow.Description,
                FlowSpec = flowSpec.Name,
                Schedule = schedule is null ? null : new ScheduleDefinition
                {
                    Frequency = (schedule.Frequency ?? "once").ToLowerInvariant(),
                    Interval = schedule.Interval,
                    Backfill = schedule.Backfill,
                    StartTime = schedule.StartTime,
                },
                Source = new SourceDefinition
                {
                    Name = source.Name!,
                    Description = source.Description,
                    ConnectionSpec = sourceSpec.Name,
                    BaseConnection = baseConnection?.Name,
                    Format = source.Data?.Format ?? "tabular",
                    TableName = source.Params?.TableName,
                    Path = source.Params?.Path,
                    ColumnDelimiter = source.Data?.Properties?.ColumnDelimiter,
                    Compression = source.Data?.Properties?.CompressionType,
                    Columns = source.Params?.Columns?.Select(c => new SourceColumn(c.Name, c.Type ?? "string")).ToList(),
                },
                Target = new TargetDefinition
                {
                    Name = target.Name!,
                    Description = target.Description,
                    ConnectionSpec = targetSpec.Name,
                    Format = target.Data?.Format ?? "parquet_xdm",
                    Dataset = dataset.Name!,
                    Schema = schema.Title!,
                },
                MappingSet = mappingSet,
            };
        }
    }
}
