using System.IO;
using PlatformFlow.Client.FlowsAsCode;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// Export-Dataflow: writes each flow as a definition file (<see cref="DataflowDefinitionJson"/>) and emits the file. One
    /// operation serves a whole pipeline, so two flows bound for the same file are caught instead of overwriting each other,
    /// also when several are exported at once.
    /// </summary>
    public sealed class ExportDataflowOperation : PlatformOperation
    {
        private const string Step = "ExportDataflow";

        private readonly Dictionary<string, string> _writtenBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        private readonly DataflowExporter _exporter;

        public ExportDataflowOperation(PlatformClient client)
            : base(client)
        {
            _exporter = new DataflowExporter(client);
        }

        public async Task RunAsync(DataflowExportInput input, IOperationHost host)
        {
            try
            {
                var definition = await _exporter.ExportAsync(input.FlowId, host.Cancellation).ConfigureAwait(false);
                var path = input.IsFolder ? System.IO.Path.Combine(input.Path, FileNameFor(definition.Name)) : input.Path;
                string? earlier;
                lock (_writtenBy)
                {
                    // Taken before the file is written: flows exported at once (-ThrottleLimit) are caught as well.
                    if (!_writtenBy.TryGetValue(path, out earlier))
                    {
                        _writtenBy[path] = definition.Name;
                    }
                }

                if (earlier != null)
                {
                    throw new FlowsAsCodeException(
                        FlowsAsCodeException.ExportPathConflict,
                        OperationErrorCategory.ResourceExists,
                        "Dataflow '" + definition.Name + "' would be written to " + path + ", where this command already wrote dataflow '" + earlier + "'. It was not written.",
                        input.IsFolder ? "Rename one of the flows." : "Give " + CmdletTerms.Path + " a folder to export several flows, one file each.");
                }

                if (await AskAsync(host, path, "Write the definition of dataflow '" + definition.Name + "'").ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, DataflowDefinitionJson.ToUtf8(definition));
                host.WriteObject(new FileInfo(path));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && host.Cancellation.IsCancellationRequested) && !(ex is OutOfMemoryException))
            {
                host.WriteError(FlowsAsCodeException.ToOperationError(ex, input.Target ?? input.FlowId, Step, input.FlowId));
            }
        }

        /// <summary>The flow's name made a file name on every system: characters any of them refuses become '_'.</summary>
        public static string FileNameFor(string flowName)
        {
            var refused = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { '<', '>', ':', '"', '/', '\\', '|', '?', '*' }).ToArray();
            var name = new string(flowName.Select(c => c < ' ' || refused.Contains(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
            return (name.Length == 0 ? "dataflow" : name) + DataflowDefinitionJson.FileExtension;
        }
    }
}
