
namespace PlatformFlow.Client.Models
{
    /// <summary>One error of a failed record: <c>{code, message, field}</c>.</summary>
    public sealed class FailedRecordError
    {
        public string? Code { get; init; }

        public string? Message { get; init; }

        public string? Field { get; init; }

        public override string ToString() => Code + (string.IsNullOrEmpty(Field) ? string.Empty : " (" + Field + ")") + ": " + Message;
    }
}
