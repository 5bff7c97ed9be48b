using System;
using System.Linq;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// Checks each -Status as it is bound, once for the command (not once per piped input): a run status in any spelling
    /// the platform uses (<c>Failed</c>, <c>PARTIAL_SUCCESS</c>, <c>inProgress</c>).
    /// </summary>
    public sealed class ValidateRunStatusAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
            if (RunStatusNames.Parse(text) == RunStatus.Unknown)
            {
                throw new ValidationMetadataException(
                    "'" + text + "' is not a run status; use one of "
                    + string.Join(", ", Enum.GetNames(typeof(RunStatus)).Where(n => n != nameof(RunStatus.Unknown))) + ".");
            }
        }
    }
}
