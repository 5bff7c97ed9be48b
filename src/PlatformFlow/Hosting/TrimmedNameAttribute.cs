namespace PlatformFlow.Hosting
{
    /// <summary>
    /// Removes the spaces around a name as it is bound, on every parameter that names something (-Name, -FlowName,
    /// -Title), so a name is created, carried down the pipeline and looked up the same way: <c>' Shop 07 '</c> is
    /// <c>'Shop 07'</c> everywhere. The platform emulator refuses a name with spaces around it.
    /// </summary>
    public sealed class TrimmedNameAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text ? text.Trim() : inputData;
        }
    }
}
