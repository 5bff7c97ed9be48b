namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>One flaw of one source record: its row (0-based), its column and its kind (<see cref="ImperfectionKinds"/>).</summary>
    public sealed class Imperfection(int row, string column, string kind)
    {
        public int Row { get; } = row;

        public string Column { get; } = column;

        public string Kind { get; } = kind;
    }
}
