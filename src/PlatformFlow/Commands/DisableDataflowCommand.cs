namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Disables dataflows (POST /flows/{id}/action?op=disable): they make no scheduled runs until enabled. Writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Disable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class DisableDataflowCommand : DataflowStateCmdlet
    {
        protected override bool Enable => false;
    }
}
