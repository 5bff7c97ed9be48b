namespace PlatformFlow.Client.Pipeline
{
    /// <summary>
    /// Ids of resources a -WhatIf step would create. Downstream steps recognise them and check what they can without
    /// asking the platform about a resource that does not exist.
    /// </summary>
    public static class Planned
    {
        public const string Prefix = "planned-";
        public const string State = "planned";
        private static long _counter;

        public static string NewId(string kind) => Prefix + kind + "-" + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static bool IsPlanned(string? id) => id != null && id.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
