using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PlatformFlow.Client.FlowsAsCode;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Applies dataflow definition files to a sandbox: plans every flow first (create, update or unchanged; a missing reference stops it before any write), then applies only what differs.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "Dataflow", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Import-Dataflow.md")]
    [OutputType(typeof(DataflowImportResult))]
    public sealed class ImportDataflowCommand : DataflowImportCmdlet
    {
        private readonly List<string> _files = new List<string>();
        private int _unreadable;

        /// <summary>Definition files, or folders whose *.json files are read; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                try
                {
                    var found = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).SelectMany(DefinitionFiles).ToList();
                    if (found.Count == 0)
                    {
                        throw new ItemNotFoundException("Folder " + path + " holds no dataflow definition (*" + DataflowDefinitionJson.FileExtension + ") files.");
                    }

                    _files.AddRange(found);
                }
                catch (Exception ex) when (ex is ItemNotFoundException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    _unreadable++;
                    WriteError(new ErrorRecord(ex, "DataflowDefinitionNotFound", ErrorCategory.ObjectNotFound, path));
                }
            }
        }

        protected override void EndProcessing()
        {
            var operation = new ImportDataflowOperation(ActiveContext.Client, Maps(), createDisabled: Disabled.IsPresent) { ThrottleLimit = ThrottleLimit };
            var files = _files.Distinct(StringComparer.Ordinal).ToList();
            Run(host => operation.RunAsync(files, _unreadable, host));
        }

        /// <summary>A file as it is; a folder's definition files in name order, so an import applies them in a stable order.</summary>
        private static IEnumerable<string> DefinitionFiles(string path) =>
            Directory.Exists(path)
                ? Directory.GetFiles(path, "*" + DataflowDefinitionJson.FileExtension).OrderBy(f => f, StringComparer.Ordinal)
                : new[] { path };
    }
}
