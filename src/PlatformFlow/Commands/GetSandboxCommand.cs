namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the organization's sandboxes (name, title, type, state): the names -Sandbox takes.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Sandbox", HelpUri = HelpLinks.Cmdlets + "Get-Sandbox.md")]
    [OutputType(typeof(Sandbox))]
    public sealed class GetSandboxCommand : PlatformCmdlet
    {
        /// <summary>A sandbox name, wildcards allowed (e.g. dev*); all when omitted.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SandboxNameCompleter))]
        public string? Name { get; set; }

        protected override void EndProcessing()
        {
            var operation = new GetSandboxOperation(ActiveContext.Client);
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            Run(host => operation.RunAsync(Name, pattern is null ? null : new System.Func<string, bool>(pattern.IsMatch), host));
        }
    }
}
