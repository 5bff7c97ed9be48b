namespace PlatformFlow.Client
{
    /// <summary>
    /// The module's own words in the client's messages: every cmdlet and parameter name a message or a remedy names is
    /// spelled here, so renaming one changes this file only. The rest of the client speaks of the platform.
    /// </summary>
    public static class CmdletTerms
    {
        public const string SignIn = "Connect-Platform";

        public const string MaxRetryAfter = "Connect-Platform -MaxRetryAfterSeconds";

        public const string RetryBudget = "Connect-Platform -RetryBudgetSeconds";

        public const string MoreRetryTime = "Connect-Platform -RetryBudgetSeconds / -MaxRetryAfterSeconds";

        public const string BaseUri = "-BaseUri";

        public const string ShowContext = "Get-PlatformContext";

        public const string Context = "-Context";

        public const string Force = "-Force";

        public const string UpdateExisting = "-UpdateExisting";

        public const string Name = "-Name";

        public const string Path = "-Path";

        public const string SchemaId = "-SchemaId";

        public const string ReferenceMaps = "-BaseConnectionMap, -DatasetMap or -SchemaMap";

        public const string RenameFlow = "Set-Dataflow -Name";

        public const string RemoveFlow = "Remove-Dataflow";

        public const string RemoveFlowAndConnections = "Remove-Dataflow -IncludeConnections";

        public const string EnableFlow = "Enable-Dataflow";

        public const string RollbackOnError = "New-Dataflow -RollbackOnError";

        public const string ListFlowSpecs = "Get-FlowSpec";

        public const string ListConnectionSpecs = "Get-ConnectionSpec";

        public const string ListSchemas = "Get-XdmSchema";

        public const string StreamRecords = "Send-StreamingRecord";

        public const string NewMappingSet = "New-MappingSet";

        /// <summary>What Set-SourceConnection and Set-TargetConnection change.</summary>
        public const string SetConnectionParameters = "-Name, -Description";

        /// <summary>What Set-Dataflow changes.</summary>
        public const string SetDataflowParameters = "-Name, -Description, -Frequency, -Interval, -StartTime, -Backfill";

        /// <summary>e.g. <c>Remove-SourceConnection -Id 1234 -Force</c>, for a part of kind (model name) <paramref name="kind"/>.</summary>
        public static string Remove(string kind, string id) => "Remove-" + kind + " -Id " + id + " " + Force;

        public static string ListSourceTables(string baseConnectionId) => "Get-SourceTable -BaseConnectionId " + baseConnectionId;

        public static string RetriggerWhenFinished(string runId) => "Get-FlowRun -RunId " + runId + " | Wait-FlowRun | Restart-FlowRun";
    }
}
