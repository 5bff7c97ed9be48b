namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>One flaw of one source record: its row (0-based), its column and its kind (<see cref="ImperfectionKinds"/>).</summary>
    public sealed class Imperfection
    {
        public Imperfection(int row, string column, string kind)
        {
            Row = row;
            Column = column;
            Kind = kind;
        }

        public int Row { get; }

        public string Column { get; }

        public string Kind { get; }
    }
}
