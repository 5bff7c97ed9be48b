using System.Text.Json.Nodes;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Get-SourceFile: explores a file source. Lists its files, walking its folders (each file carrying BaseConnectionId),
    /// or describes one as a <see cref="SourceFile"/> whose properties bind New-SourceConnection's file parameters by name.
    /// </summary>
    public sealed class GetSourceFileOperation(PlatformClient client) : PlatformOperation(client)
    {
        /// <summary>The format a file's extension says (.json, .parquet); delimited for the rest (.csv, .tsv, .txt, .gz).</summary>
        public static string FormatOf(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json"
            : path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "parquet"
            : "delimited";

        public Task RunAsync(SourceFileQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.Path ?? query.BaseConnectionId ?? query.ConnectionSpec, query.Path ?? query.BaseConnectionId ?? query.ConnectionSpec ?? string.Empty, "GetSourceFile", async () =>
            {
                var cancellation = host.Cancellation;
                var specId = string.IsNullOrEmpty(query.BaseConnectionId)
                    ? (await ConnectionSpecResolver.ResolveAsync(Client, query.ConnectionSpec ?? string.Empty, cancellation).ConfigureAwait(false)).Id
                    : null;
                var explorePath = FlowServiceClient.FileExplorePath(query.BaseConnectionId, specId);
                if (string.IsNullOrEmpty(query.Path))
                {
                    var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, query.BaseConnectionId).With(PipelineIds.ConnectionSpecId, specId);
                    await foreach (var file in FilesAsync(explorePath, query.Folder, cancellation).ConfigureAwait(false))
                    {
                        host.WriteObject(file, carried.PropertiesFor(file));
                    }

                    return;
                }

                var format = (query.Format ?? FormatOf(query.Path!)).ToLowerInvariant();
                TableDetails details;
                try
                {
                    details = await Client.FlowService.ExploreFileAsync(explorePath, query.Path!, format, query.Preview, cancellation).ConfigureAwait(false);
                }
                catch (PlatformException notFound) when (notFound.StatusCode == 404)
                {
                    var files = new List<string>();
                    await foreach (var file in FilesAsync(explorePath, null, cancellation).ConfigureAwait(false))
                    {
                        files.Add(file.Path ?? file.Name);
                    }

                    throw new ResourceNotFoundException("SourceFile", "file", query.Path!, files, "run " + CmdletTerms.ListSourceFiles(specId is null ? query.BaseConnectionId : null, query.ConnectionSpec));
                }

                host.WriteObject(new SourceFile(
                    query.BaseConnectionId,
                    specId,
                    query.Path!,
                    format,
                    details.Schema?.Columns ?? new List<SourceColumn>(),
                    query.Preview ? (details.DataJson ?? new List<JsonObject>()).Select(row => PropertyBag.From(row)!).ToList() : null));
            });

        /// <summary>Every file under <paramref name="folder"/> (the root when null), folder by folder, depth first.</summary>
        private async IAsyncEnumerable<ExploreItem> FilesAsync(string explorePath, string? folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
        {
            var items = await Client.FlowService.ExploreFolderAsync(explorePath, folder, cancellation).ConfigureAwait(false);
            foreach (var item in items)
            {
                if (string.Equals(item.Type, "folder", StringComparison.OrdinalIgnoreCase))
                {
                    await foreach (var file in FilesAsync(explorePath, item.Path ?? item.Name, cancellation).ConfigureAwait(false))
                    {
                        yield return file;
                    }
                }
                else
                {
                    yield return item;
                }
            }
        }
    }
}
