namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>What a run did to its records: read (input), landed (output), failed, and the bytes read and written.</summary>
    internal sealed class BatchFigures
    {
        public BatchFigures(long input, long output, long failed, long inputBytes, long outputBytes)
        {
            Input = input;
            Output = output;
            Failed = failed;
            InputBytes = inputBytes;
            OutputBytes = outputBytes;
        }

        public long Input { get; }

        public long Output { get; }

        public long Failed { get; }

        public long InputBytes { get; }

        public long OutputBytes { get; }
    }
}
