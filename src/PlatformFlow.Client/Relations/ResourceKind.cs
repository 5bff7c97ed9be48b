namespace PlatformFlow.Client.Relations
{
    /// <summary>The kinds of platform object a cmdlet acts on.</summary>
    public enum ResourceKind
    {
        Dataflow,
        FlowRun,
        SourceConnection,
        TargetConnection,
        BaseConnection,
        MappingSet,
        FlowSpec,
        ConnectionSpec,
        Dataset,
        XdmSchema,
        Batch,
    }
}
