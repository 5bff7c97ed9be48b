namespace PlatformFlow
{
    /// <summary>
    /// Base of the flow-building cmdlets: takes the whole pipeline input too, to pass on the ids it carries
    /// (<see cref="PipelineIds"/>) to the next step.
    /// </summary>
    public abstract class FlowStepCmdlet : BulkCmdlet
    {
        /// <summary>
        /// With -ThrottleLimit, as many rows again are taken ahead: the step announces their parts' names, which are then
        /// looked up together (several names to a request) while the rows before them are written, so no row waits for
        /// its own lookup.
        /// </summary>
        protected override int InputsAhead => ThrottleLimit;

        /// <summary>The pipeline input as a whole; its carried ids are passed on. Bound from the pipeline only.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected PipelineIds CarriedIds => PipelineObjects.CarriedBy(InputObject);

        /// <summary>The input to name in an error record: the pipeline object (e.g. a CSV row) when there is one.</summary>
        protected object? ErrorTarget(object fallback) => (object?)InputObject ?? fallback;
    }
}
