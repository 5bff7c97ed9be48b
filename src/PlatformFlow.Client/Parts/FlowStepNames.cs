namespace PlatformFlow.Client.Parts
{
    /// <summary>Each part of a flow is named after the flow, so the platform's UI lists them together.</summary>
    public static class FlowStepNames
    {
        public static string Source(string flowName) => flowName + " source";

        public static string Target(string flowName) => flowName + " target";

        /// <summary>The longest flow name whose parts' names stay within <see cref="JsonSchema.PlatformLimits.NameMaxLength"/>.</summary>
        public static readonly int FlowNameMaxLength = JsonSchema.PlatformLimits.NameMaxLength - System.Math.Max(Source(string.Empty).Length, Target(string.Empty).Length);

        /// <summary>What is wrong with the length of a flow name its parts are named after, or null: checked before the first part is sent.</summary>
        public static string? FlowNameProblem(string flowName) =>
            flowName.Length > FlowNameMaxLength
                ? "Name: a flow name has at most " + FlowNameMaxLength + " characters (its parts are named 'NAME source' and 'NAME target', at most "
                    + JsonSchema.PlatformLimits.NameMaxLength + "), not " + flowName.Length
                : null;
    }
}
