using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Api
{
    /// <summary>
    /// Data Access (<c>/data/foundation/export</c>): what a batch wrote and failed, and what a dataset holds. Row errors are
    /// files of newline-delimited JSON, one failed record a line.
    /// </summary>
    public sealed class DataAccessClient(PlatformHttp http)
    {
        public const string BasePath = "/data/foundation/export";

        private readonly PlatformHttp _http = http;

        /// <summary>
        /// The failed records of a batch: <c>GET /batches/{id}/meta?path=row_errors</c> (the files, page by page), then each
        /// file, one record at a time (<c>{_corrupt_record, _errors[{code, message, field}], _filename, _row}</c>).
        /// </summary>
        public async IAsyncEnumerable<JsonObject> ReadRowErrorsAsync(string batchId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var files = _http.PagesAsync<JsonObject, string>(
                BatchPath(batchId) + "/meta?path=row_errors",
                PlatformJsonContext.Default.JsonObject,
                (page, _) => (Data(page).Select(file => _http.ResolveNextLink(FileHref(file))).OfType<string>(), _http.ResolveNextLink(NextHref(page))),
                cancellationToken);
            await foreach (var file in files.ConfigureAwait(false))
            {
                foreach (var line in await _http.GetAsync(file, 0, static (stream, _, cancellation) => ReadLinesAsync(stream, cancellation), cancellationToken).ConfigureAwait(false))
                {
                    yield return line;
                }
            }
        }

        /// <summary><c>GET /datasets/{id}/preview</c>: the records the dataset holds, newest batch first (at most 100, as the platform allows).</summary>
        public async Task<IReadOnlyList<JsonObject>> PreviewDatasetAsync(string datasetId, CancellationToken cancellationToken = default)
        {
            var answer = await _http.SendAsync(System.Net.Http.HttpMethod.Get, "/datasets/" + Uri.EscapeDataString(datasetId) + "/preview", PlatformJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
            return Data(answer).ToList();
        }

        private static IEnumerable<JsonObject> Data(JsonObject page) => (page["data"] as JsonArray ?? new JsonArray()).OfType<JsonObject>();

        private static string? FileHref(JsonObject file) =>
            (((file["_links"] as JsonObject)?["self"] as JsonObject)?["href"] as JsonValue)?.GetValue<string>();

        private static string? NextHref(JsonObject page) =>
            (((page["_links"] as JsonObject)?["next"] as JsonObject)?["href"] as JsonValue)?.GetValue<string>();

        /// <summary>Newline-delimited JSON: one object a line, blank lines skipped.</summary>
        private static async ValueTask<List<JsonObject>?> ReadLinesAsync(Stream stream, CancellationToken cancellationToken)
        {
            var lines = new List<JsonObject>();
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Trim().Length > 0)
                {
                    lines.Add(JsonNode.Parse(line) as JsonObject ?? throw new JsonException("A row error line is not a JSON object: " + line));
                }
            }

            return lines;
        }

        private static string BatchPath(string batchId) => "/batches/" + Uri.EscapeDataString(batchId);
    }
}
