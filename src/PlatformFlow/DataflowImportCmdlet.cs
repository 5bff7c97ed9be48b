using System;
using System.Collections;
using System.Collections.Generic;
using PlatformFlow.Client.FlowsAsCode;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the cmdlets that apply dataflow definitions to a sandbox (Import-Dataflow, Copy-Dataflow): the maps from a
    /// name in a definition to the id to use where the sandboxes' names differ.
    /// </summary>
    public abstract class DataflowImportCmdlet : PlatformCmdlet
    {
        /// <summary>Base connection name → id (or a base connection object) in the target sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? BaseConnectionMap { get; set; }

        /// <summary>Dataset name → id (or a dataset object) in the target sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? DatasetMap { get; set; }

        /// <summary>Schema title → $id (or a schema object) in the target sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? SchemaMap { get; set; }

        /// <summary>
        /// A flow this creates starts no run until Enable-Dataflow: it is created with its first run held back, disabled, then
        /// given its schedule back. A flow that already exists keeps the state it has, with or without -Disabled.
        /// </summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        /// <summary>
        /// How many flows to plan and apply at once (1 to 64; default 1), as the pipeline cmdlets' -ThrottleLimit. The results
        /// still come in input order; errors stay per definition and Ctrl+C cancels all in flight.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>The maps as the planner takes them; a value that is neither an id nor an object with an Id ends the command.</summary>
        protected ReferenceMaps Maps() => new ReferenceMaps
        {
            BaseConnections = ToIds(BaseConnectionMap, nameof(BaseConnectionMap)),
            Datasets = ToIds(DatasetMap, nameof(DatasetMap)),
            Schemas = ToIds(SchemaMap, nameof(SchemaMap)),
        };

        private Dictionary<string, string> ToIds(Hashtable? map, string parameter)
        {
            var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in map ?? new Hashtable())
            {
                var name = Convert.ToString(PipelineObjects.Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                var value = entry.Value is PSObject wrapped ? wrapped : entry.Value is null ? null : PSObject.AsPSObject(entry.Value);
                var id = value?.BaseObject as string ?? (value is null ? null : PipelineObjects.ValueOf(value, "Id") as string);
                if (string.IsNullOrWhiteSpace(id))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException("-" + parameter + " maps '" + name + "' to " + (entry.Value ?? "nothing") + ": give an id, or an object with an Id (e.g. from Get-BaseConnection)."),
                        "InvalidReferenceMap",
                        ErrorCategory.InvalidArgument,
                        map));
                }

                ids[name] = id!;
            }

            return ids;
        }
    }
}
