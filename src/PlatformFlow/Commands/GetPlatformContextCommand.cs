using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the current signed-in context, or with -ListAvailable every context signed in this session: gateway, org, sandbox, client id and how it signed in (never a secret).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PlatformContext", HelpUri = HelpLinks.Cmdlets + "Get-PlatformContext.md")]
    [OutputType(typeof(PlatformContext))]
    public sealed class GetPlatformContextCommand : PSCmdlet
    {
        /// <summary>Every context signed in this session and not disconnected, oldest first (IsCurrent marks the current one).</summary>
        [Parameter]
        public SwitchParameter ListAvailable { get; set; }

        protected override void EndProcessing()
        {
            if (ListAvailable)
            {
                WriteObject(PlatformContexts.SignedIn, enumerateCollection: true);
            }
            else if (PlatformContexts.Current is PlatformContext context)
            {
                WriteObject(context);
            }
        }
    }
}
