using System.Net.Http;

namespace PlatformFlow.Client.Errors
{
    /// <summary>
    /// A POST or PATCH whose request may have reached the platform but whose answer never came (connection lost after
    /// sending, no answer in time). It may have been applied, so it is not re-sent: the caller finds out, e.g. by looking
    /// the resource up by its key (see <see cref="RequestOutcome.MayHaveBeenApplied"/>).
    /// </summary>
    public sealed class OutcomeUnknownException : HttpRequestException
    {
        public OutcomeUnknownException(string method, string path, Exception failure)
            : base(method + " " + path + " got no answer (" + failure.Message + "); the platform may have applied it, so it was not sent again.", failure)
        {
            Method = method;
            Path = path;
        }

        public string Method { get; }

        /// <summary>The path called, without host or query.</summary>
        public string Path { get; }
    }
}
