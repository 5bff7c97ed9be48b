namespace PlatformFlow.Client.Operations
{
    /// <summary>Enable-Dataflow: the flow makes its scheduled runs again.</summary>
    public sealed class EnableDataflowOperation : FlowStateOperation
    {
        public EnableDataflowOperation(PlatformClient client)
            : base(client, enable: true, "EnableDataflow")
        {
        }
    }
}
