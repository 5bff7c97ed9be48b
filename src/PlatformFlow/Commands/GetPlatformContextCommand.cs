using System.Management.Automation;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the current signed-in context: gateway, org, sandbox, client id and how it signed in (never a secret).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PlatformContext")]
    [OutputType(typeof(PlatformContext))]
    public sealed class GetPlatformContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (PlatformContexts.Current is PlatformContext context)
            {
                WriteObject(context);
            }
        }
    }
}
