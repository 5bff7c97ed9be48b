using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    public sealed class FlowRunQuery
    {
        /// <summary>The flow whose runs to list; with neither this nor <see cref="RunId"/>, the runs of every flow of the sandbox.</summary>
        public string? FlowId { get; set; }

        /// <summary>One run by id (instead of a flow's runs).</summary>
        public string? RunId { get; set; }

        /// <summary>Only runs with one of these statuses; all when empty.</summary>
        public IReadOnlyList<RunStatus> Statuses { get; set; } = Array.Empty<RunStatus>();

        /// <summary>Only runs created after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        public object? Target { get; set; }
    }
}
