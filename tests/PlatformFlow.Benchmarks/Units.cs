using System;
using System.Globalization;

namespace PlatformFlow.Benchmarks
{
    /// <summary>Sizes and rates written the same way throughout the report.</summary>
    public static class Units
    {
        public const double Kilobyte = 1024;
        public const double Megabyte = 1024 * 1024;

        public static string Megabytes(double bytes) => (bytes / Megabyte).ToString("0.00", CultureInfo.InvariantCulture) + " MB";

        public static string SignedMegabytes(double bytes) => Sign(bytes) + Megabytes(Math.Abs(bytes));

        public static string Kilobytes(double bytes) => (bytes / Kilobyte).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

        public static string SignedKilobytes(double bytes) => Sign(bytes) + Kilobytes(Math.Abs(bytes));

        public static string Whole(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Milliseconds(double milliseconds) => milliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

        public static string Microseconds(double microseconds) => microseconds.ToString("N0", CultureInfo.InvariantCulture) + " µs";

        public static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

        private static string Sign(double value) => value < 0 ? "-" : "+";
    }
}
