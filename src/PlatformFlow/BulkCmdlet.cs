namespace PlatformFlow
{
    /// <summary>
    /// Base of the cmdlets that work through many inputs: <c>-ThrottleLimit</c> keeps up to that many in flight.
    /// </summary>
    public abstract class BulkCmdlet : PlatformCmdlet
    {
        /// <summary>
        /// How many inputs to work on at once (1 to 64; default 1). Above 1, each result is written as it completes, so the
        /// output order may differ from the input order; errors stay per input and Ctrl+C cancels all in flight.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        protected override int InputsInFlight => ThrottleLimit;
    }
}
