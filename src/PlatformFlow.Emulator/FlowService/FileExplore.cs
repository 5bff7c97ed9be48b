using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// Exploring a file source (cloud storage, the Data Landing Zone): <c>objectType=root</c> and <c>objectType=folder</c>
    /// list a folder's folders and files; <c>objectType=file&amp;fileType=delimited|json|parquet</c> describes a file as the
    /// platform does a table (<c>{format, schema: {columns}, data}</c>, rows with <c>preview=true</c>).
    /// </summary>
    internal static class FileExplore
    {
        private static readonly string[] FileTypes = { "delimited", "json", "parquet" };

        public static EmulatorResponse Answer(RequestContext context, string specId, IReadOnlyList<JsonObject> files)
        {
            var objectType = (context.Request.QueryValue("objectType") ?? "root").ToLowerInvariant();
            var path = context.Request.QueryValue("object");
            switch (objectType)
            {
                case "root":
                    return EmulatorResponse.Json(200, Listing(files, "/"));
                case "folder":
                    var folder = "/" + (path ?? string.Empty).Trim('/') + "/";
                    var listing = Listing(files, folder == "//" ? "/" : folder);
                    return listing.Count > 0
                        ? EmulatorResponse.Json(200, listing)
                        : throw NotFound("The folder '" + path + "' does not exist in this connection's source; list the folders with objectType=root.");
                case "file":
                    return EmulatorResponse.Json(200, Describe(context, specId, files, path));
                default:
                    throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "objectType '" + context.Request.QueryValue("objectType") + "' cannot be explored on this file source; use root, folder or file.");
            }
        }

        /// <summary>The folders and files directly in <paramref name="folder"/> (ending in '/'), folders first, each once.</summary>
        private static JsonArray Listing(IReadOnlyList<JsonObject> files, string folder)
        {
            var entries = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var path in files.Select(f => (string)f["path"]!).Where(p => p.StartsWith(folder, StringComparison.Ordinal)))
            {
                var rest = path.Substring(folder.Length);
                var slash = rest.IndexOf('/');
                var name = slash < 0 ? rest : rest.Substring(0, slash);
                var isFolder = slash >= 0;
                entries[(isFolder ? "0" : "1") + name] = new JsonObject
                {
                    ["type"] = isFolder ? "folder" : "file",
                    ["name"] = name,
                    ["path"] = folder + name,
                    ["canPreview"] = !isFolder,
                    ["canFetchSchema"] = !isFolder,
                };
            }

            return new JsonArray(entries.Values.Select(e => (JsonNode)e).ToArray());
        }

        private static JsonObject Describe(RequestContext context, string specId, IReadOnlyList<JsonObject> files, string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "objectType=file needs object={FILE_PATH} (a path from objectType=root or folder).");
            }

            var file = files.FirstOrDefault(f => string.Equals((string?)f["path"], path, StringComparison.Ordinal))
                ?? throw NotFound("The file '" + path + "' does not exist in this connection's source; list the files with objectType=root or folder.");
            var fileType = context.Request.QueryValue("fileType");
            if (fileType is null || !FileTypes.Contains(fileType, StringComparer.OrdinalIgnoreCase))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "objectType=file needs fileType: " + string.Join(", ", FileTypes) + ".");
            }

            if (!string.Equals(fileType, (string?)file["fileType"], StringComparison.OrdinalIgnoreCase))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "The file '" + path + "' cannot be read as " + fileType + ": it is a " + file["fileType"] + " file.");
            }

            return ConnectionEndpoints.Described(context, SpecCatalog.Instance.Table(specId, path!)!);
        }

        private static EmulatorError NotFound(string detail) => new EmulatorError(404, ErrorCodes.FlowExploreObjectNotFound, "Resource not found", detail);
    }
}
