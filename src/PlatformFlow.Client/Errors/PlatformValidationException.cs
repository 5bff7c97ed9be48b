using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A request the platform would reject, caught before it was sent (no request left the machine), or input that
    /// cannot make a request at all. Each problem names the field and the rule.
    /// </summary>
    public sealed class PlatformValidationException : Exception
    {
        public PlatformValidationException(string subject, IReadOnlyList<string> problems)
            : base(Excerpt.Of(subject, Excerpt.MaxSubjectLength) + ": " + string.Join("; ", problems))
        {
            Subject = Excerpt.Of(subject, Excerpt.MaxSubjectLength);
            Problems = problems;
        }

        public PlatformValidationException(string subject, string problem)
            : this(subject, new[] { problem })
        {
        }

        /// <summary>What to do about it, when there is something better than correcting the named fields.</summary>
        public string? RecommendedAction { get; init; }

        /// <summary>
        /// The problems are independent (e.g. one per mapping of a mapping set): each becomes an error of its own, as
        /// Test-MappingSet reports them, instead of one error listing them all.
        /// </summary>
        public bool OneErrorPerProblem { get; init; }

        /// <summary>What was checked, e.g. <c>scheduleParams</c> or <c>New-MappingSet -Mapping</c>.</summary>
        public string Subject { get; }

        public IReadOnlyList<string> Problems { get; }

        public static void ThrowIfAny(string subject, IEnumerable<string> problems, bool oneErrorPerProblem = false)
        {
            var list = problems.ToList();
            if (list.Count > 0)
            {
                throw new PlatformValidationException(subject, list) { OneErrorPerProblem = oneErrorPerProblem };
            }
        }

        /// <summary>This exception as one exception per problem (see <see cref="OneErrorPerProblem"/>), or itself.</summary>
        public IEnumerable<PlatformValidationException> Each() =>
            OneErrorPerProblem && Problems.Count > 1
                ? Problems.Select(problem => new PlatformValidationException(Subject, problem) { RecommendedAction = RecommendedAction })
                : new[] { this };
    }
}
