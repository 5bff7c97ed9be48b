using System;
using System.Diagnostics;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.Catalog
{
    /// <summary>
    /// The time one listing's regular expressions may take together: a pattern that backtracks for ever
    /// (<c>name~^(a+)+$</c>) is a 400, not a request that never ends.
    /// </summary>
    internal sealed class PatternBudget
    {
        private readonly TimeSpan _limit;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public PatternBudget(TimeSpan limit)
        {
            _limit = limit;
        }

        /// <summary>What is left, as a match timeout (never zero, which Regex refuses).</summary>
        public TimeSpan Remaining()
        {
            var left = _limit - _clock.Elapsed;
            return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
        }

        public EmulatorError Exceeded(string condition) =>
            EmulatorError.BadRequest(ErrorCodes.DataSetQueryInvalid, "property " + Excerpt.Of(condition)
                + ": the regular expression took longer than " + _limit.TotalMilliseconds + " ms over the datasets; simplify it (e.g. avoid nested repetition).");
    }
}
