namespace PlatformFlow.Client.Parts
{
    /// <summary>A part and what the step did with it.</summary>
    public sealed class PartResult<T>
        where T : class
    {
        public PartResult(T part, PartOutcome outcome)
        {
            Part = part;
            Outcome = outcome;
        }

        public T Part { get; }

        public PartOutcome Outcome { get; }
    }
}
