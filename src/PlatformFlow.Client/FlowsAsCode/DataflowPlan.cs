using System.Collections.Generic;
using System.Linq;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>What applying a definition does to a flow, or to one of its parts.</summary>
    public enum DataflowAction
    {
        Unchanged,
        Create,
        Update,
    }

    /// <summary>The parts of a flow a definition describes, in the order they are applied.</summary>
    public enum DataflowPart
    {
        SourceConnection,
        TargetConnection,
        MappingSet,
        Flow,
    }

    /// <summary>One part's change: what is done to it, its id (once it exists) and which of its members change.</summary>
    public sealed class DataflowPartChange
    {
        public DataflowPartChange(DataflowPart part, DataflowAction action, string? id, IReadOnlyList<string> changes)
        {
            Part = part;
            Action = action;
            Id = id;
            Changes = changes;
        }

        public DataflowPart Part { get; }

        public DataflowAction Action { get; }

        public string? Id { get; }

        /// <summary>The members an update changes (<c>scheduleParams</c>, <c>params/columns</c>, <c>mappings</c>...).</summary>
        public IReadOnlyList<string> Changes { get; }

        public override string ToString() =>
            Part + ": " + Action.ToString().ToLowerInvariant() + (Changes.Count > 0 ? " (" + string.Join(", ", Changes) + ")" : string.Empty);
    }

    /// <summary>A part's planned change and, for an update, the JSON Patch (members that differ only) and the etag it is sent with.</summary>
    public sealed class PartPlan
    {
        public PartPlan(DataflowPart part, DataflowAction action, string? id, string? etag, IReadOnlyList<JsonPatchOperation> patch, IReadOnlyList<string> changes)
        {
            Change = new DataflowPartChange(part, action, id, changes);
            Etag = etag;
            Patch = patch;
        }

        public DataflowPartChange Change { get; }

        public DataflowAction Action => Change.Action;

        public string? Id => Change.Id;

        public string? Etag { get; }

        public IReadOnlyList<JsonPatchOperation> Patch { get; }

        public static PartPlan Create(DataflowPart part) => new PartPlan(part, DataflowAction.Create, null, null, new JsonPatchOperation[0], new string[0]);

        /// <summary>Unchanged when <paramref name="diff"/> is empty, else an update with its patch.</summary>
        public static PartPlan FromDiff(DataflowPart part, string id, string? etag, PartDiff diff) =>
            new PartPlan(part, diff.IsEmpty ? DataflowAction.Unchanged : DataflowAction.Update, id, etag, diff.Patch, diff.Changes);
    }

    /// <summary>The ids a definition's names resolved to in the target sandbox.</summary>
    public sealed class ResolvedReferences
    {
        public string FlowSpecId { get; init; } = string.Empty;

        public string SourceConnectionSpecId { get; init; } = string.Empty;

        public string? BaseConnectionId { get; init; }

        public string TargetConnectionSpecId { get; init; } = string.Empty;

        public string DatasetId { get; init; } = string.Empty;

        public string SchemaId { get; init; } = string.Empty;
    }

    /// <summary>What a definition asks of its parts: the requests that create them, and the wanted state updates are judged against.</summary>
    public sealed class DataflowRequests
    {
        public SourceConnectionRequest Source { get; init; } = new SourceConnectionRequest();

        public TargetConnectionRequest Target { get; init; } = new TargetConnectionRequest();

        /// <summary>Null when the definition has no mapping set.</summary>
        public MappingSetRequest? MappingSet { get; init; }
    }

    /// <summary>
    /// The plan for one definition in one sandbox: create the flow (every part new), update it (the parts that differ), or
    /// leave it unchanged. Made from reads only; <see cref="DataflowApplier"/> carries it out.
    /// </summary>
    public sealed class DataflowPlan
    {
        public DataflowDefinition Definition { get; init; } = new DataflowDefinition();

        public string Sandbox { get; init; } = string.Empty;

        public ResolvedReferences References { get; init; } = new ResolvedReferences();

        public DataflowRequests Requests { get; init; } = new DataflowRequests();

        public PartPlan Source { get; init; } = PartPlan.Create(DataflowPart.SourceConnection);

        public PartPlan Target { get; init; } = PartPlan.Create(DataflowPart.TargetConnection);

        /// <summary>Null when the definition has no mapping set.</summary>
        public PartPlan? MappingSet { get; init; }

        public PartPlan Flow { get; init; } = PartPlan.Create(DataflowPart.Flow);

        /// <summary>The mapping set version the existing flow uses (kept when the mapping set is unchanged).</summary>
        public int? MappingSetVersion { get; init; }

        /// <summary>The existing flow's transformations other than its Mapping, kept as they are.</summary>
        public IReadOnlyList<Transformation> OtherTransformations { get; init; } = new Transformation[0];

        /// <summary>The desired schedule (an existing flow's start time kept when the definition has none).</summary>
        public ScheduleParams? Schedule { get; init; }

        public IEnumerable<PartPlan> Parts => new[] { Source, Target, MappingSet, Flow }.Where(p => p != null).Select(p => p!);

        public DataflowAction Action =>
            Flow.Action == DataflowAction.Create ? DataflowAction.Create
            : Parts.Any(p => p.Action != DataflowAction.Unchanged) ? DataflowAction.Update
            : DataflowAction.Unchanged;

        /// <summary>One line for -WhatIf and -Confirm: what changes, part by part.</summary>
        public string Summary =>
            (Action == DataflowAction.Create ? "Create" : "Update") + " dataflow in sandbox " + Sandbox + ": "
            + string.Join("; ", Parts.Where(p => p.Action != DataflowAction.Unchanged).Select(p => p.Change.ToString()));
    }
}
