using System;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// Thrown by a route handler to answer with a platform error. The engine renders it in the error body shape of the
    /// service that served the route (see <see cref="ErrorStyle"/>).
    /// </summary>
    public sealed class EmulatorError : Exception
    {
        /// <param name="status">HTTP status.</param>
        /// <param name="code">The platform code without service prefix, e.g. <c>1439-404</c>; see <see cref="ErrorCodes"/>.</param>
        /// <param name="title">Short title.</param>
        /// <param name="detail">What exactly was wrong, naming the field or id.</param>
        public EmulatorError(int status, string code, string title, string detail)
            : base(Bounded(detail))
        {
            Status = status;
            Code = code;
            Title = title;
            Detail = Bounded(detail);
        }

        /// <summary>The longest detail an answer carries: messages quote short excerpts, and this bounds any that quotes more.</summary>
        public const int MaxDetailLength = 2000;

        public int Status { get; }

        public string Code { get; }

        public string Title { get; }

        public string Detail { get; }

        private static string Bounded(string detail) =>
            detail.Length <= MaxDetailLength ? detail : detail.Substring(0, MaxDetailLength) + "… (" + detail.Length + " characters in all)";

        public static EmulatorError BadRequest(string code, string detail) => new EmulatorError(400, code, "Bad Request", detail);

        public static EmulatorError NotFound(string code, string detail) => new EmulatorError(404, code, "Not Found", detail);

        public static EmulatorError Conflict(string code, string detail) => new EmulatorError(409, code, "Conflict", detail);
    }
}
