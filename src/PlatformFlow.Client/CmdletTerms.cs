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

        public const string Id = "-Id";

        public const string Name = "-Name";

        public const string Filter = "-Filter";

        public const string Sandbox = "-Sandbox";

        public const string SendStreamingRecord = "Send-StreamingRecord";

        public const string Path = "-Path";

        public const string SchemaId = "-SchemaId";

        public const string Mapping = "-Mapping";

        public const string Column = "-Column";

        public const string Preview = "-Preview";

        public const string Sample = "-Sample";

        public const string WhatIf = "-WhatIf";

        public const string Timeout = "-Timeout";

        public const string ListSourceTable = "Get-SourceTable";

        public const string XdmClass = "New-XdmSchema -Class";

        public const string Title = "-Title";

        public static string FindSchemaByTitle(string title) => ListSchemas + " " + Name + " '" + title.Replace("'", "''") + "'";

        public const string XdmFieldGroup = "New-XdmSchema -FieldGroup";

        /// <summary>The remedy of a mapping the platform refused: Data Prep's functions are listed on the platform's documentation page, not by a cmdlet.</summary>
        public const string CorrectMapping = "Correct the mapping (Adobe's \"Data Prep mapping functions\" page lists the functions the platform knows), then run " + TestMapping + " again.";

        public const string TestMapping = "Test-MappingSet";

        public const string ListFailedRecords = "Get-FailedRecord";

        public const string ReferenceMaps = "-BaseConnectionMap, -DatasetMap or -SchemaMap";

        public const string RenameFlow = "Set-Dataflow -Name";

        public const string RemoveFlow = "Remove-Dataflow";

        public const string RemoveFlowAndConnections = "Remove-Dataflow -IncludeConnections";

        public const string EnableFlow = "Enable-Dataflow";

        public static string EnableFlowById(string flowId) => EnableFlow + " -Id " + flowId;

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

        public static string ListSourceTables(string baseConnectionId) => ListSourceTable + " -BaseConnectionId " + baseConnectionId;

        /// <summary>The cmdlet that lists resources of kind (model name) <paramref name="kind"/>, e.g. <c>Get-Dataflow</c>.</summary>
        public static string List(string kind) => "Get-" + kind;

        /// <summary>e.g. <c>Get-Dataflow -Name 'Shop*'</c>: how to find a resource of kind <paramref name="kind"/> by its name.</summary>
        public static string FindByName(string kind) => List(kind) + " " + Name + " '<name>'";

        public static string ListSourceFiles(string? baseConnectionId, string? connectionSpec) =>
            "Get-SourceFile " + (baseConnectionId != null ? "-BaseConnectionId " + baseConnectionId : "-ConnectionSpec " + connectionSpec);

        /// <summary>For a not-found remedy ("... to see them all"): the parameter whose Tab completion lists the valid values.</summary>
        public static string CompleteWithTab(string parameter) => "press Tab after " + parameter;

        public static string ShowRun(string runId) => "Get-FlowRun -RunId " + runId;

        public static string ListFailedRecordsOfRun(string runId) => ShowRun(runId) + " | " + ListFailedRecords;

        public static string RestartRun(string runId) => "Restart-FlowRun -RunId " + runId;

        public static string RetriggerWhenFinished(string runId) => "Get-FlowRun -RunId " + runId + " | Wait-FlowRun | Restart-FlowRun";
    }
}
