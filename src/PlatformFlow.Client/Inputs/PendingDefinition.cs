using PlatformFlow.Client.FlowsAsCode;

namespace PlatformFlow.Client.Inputs
{
    /// <summary>A definition to apply, and where it came from (a file, or the flow it was exported from).</summary>
    public sealed class PendingDefinition
    {
        private PendingDefinition(DataflowDefinition definition, string? path, object? target, string origin)
        {
            Definition = definition;
            Path = path;
            Target = target;
            Origin = origin;
        }

        public DataflowDefinition Definition { get; }

        /// <summary>The file, for the result and error messages; null when exported in the same command.</summary>
        public string? Path { get; }

        /// <summary>The input to name in an error record.</summary>
        public object? Target { get; }

        /// <summary>Where it came from, for messages: the file, or the flow it was exported from.</summary>
        public string Origin { get; }

        /// <summary>A definition read from a file, which names it everywhere.</summary>
        public static PendingDefinition FromFile(DataflowDefinition definition, string path) => new PendingDefinition(definition, path, path, path);

        /// <summary>A definition exported from a flow in the same command (<c>dataflow {id} of sandbox dev</c>).</summary>
        public static PendingDefinition FromFlow(DataflowDefinition definition, string flowId, string sandbox, object? target) =>
            new PendingDefinition(definition, null, target, "dataflow " + flowId + " of sandbox " + sandbox);
    }
}
