using System.Text.Json.Nodes;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-SourceTable: explores a base connection. Lists its tables (each carrying BaseConnectionId), or describes one
    /// as a <see cref="SourceTable"/> whose properties bind New-SourceConnection's parameters by name.
    /// </summary>
    public sealed class GetSourceTableOperation(PlatformClient client) : PlatformOperation(client)
    {
        public Task RunAsync(SourceTableQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.TableName ?? query.BaseConnectionId, query.TableName ?? query.BaseConnectionId, "GetSourceTable", async () =>
            {
                var cancellation = host.Cancellation;
                if (string.IsNullOrEmpty(query.TableName))
                {
                    var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, query.BaseConnectionId);
                    foreach (var item in await Client.FlowService.ExploreRootAsync(query.BaseConnectionId, cancellation).ConfigureAwait(false))
                    {
                        host.WriteObject(item, carried.PropertiesFor(item));
                    }

                    return;
                }

                var details = await DescribeTableAsync(Client, query.BaseConnectionId, query.TableName!, query.Preview, cancellation).ConfigureAwait(false);
                host.WriteObject(new SourceTable(
                    query.BaseConnectionId,
                    query.TableName!,
                    details.Schema?.Columns ?? new List<SourceColumn>(),
                    query.Preview ? (details.DataJson ?? new List<JsonObject>()).Select(row => PropertyBag.From(row)!).ToList() : null));
            });

        /// <summary>
        /// A table's columns (and rows with <paramref name="preview"/>); a table the base connection does not have is an
        /// ObjectNotFound error naming the closest tables and the Get-SourceTable call that lists them.
        /// </summary>
        public static async Task<TableDetails> DescribeTableAsync(PlatformClient client, string baseConnectionId, string table, bool preview, System.Threading.CancellationToken cancellation)
        {
            try
            {
                return await client.FlowService.ExploreTableAsync(baseConnectionId, table, preview, cancellation).ConfigureAwait(false);
            }
            catch (PlatformException notFound) when (notFound.StatusCode == 404)
            {
                var tables = (await client.FlowService.ExploreRootAsync(baseConnectionId, cancellation).ConfigureAwait(false)).Select(t => t.Path ?? t.Name).ToList();
                throw new ResourceNotFoundException("SourceTable", "table", table, tables, "run " + CmdletTerms.ListSourceTables(baseConnectionId));
            }
        }
    }
}
