using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>A part's planned change and, for an update, the JSON Patch (members that differ only) and the etag it is sent with.</summary>
    public sealed class PartPlan
    {
        public PartPlan(DataflowPart part, PartOutcome outcome, string? id, string? etag, IReadOnlyList<JsonPatchOperation> patch, IReadOnlyList<string> changes)
        {
            Change = new DataflowPartChange(part, outcome, id, changes);
            Etag = etag;
            Patch = patch;
        }

        public DataflowPartChange Change { get; }

        public PartOutcome Outcome => Change.Outcome;

        public string? Id => Change.Id;

        public string? Etag { get; }

        public IReadOnlyList<JsonPatchOperation> Patch { get; }

        public static PartPlan Create(DataflowPart part) => new PartPlan(part, PartOutcome.Planned, null, null, new JsonPatchOperation[0], new string[0]);

        /// <summary>Reused when <paramref name="diff"/> is empty, else an update with its patch.</summary>
        public static PartPlan FromDiff(DataflowPart part, string id, string? etag, PartDiff diff) =>
            new PartPlan(part, diff.IsEmpty ? PartOutcome.Reused : PartOutcome.Updated, id, etag, diff.Patch, diff.Changes);
    }
}
