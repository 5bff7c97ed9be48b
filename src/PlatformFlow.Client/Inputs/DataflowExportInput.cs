namespace PlatformFlow.Client.Inputs
{
    public sealed class DataflowExportInput
    {
        public string FlowId { get; set; } = string.Empty;

        /// <summary>A full path: the file to write, or the folder to write one file per flow into.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>True when <see cref="Path"/> is a folder (each flow's file is named after the flow).</summary>
        public bool IsFolder { get; set; }

        public object? Target { get; set; }
    }
}
