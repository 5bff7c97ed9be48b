namespace PlatformFlow
{
    /// <summary>Where each cmdlet's page lives on the project's public home (the manifest's ProjectUri): Get-Help -Online opens it.</summary>
    internal static class HelpLinks
    {
        public const string Cmdlets = "https://github.com/platformflow/PlatformFlow/blob/main/docs/cmdlets/";
    }
}
