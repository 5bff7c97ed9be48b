namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>What a run did to its records: read (input), landed (output), failed, and the bytes read and written.</summary>
    internal sealed record BatchFigures(long Input, long Output, long Failed, long InputBytes, long OutputBytes);
}
