
namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>What applying a definition does to a flow, or to one of its parts.</summary>
    public enum DataflowAction
    {
        Unchanged,
        Create,
        Update,
    }
}
