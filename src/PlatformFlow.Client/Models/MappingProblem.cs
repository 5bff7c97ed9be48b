namespace PlatformFlow.Client.Models
{
    /// <summary>One problem of a mapping: <c>UNKNOWN_SOURCE_FIELD</c>, <c>UNKNOWN_DESTINATION</c>, <c>UNKNOWN_FUNCTION</c>, <c>INVALID_EXPRESSION</c>, <c>TYPE_MISMATCH</c>...</summary>
    public sealed class MappingProblem(string code, string message)
    {
        public string Code { get; } = code;

        public string Message { get; } = message;

        public override string ToString() => Code + ": " + Message;
    }
}
