using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    public sealed class SourceFileQuery
    {
        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>The file to describe; with none, the files under <see cref="Folder"/> are listed.</summary>
        public string? Path { get; set; }

        /// <summary>Where a listing starts (every folder under it is walked); the source's root when null.</summary>
        public string? Folder { get; set; }

        /// <summary>How to read the file: delimited, json or parquet; from its extension when null.</summary>
        public string? Format { get; set; }

        /// <summary>Also read the file's sample rows.</summary>
        public bool Preview { get; set; }

        public object? Target { get; set; }
    }

    /// <summary>
    /// Get-SourceFile: explores a file source. Lists its files, walking its folders (each file carrying BaseConnectionId),
    /// or describes one as a <see cref="SourceFile"/> whose properties bind New-SourceConnection's file parameters by name.
    /// </summary>
    public sealed class GetSourceFileOperation : PlatformOperation
    {
        public GetSourceFileOperation(PlatformClient client)
            : base(client)
        {
        }

        /// <summary>The format a file's extension says (.json, .parquet); delimited for the rest (.csv, .tsv, .txt, .gz).</summary>
        public static string FormatOf(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json"
            : path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "parquet"
            : "delimited";

        public Task RunAsync(SourceFileQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.Path ?? query.BaseConnectionId, query.Path ?? query.BaseConnectionId, "GetSourceFile", async () =>
            {
                var cancellation = host.Cancellation;
                if (string.IsNullOrEmpty(query.Path))
                {
                    var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, query.BaseConnectionId);
                    await ListAsync(host, carried, query.BaseConnectionId, query.Folder, cancellation).ConfigureAwait(false);
                    return;
                }

                var format = (query.Format ?? FormatOf(query.Path!)).ToLowerInvariant();
                TableDetails details;
                try
                {
                    details = await Client.FlowService.ExploreFileAsync(query.BaseConnectionId, query.Path!, format, query.Preview, cancellation).ConfigureAwait(false);
                }
                catch (PlatformException notFound) when (notFound.StatusCode == 404)
                {
                    var files = new List<string>();
                    await foreach (var file in FilesAsync(query.BaseConnectionId, null, cancellation).ConfigureAwait(false))
                    {
                        files.Add(file.Path ?? file.Name);
                    }

                    throw new ResourceNotFoundException("SourceFile", "file", query.Path!, files, "run Get-SourceFile -BaseConnectionId " + query.BaseConnectionId);
                }

                host.WriteObject(new SourceFile(
                    query.BaseConnectionId,
                    query.Path!,
                    format,
                    details.Schema?.Columns ?? new List<SourceColumn>(),
                    query.Preview ? (details.DataJson ?? new List<JsonObject>()).Select(row => PropertyBag.From(row)!).ToList() : null));
            });

        private async Task ListAsync(IOperationHost host, PipelineIds carried, string baseConnectionId, string? folder, CancellationToken cancellation)
        {
            await foreach (var file in FilesAsync(baseConnectionId, folder, cancellation).ConfigureAwait(false))
            {
                host.WriteObject(file, carried.PropertiesFor(file));
            }
        }

        /// <summary>Every file under <paramref name="folder"/> (the root when null), folder by folder, depth first.</summary>
        private async IAsyncEnumerable<ExploreItem> FilesAsync(string baseConnectionId, string? folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
        {
            var items = folder is null
                ? await Client.FlowService.ExploreRootAsync(baseConnectionId, cancellation).ConfigureAwait(false)
                : await Client.FlowService.ExploreFolderAsync(baseConnectionId, folder, cancellation).ConfigureAwait(false);
            foreach (var item in items)
            {
                if (string.Equals(item.Type, "folder", StringComparison.OrdinalIgnoreCase))
                {
                    await foreach (var file in FilesAsync(baseConnectionId, item.Path ?? item.Name, cancellation).ConfigureAwait(false))
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
