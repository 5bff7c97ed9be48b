namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>The parts of a flow a definition describes, in the order they are applied.</summary>
    public enum DataflowPart
    {
        SourceConnection,
        TargetConnection,
        MappingSet,
        Flow,
    }
}
