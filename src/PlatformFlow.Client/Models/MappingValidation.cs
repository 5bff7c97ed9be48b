using System.Text.Json.Nodes;

namespace PlatformFlow.Client.Models
{
    /// <summary>What Data Prep's validation says of one mapping: SUCCESS, or FAILED with its problems.</summary>
    public sealed class MappingValidation(Mapping mapping, string status, IReadOnlyList<MappingProblem> problems)
    {
        public Mapping Mapping { get; } = mapping;

        /// <summary><c>SUCCESS</c> or <c>FAILED</c>.</summary>
        public string Status { get; } = status;

        public IReadOnlyList<MappingProblem> Problems { get; } = problems;

        public bool IsValid => Problems.Count == 0;

        internal static MappingValidation From(Mapping mapping, JsonObject? result)
        {
            var problems = (result?["errors"] as JsonArray ?? new JsonArray())
                .OfType<JsonObject>()
                .Select(e => new MappingProblem((string?)e["errorCode"] ?? "INVALID_MAPPING", (string?)e["exception"] ?? "the mapping is not valid"))
                .ToList();
            return new MappingValidation(mapping, (string?)result?["status"] ?? (problems.Count == 0 ? "SUCCESS" : "FAILED"), problems);
        }
    }
}
