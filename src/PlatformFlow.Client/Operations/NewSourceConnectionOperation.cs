using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.JsonSchema;
using PlatformFlow.Shared;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// New-SourceConnection: takes the connection spec from the base connection, checks the columns against the table
    /// (explore), then <c>POST /sourceConnections</c>.
    /// </summary>
    public sealed class NewSourceConnectionOperation(PlatformClient client) : PlatformOperation(client)
    {
        /// <summary>A row taken ahead (-ThrottleLimit): its connection's name is looked up already, with the other rows' names (until <paramref name="stopping"/>).</summary>
        public void Announce(SourceConnectionInput input, System.Threading.CancellationToken stopping)
        {
            if (!string.IsNullOrWhiteSpace(input.FlowName))
            {
                Client.FlowService.SourceConnections.Names.Announce(FlowStepNames.Source(input.FlowName), stopping);
            }
        }

        public Task RunAsync(SourceConnectionInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.FlowName, input.FlowName, "NewSourceConnection", async () =>
            {
                var cancellation = host.Cancellation;
                var subject = "source connection for '" + input.FlowName + "'";

                // A blank table or path is none (a CSV row may carry both columns, one of them empty).
                var table = string.IsNullOrWhiteSpace(input.TableName) ? null : input.TableName;
                var path = string.IsNullOrWhiteSpace(input.Path) ? null : input.Path;
                var format = (input.Format ?? (path != null ? SourceFormats.Delimited : table != null ? SourceFormats.Tabular : SourceFormats.Json)).ToLowerInvariant();
                var problems = new List<string>();
                if (string.IsNullOrWhiteSpace(input.FlowName))
                {
                    problems.Add("Name: the flow needs a name");
                }
                else if (FlowStepNames.FlowNameProblem(input.FlowName) is string nameProblem)
                {
                    problems.Add(nameProblem);
                }

                var withoutBase = string.IsNullOrWhiteSpace(input.BaseConnectionId);
                if (withoutBase && (table != null || input.ConnectionSpecId is null))
                {
                    problems.Add("BaseConnectionId: a base connection id is required (only a file source without one, the Data Landing Zone, gives ConnectionSpecId instead)");
                }

                if (table != null && path != null)
                {
                    problems.Add("give either TableName (a table source) or Path (a file source), not both");
                }

                problems.AddRange(FileReading.Problems(path != null, format, input.ColumnDelimiter, input.Compression));
                if (!SourceFormats.All.Contains(format))
                {
                    problems.Add("Format: '" + format + "' is not one of " + string.Join(", ", SourceFormats.All));
                }

                problems.AddRange(input.Columns.Where(c => c.Type != null && PlatformLimits.ColumnTypeProblem(c.Type) != null)
                    .Select(c => "Column " + c.Name + ": " + PlatformLimits.ColumnTypeProblem(c.Type!)));

                PlatformValidationException.ThrowIfAny(subject, problems);

                var connectionSpecId = input.ConnectionSpecId ?? input.Carried[PipelineIds.ConnectionSpecId];
                var columns = input.Columns.ToList();
                if (!withoutBase && !Planned.IsPlanned(input.BaseConnectionId))
                {
                    var baseConnection = await Client.FlowService.BaseConnections.GetCachedAsync(input.BaseConnectionId, cancellation).ConfigureAwait(false);
                    connectionSpecId = baseConnection.ConnectionSpec?.Id ?? connectionSpecId;
                    if (table != null)
                    {
                        columns = await CheckColumnsAsync(subject, input.BaseConnectionId, table, columns, cancellation).ConfigureAwait(false);
                    }
                }

                if (connectionSpecId is null)
                {
                    throw new PlatformValidationException(subject, "the connection spec of base connection " + input.BaseConnectionId + " is not known");
                }

                if (table is null && path is null && !await StreamingFlows.IsStreamingSourceAsync(Client, connectionSpecId, cancellation).ConfigureAwait(false))
                {
                    throw new PlatformValidationException(subject, "give either TableName (a table source) or Path (a file source); only a streaming source (HTTP API) reads neither");
                }

                var request = SourceConnectionPart.Request(FlowStepNames.Source(input.FlowName), input.Description, withoutBase ? null : input.BaseConnectionId, format, table, path, columns, connectionSpecId, FileReading.Properties(input.ColumnDelimiter, input.Compression));
                var creation = SourceConnectionPart.CreateOrReuse(Client, request);
                creation.Action = "Create source connection (" + (table ?? path ?? "stream") + ")";
                creation.Update = input.UpdateExisting ? (existing, cancel) => SourceConnectionPart.UpdateAsync(Client, existing, request, cancel) : null;
                creation.Remedy = "Give the flow another name, remove " + request.Name + " first, or use " + CmdletTerms.UpdateExisting + " to change what it reads.";
                var result = await creation.RunAsync(Client, host, Clock).ConfigureAwait(false);
                if (result is null)
                {
                    return;
                }

                var connection = result.Part;
                var ids = input.Carried
                    .With(PipelineIds.FlowName, input.FlowName)
                    .With(PipelineIds.BaseConnectionId, request.BaseConnectionId)
                    .With(PipelineIds.ConnectionSpecId, connectionSpecId)
                    .With(PipelineIds.SourceConnectionId, connection.Id)
                    .With(PipelineIds.TableName, table)
                    .With(PipelineIds.SourceConnectionOutcome, result.Outcome)
                    .WithCreatedWhen(result.Outcome == PartOutcome.Created, nameof(SourceConnection), connection.Id);
                host.WriteObject(connection, ids.PropertiesFor(connection));
            });

        /// <summary>
        /// The columns to send: each named column must exist in the table (the error lists the table's columns); a column
        /// without a type takes the table's; none named means all of them.
        /// </summary>
        private async Task<List<SourceColumn>> CheckColumnsAsync(string subject, string baseConnectionId, string table, List<SourceColumn> wanted, CancellationToken cancellationToken)
        {
            var details = await Client.FlowService.GetTableCachedAsync(baseConnectionId, table, cancel => GetSourceTableOperation.DescribeTableAsync(Client, baseConnectionId, table, preview: false, cancel), cancellationToken).ConfigureAwait(false);
            var available = details.Schema?.Columns ?? new List<SourceColumn>();
            if (wanted.Count == 0)
            {
                return available.Select(c => new SourceColumn(c.Name, c.Type ?? "string")).ToList();
            }

            var byName = available.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var unknown = wanted.Where(c => !byName.ContainsKey(c.Name)).Select(c => "'" + c.Name + "'").ToList();
            if (unknown.Count > 0)
            {
                throw new PlatformValidationException(subject, "table " + table + " has no column " + string.Join(", ", unknown)
                    + " (it has " + string.Join(", ", available.Select(c => c.Name)) + ")");
            }

            return wanted.Select(c => new SourceColumn(byName[c.Name].Name, c.Type ?? byName[c.Name].Type ?? "string")).ToList();
        }
    }
}
