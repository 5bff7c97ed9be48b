
namespace PlatformFlow.Emulator.Engine
{
    /// <summary>One request the emulator answered.</summary>
    public sealed class JournalEntry
    {
        /// <param name="isWrite">Whether the route can change state; by default every method but GET and HEAD.</param>
        public JournalEntry(string method, string path, string? sandbox, int status, bool? isWrite = null)
        {
            Method = method;
            Path = path;
            Sandbox = sandbox;
            Status = status;
            IsWrite = isWrite ?? (method != "GET" && method != "HEAD");
        }

        public string Method { get; }

        public string Path { get; }

        public string? Sandbox { get; }

        public int Status { get; }

        /// <summary>
        /// True for requests that can change state: every method but GET and HEAD, except the POSTs that only check or compute
        /// (Data Prep's <c>/mappingSets/validate</c>, <c>/mappingSets/preview</c>, <c>/languages/el/validate</c>).
        /// </summary>
        public bool IsWrite { get; }

        public override string ToString() => Method + " " + Path + " -> " + Status;
    }
}
