namespace PlatformFlow.Client.Operations
{
    /// <summary>Disable-Dataflow: the flow makes no scheduled runs until enabled again.</summary>
    public sealed class DisableDataflowOperation : FlowStateOperation
    {
        public DisableDataflowOperation(PlatformClient client)
            : base(client, enable: false, "DisableDataflow")
        {
        }
    }
}
