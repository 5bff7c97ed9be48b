using PlatformFlow.Shared;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// Refuses an <c>-Id</c> longer than any id or name can be as it is bound, before any request: a megabyte of text is
    /// neither sent nor copied into the error, which shows a short excerpt.
    /// </summary>
    public sealed class ValidateIdLengthAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            foreach (var item in value is string[] ids ? ids : new[] { value as string })
            {
                if (item != null && IdShapes.LengthProblem(item) is string problem)
                {
                    throw new ValidationMetadataException(problem);
                }
            }
        }
    }
}
