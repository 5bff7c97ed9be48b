using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using PlatformFlow.Client;
using PlatformFlow.Client.Completion;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Completion
{
    /// <summary>Flow spec names (Get-FlowSpec -Name).</summary>
    public sealed class FlowSpecNameCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.FlowSpecs(client);
    }

    /// <summary>Connection spec names (Get-ConnectionSpec -Name, New-BaseConnection -ConnectionSpec).</summary>
    public sealed class ConnectionSpecNameCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.ConnectionSpecs(client);
    }

    /// <summary>The -Name of the Get-* resource cmdlets: the names of what that cmdlet gets (flows, connections, datasets, schemas).</summary>
    public sealed class ResourceNameCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters)
        {
            switch (commandName.ToUpperInvariant())
            {
                case "GET-DATAFLOW":
                    return CompletionCandidates.Dataflows(client);
                case "GET-BASECONNECTION":
                    return CompletionCandidates.BaseConnections(client);
                case "GET-SOURCECONNECTION":
                    return CompletionCandidates.SourceConnections(client);
                case "GET-TARGETCONNECTION":
                    return CompletionCandidates.TargetConnections(client);
                case "GET-DATASET":
                    return CompletionCandidates.Datasets(client);
                case "GET-XDMSCHEMA":
                    return CompletionCandidates.XdmSchemas(client);
                default:
                    return Array.Empty<CompletionCandidate>();
            }
        }
    }

    /// <summary>
    /// The -Id of the cmdlets that act on one kind, the kind their noun names (Remove-Dataflow, Test-BaseConnection): the
    /// ids, each shown with its name.
    /// </summary>
    public sealed class ResourceIdCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            Enum.TryParse<ResourceKind>(commandName.Substring(commandName.IndexOf('-') + 1), ignoreCase: true, out var kind)
                ? CompletionCandidates.IdsOf(client, kind)
                : Array.Empty<CompletionCandidate>();
    }

    /// <summary>Dataset ids (Get-Batch -DatasetId, Get-DatasetRecord -DatasetId).</summary>
    public sealed class DatasetIdCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.DatasetIds(client);
    }

    /// <summary>Flow ids (Get-FlowRun -FlowId, Get-Batch -FlowId).</summary>
    public sealed class DataflowIdCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.DataflowIds(client);
    }

    /// <summary>The newest runs' ids (Get-FlowRun -RunId, Get-FailedRecord -RunId, Get-Batch -RunId).</summary>
    public sealed class FlowRunIdCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.FlowRunIds(client);
    }

    /// <summary>The organization's sandbox names (Connect-Platform -Sandbox, Get-Sandbox -Name).</summary>
    public sealed class SandboxNameCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.Sandboxes(client);
    }

    /// <summary>The tables of the source behind the -BaseConnectionId already on the command line.</summary>
    public sealed class SourceTableCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            BoundText(boundParameters, "BaseConnectionId") is string baseConnectionId
                ? CompletionCandidates.SourceTables(client, baseConnectionId)
                : Array.Empty<CompletionCandidate>();
    }

    /// <summary>The columns of the -TableName of the -BaseConnectionId already on the command line.</summary>
    public sealed class SourceColumnCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            BoundText(boundParameters, "BaseConnectionId") is string baseConnectionId && BoundText(boundParameters, "TableName") is string table
                ? CompletionCandidates.SourceColumns(client, baseConnectionId, table)
                : Array.Empty<CompletionCandidate>();
    }

    /// <summary>The standard XDM classes (New-XdmSchema -Class).</summary>
    public sealed class XdmClassCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.XdmClasses(client);
    }

    /// <summary>The standard XDM field groups (New-XdmSchema -FieldGroup).</summary>
    public sealed class XdmFieldGroupCompleter : PlatformArgumentCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Candidates(PlatformClient client, string commandName, IDictionary boundParameters) =>
            CompletionCandidates.XdmFieldGroups(client);
    }

    /// <summary>Run statuses (Get-FlowRun -Status): known without asking the platform, so offered even when signed out.</summary>
    public sealed class RunStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            PlatformArgumentCompleter.Matching(
                Enum.GetNames(typeof(RunStatus)).Where(name => name != nameof(RunStatus.Unknown)).Select(name => new CompletionCandidate(name)),
                wordToComplete);
    }
}
