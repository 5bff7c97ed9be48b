using System.Collections;

namespace PlatformFlow.Client.Inputs
{
    public sealed class BaseConnectionInput
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>A connection spec id or name, e.g. <c>Shopify</c>.</summary>
        public string ConnectionSpec { get; set; } = string.Empty;

        /// <summary>The auth spec to use; the spec's first one when null.</summary>
        public string? AuthSpecName { get; set; }

        /// <summary>The auth parameters (e.g. host, accessToken); SecureString values are sent as text and never shown.</summary>
        public IDictionary? Parameters { get; set; }

        public string? Description { get; set; }

        /// <summary>The pipeline input this came from, for error records.</summary>
        public object? Target { get; set; }
    }
}
