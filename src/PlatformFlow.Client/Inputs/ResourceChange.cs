using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Inputs
{
    /// <summary>What a Set-* cmdlet changes on one Flow Service resource; null members stay as they are.</summary>
    public class ResourceChange
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The etag the caller read it with (a piped object's <c>Etag</c>); the current one is fetched when null.</summary>
        public string? Etag { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        /// <summary>When someone else changed it meanwhile (a stale etag): read it again and retry once.</summary>
        public bool Force { get; set; }

        public object? Target { get; set; }

        /// <summary>The object the caller holds (a piped one): updated in place once the change is made, so it stays usable.</summary>
        public FlowServiceResource? Held { get; set; }

        /// <summary>Write the changed resource (-PassThru); nothing is written otherwise.</summary>
        public bool PassThru { get; set; }
    }
}
