using System.Collections.Generic;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>One part's change: what is done to it, its id (once it exists) and which of its members change.</summary>
    public sealed class DataflowPartChange
    {
        public DataflowPartChange(DataflowPart part, DataflowAction action, string? id, IReadOnlyList<string> changes)
        {
            Part = part;
            Action = action;
            Id = id;
            Changes = changes;
        }

        public DataflowPart Part { get; }

        public DataflowAction Action { get; }

        public string? Id { get; }

        /// <summary>The members an update changes (<c>scheduleParams</c>, <c>params/columns</c>, <c>mappings</c>...).</summary>
        public IReadOnlyList<string> Changes { get; }

        public override string ToString() =>
            Part + ": " + Action.ToString().ToLowerInvariant() + (Changes.Count > 0 ? " (" + string.Join(", ", Changes) + ")" : string.Empty);
    }
}
