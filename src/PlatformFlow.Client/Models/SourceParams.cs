namespace PlatformFlow.Client.Models
{
    /// <summary>What to read: a table and its columns, or a file path.</summary>
    public sealed class SourceParams : PlatformModel
    {
        public string? TableName { get; init; }

        public ValueList<SourceColumn>? Columns { get; init; }

        public string? Path { get; init; }

        public override string ToString() => (TableName ?? Path ?? string.Empty) + (Columns is null ? string.Empty : " (" + Columns + ")");
    }
}
