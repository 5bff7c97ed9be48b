namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Enables dataflows (POST /flows/{id}/action?op=enable): they make their scheduled runs again. Writes nothing unless -PassThru.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "Dataflow", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Enable-Dataflow.md")]
    [OutputType(typeof(Dataflow))]
    public sealed class EnableDataflowCommand : DataflowStateCmdlet
    {
        protected override bool Enable => true;
    }
}
