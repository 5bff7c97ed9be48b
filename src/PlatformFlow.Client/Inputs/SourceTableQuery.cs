namespace PlatformFlow.Client.Inputs
{
    public sealed class SourceTableQuery
    {
        public string BaseConnectionId { get; set; } = string.Empty;

        /// <summary>The table to describe; with none, the base connection's tables are listed.</summary>
        public string? TableName { get; set; }

        /// <summary>Also read the table's sample rows.</summary>
        public bool Preview { get; set; }

        public object? Target { get; set; }
    }
}
