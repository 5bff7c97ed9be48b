using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.MappingSuggestions;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// New-MappingSet: checks every source against the source connection's columns and every destination against the
    /// target schema's fields (when known), then <c>POST /mappingSets</c> in the current format.
    /// </summary>
    public sealed class NewMappingSetOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(MappingSetInput input, IOperationHost host)
        {
            var flowName = input.Carried[PipelineIds.FlowName];
            return ForInputAsync(host, input.Target, flowName, "NewMappingSet", () => PipelineRollback.GuardAsync(Client, flowName, input.Carried, rollBack: false, lastStep: false, host, async () =>
            {
                var cancellation = host.Cancellation;
                const string subject = "mapping set";
                if (input.MinimumConfidence is double minimum)
                {
                    input.Mappings = await SuggestedMappings.MergeAsync(Client, input, minimum, host, flowName).ConfigureAwait(false);
                }

                if (input.Mappings.Count == 0)
                {
                    throw new PlatformValidationException(subject, "Mapping: give at least one mapping (source = destination)");
                }

                var schemaId = await ResolveSchemaIdAsync(input, cancellation).ConfigureAwait(false)
                    ?? throw new PlatformValidationException(subject, "the target schema is not known: give " + CmdletTerms.SchemaId + " or pipe a target connection");
                var problems = new List<string>();
                foreach (var mapping in input.Mappings.Where(m => !MappingSourceType.All.Contains(m.SourceType)))
                {
                    problems.Add("'" + mapping + "': source type '" + mapping.SourceType + "' is not one of " + string.Join(", ", MappingSourceType.All));
                }

                var columns = await CheckSourcesAsync(input, problems, cancellation).ConfigureAwait(false);
                await CheckDestinationsAsync(input.Mappings, schemaId, problems, cancellation).ConfigureAwait(false);
                PlatformValidationException.ThrowIfAny(subject, problems, oneErrorPerProblem: true);

                var request = MappingSetChecks.Request(schemaId, input.Mappings, columns);
                if (!Planned.IsPlanned(schemaId) && input.Mappings.Any(m => m.SourceType == MappingSourceType.Expression))
                {
                    // Calculated fields are checked by the platform's own validation (the function set, types), as a create would.
                    var results = await Client.DataPrep.ValidateMappingSetAsync(request, cancellation).ConfigureAwait(false);
                    PlatformValidationException.ThrowIfAny(subject, MappingSetChecks.Describe(results).ToList(), oneErrorPerProblem: true);
                }

                var target = flowName ?? schemaId;
                var creation = MappingSetPart.CreateOrReuse(Client, request, target);
                creation.Action = "Create mapping set (" + request.Mappings.Count + " mappings onto " + schemaId + ")";
                var result = await creation.RunAsync(Client, host, Clock).ConfigureAwait(false);
                if (result is null)
                {
                    return;
                }

                var mappingSet = result.Outcome == PartOutcome.Planned
                    ? new MappingSet { Id = result.Part.Id, Version = 0, OutputSchema = request.OutputSchema, Mappings = new ValueList<Mapping>(request.Mappings), Preview = await PlanPreviewAsync(input, request, host, target).ConfigureAwait(false) }
                    : result.Part;
                var ids = input.Carried
                    .With(PipelineIds.SourceConnectionId, input.SourceConnectionId)
                    .With(PipelineIds.TargetConnectionId, input.TargetConnectionId)
                    .With(PipelineIds.SchemaId, schemaId)
                    .With(PipelineIds.MappingSetId, mappingSet.Id)
                    .With(PipelineIds.MappingSetVersion, mappingSet.Version)
                    .With(PipelineIds.MappingSetOutcome, result.Outcome)
                    .WithCreatedWhen(result.Outcome == PartOutcome.Created, nameof(MappingSet), mappingSet.Id);
                host.WriteObject(mappingSet, ids.PropertiesFor(mappingSet));
            }));
        }

        private async Task<string?> ResolveSchemaIdAsync(MappingSetInput input, CancellationToken cancellationToken)
        {
            var schemaId = input.SchemaId ?? input.Carried[PipelineIds.SchemaId];
            if (schemaId is null && input.TargetConnectionId != null && !Planned.IsPlanned(input.TargetConnectionId))
            {
                var target = await Client.FlowService.TargetConnections.GetCachedAsync(input.TargetConnectionId, cancellationToken).ConfigureAwait(false);
                schemaId = target.Data?.Schema?.Id;
            }

            return schemaId;
        }

        /// <summary>
        /// Under -WhatIf, the records the mapping set would make of the source table's sample rows (the table the pipeline
        /// carries: BaseConnectionId and TableName), shown as part of the plan; null when the table or schema is not there yet.
        /// </summary>
        private async Task<IReadOnlyList<System.Collections.Specialized.OrderedDictionary>?> PlanPreviewAsync(MappingSetInput input, MappingSetRequest request, IOperationHost host, string target)
        {
            if (Planned.IsPlanned(request.OutputSchema.SchemaRef.Id))
            {
                return null;
            }

            var table = await MappingSetChecks.SourceTableAsync(Client, input.Carried[PipelineIds.BaseConnectionId], input.Carried[PipelineIds.TableName], host.Cancellation).ConfigureAwait(false);
            if (table?.DataJson is null || table.DataJson.Count == 0)
            {
                return null;
            }

            var answer = await Client.DataPrep.PreviewMappingSetAsync(request, table.DataJson, host.Cancellation).ConfigureAwait(false);
            var records = MappingSetChecks.Records(answer);
            foreach (var (row, mapping, code, message) in MappingSetChecks.Errors(answer))
            {
                host.WriteWarning("Mapping '" + mapping + "' fails on sample row " + row + ": " + code + ": " + message);
            }

            // A second WhatIf line: the plan shows what the mapping makes of the sample rows.
            await host.ShouldProcessAsync(target, "Map " + records.Count + " sample rows of " + input.Carried[PipelineIds.TableName] + " to " + MappingSetChecks.Summary(records)).ConfigureAwait(false);
            return records;
        }

        /// <summary>Checks ATTRIBUTE sources against the source connection's columns; returns those columns (null when not known).</summary>
        private async Task<IReadOnlyList<SourceColumn>?> CheckSourcesAsync(MappingSetInput input, List<string> problems, CancellationToken cancellationToken)
        {
            if (input.SourceConnectionId is null || Planned.IsPlanned(input.SourceConnectionId))
            {
                return null;
            }

            var source = await Client.FlowService.SourceConnections.GetCachedAsync(input.SourceConnectionId, cancellationToken).ConfigureAwait(false);
            var columns = source.Params?.Columns;
            if (columns is null || columns.Count == 0)
            {
                return null;
            }

            var known = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in input.Mappings.Where(m => m.SourceType == MappingSourceType.Attribute && !known.Contains(m.Source)))
            {
                problems.Add("source '" + mapping.Source + "' is not a column of source connection " + source.Name
                    + " (it reads " + string.Join(", ", columns.Select(c => c.Name)) + ")");
            }

            return columns;
        }

        private async Task CheckDestinationsAsync(IReadOnlyList<Mapping> mappings, string schemaId, List<string> problems, CancellationToken cancellationToken)
        {
            if (Planned.IsPlanned(schemaId))
            {
                return;
            }

            var fields = await Client.SchemaRegistry.GetFieldPathsCachedAsync(schemaId, cancellationToken).ConfigureAwait(false);
            if (fields.Count == 0)
            {
                return;
            }

            foreach (var mapping in mappings.Where(m => !fields.Contains(m.Destination)))
            {
                var near = Suggestions.Closest(mapping.Destination, fields);
                problems.Add("destination '" + mapping.Destination + "' is not a field of schema " + schemaId
                    + (near.Count > 0 ? " (did you mean " + string.Join(", ", near) + "?)" : string.Empty));
            }
        }
    }
}
