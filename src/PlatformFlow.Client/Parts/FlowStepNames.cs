namespace PlatformFlow.Client.Parts
{
    /// <summary>Each part of a flow is named after the flow, so the platform's UI lists them together.</summary>
    public static class FlowStepNames
    {
        public static string Source(string flowName) => flowName + " source";

        public static string Target(string flowName) => flowName + " target";
    }
}
