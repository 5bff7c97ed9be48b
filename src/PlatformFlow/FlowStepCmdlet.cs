namespace PlatformFlow
{
    /// <summary>
    /// Base of the flow-building cmdlets: takes the whole pipeline input too, to pass on the ids it carries
    /// (<see cref="PipelineIds"/>) to the next step.
    /// </summary>
    public abstract class FlowStepCmdlet : BulkCmdlet
    {
        /// <summary>
        /// With -ThrottleLimit, three times -ThrottleLimit rows are taken ahead: the step announces their parts' names, which
        /// are then looked up together (several names to a request, one request out at a time per collection) while the
        /// rows before them are written, so no row waits for its own lookup. As many again was too few in a sandbox that
        /// is not empty: a row reached its write while its lookup was still out (P7, 1,000 rows at 50 ms in a sandbox of
        /// 20,000 flows: 1.35-1.38 of the empty sandbox's time with 16 ahead, 1.06 with 32, 1.01 with 48).
        /// </summary>
        protected override int InputsAhead => 3 * ThrottleLimit;

        /// <summary>The pipeline input as a whole; its carried ids are passed on. Bound from the pipeline only.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected PipelineIds CarriedIds => PipelineObjects.CarriedBy(InputObject);

        /// <summary>The input to name in an error record: the pipeline object (e.g. a CSV row) when there is one.</summary>
        protected object? ErrorTarget(object fallback) => (object?)InputObject ?? fallback;
    }
}
