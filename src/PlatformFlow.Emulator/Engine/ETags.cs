using PlatformFlow.JsonSchema;
using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// Entity tags in the platform's form, quotes included: <c>"10007c3f-0000-0200-0000-5fa9be720000"</c> (a counter, then
    /// the epoch seconds in hex). Writes check <c>If-Match</c> against the stored <c>etag</c> exactly as it was returned.
    /// </summary>
    public static class ETags
    {
        private static long _counter = 0x10000000;

        public static string New(DateTimeOffset now)
        {
            var serial = Interlocked.Increment(ref _counter) & 0xFFFFFFFF;
            return "\"" + serial.ToString("x8", CultureInfo.InvariantCulture) + "-0000-0200-0000-"
                + now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + "0000\"";
        }

        /// <summary>
        /// The <c>If-Match</c> rule of updates: missing is a 400 (<see cref="ErrorCodes.IfMatchMissing"/>), different from the
        /// resource's current <c>etag</c> a 412 (<see cref="ErrorCodes.StaleEtag"/>).
        /// </summary>
        public static void RequireIfMatch(RequestContext context, JsonObject resource)
        {
            var ifMatch = context.Request.Header("If-Match");
            if (string.IsNullOrWhiteSpace(ifMatch))
            {
                throw EmulatorError.BadRequest(ErrorCodes.IfMatchMissing, "The header 'If-Match' is missing in the request. Please provide the header with the resource's etag and try again.");
            }

            CheckIfMatch(ifMatch!, resource);
        }

        /// <summary>The optional form (actions): only a given <c>If-Match</c> is checked.</summary>
        public static void CheckOptionalIfMatch(RequestContext context, JsonObject resource)
        {
            if (context.Request.Header("If-Match") is string ifMatch && ifMatch.Trim().Length > 0)
            {
                CheckIfMatch(ifMatch, resource);
            }
        }

        private static void CheckIfMatch(string ifMatch, JsonObject resource)
        {
            var current = JsonFields.Text(resource["etag"]);
            if (!string.Equals(ifMatch.Trim(), current, StringComparison.Ordinal))
            {
                throw new EmulatorError(412, ErrorCodes.StaleEtag, "Version not matching",
                    "The supplied version '" + Excerpt.Of(ifMatch.Trim()) + "' does not match the current version " + current + " on entity '" + JsonFields.Text(resource["id"])
                    + "'. Please ensure that the supplied version matches the current version on entity and try again.");
            }
        }
    }
}
