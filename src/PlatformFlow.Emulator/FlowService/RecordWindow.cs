namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// Which source records a run reads. A flow's first run, a <c>once</c> flow's run and a run without a window read
    /// every record. Any other run reads the records that changed in its window [start, end): record i of n changes once
    /// every 24 hours, at the flow's first slot + i × 24 h / n (so a daily run reads them all, an hourly run about n/24).
    /// </summary>
    internal static class RecordWindow
    {
        public const long ChangePeriodSeconds = 86400;

        public static bool Changed(int index, int count, long anchor, long windowStart, long windowEnd)
        {
            if (windowEnd - windowStart >= ChangePeriodSeconds)
            {
                return true;
            }

            var offset = anchor + (index * ChangePeriodSeconds / count);
            var periodsAhead = FloorDivide(windowStart - offset + ChangePeriodSeconds - 1, ChangePeriodSeconds);
            return offset + (periodsAhead * ChangePeriodSeconds) < windowEnd;
        }

        private static long FloorDivide(long dividend, long divisor) =>
            (dividend / divisor) - (dividend % divisor != 0 && dividend < 0 ? 1 : 0);
    }
}
