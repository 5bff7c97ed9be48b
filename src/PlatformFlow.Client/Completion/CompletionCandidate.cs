namespace PlatformFlow.Client.Completion
{
    /// <summary>One value tab completion offers, with what to show beside it.</summary>
    public sealed class CompletionCandidate
    {
        public CompletionCandidate(string value, string? description = null)
        {
            Value = value;
            Description = string.IsNullOrEmpty(description) ? value : description!;
        }

        public string Value { get; }

        public string Description { get; }
    }
}
