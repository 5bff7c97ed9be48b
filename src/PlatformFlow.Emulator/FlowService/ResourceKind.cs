using System.Collections.Generic;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>One kind of stored Flow Service resource: where it lives, what it is called in messages, what PATCH may change.</summary>
    internal sealed class ResourceKind
    {
        public static readonly ResourceKind Connection = new ResourceKind("connections", "connection", "/connections", "/name", "/description", "/auth/params");

        public static readonly ResourceKind SourceConnection = new ResourceKind("sourceConnections", "source connection", "/sourceConnections", "/name", "/description", "/data", "/params");

        public static readonly ResourceKind TargetConnection = new ResourceKind("targetConnections", "target connection", "/targetConnections", "/name", "/description", "/data", "/params");

        public static readonly ResourceKind Flow = new ResourceKind("flows", "flows", "/flows", "/name", "/description", "/scheduleParams", "/transformations", "/options");

        public static readonly ResourceKind Run = new ResourceKind("runs", "runs", "/runs");

        private ResourceKind(string collection, string noun, string listPath, params string[] patchPaths)
        {
            Collection = collection;
            Noun = noun;
            ListPath = listPath;
            PatchPaths = patchPaths;
        }

        /// <summary>The sandbox collection, keyed by the resource's id.</summary>
        public string Collection { get; }

        public string Noun { get; }

        /// <summary>The list's path relative to the service base, for next-page links.</summary>
        public string ListPath { get; }

        /// <summary>JSON Pointers a PATCH may change, each with everything under it.</summary>
        public IReadOnlyCollection<string> PatchPaths { get; }
    }
}
