using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Signs out: closes the context's connection and, if it is the current context, clears it.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Platform", HelpUri = HelpLinks.Cmdlets + "Disconnect-Platform.md")]
    public sealed class DisconnectPlatformCommand : PSCmdlet
    {
        /// <summary>The context to close; the current one by default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public PlatformContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            var context = Context ?? PlatformContexts.Current;
            if (context is null)
            {
                WriteVerbose("No context is connected.");
                return;
            }

            PlatformContexts.Remove(context);
            context.Dispose();
            WriteVerbose("Disconnected from " + context + ".");
        }
    }
}
