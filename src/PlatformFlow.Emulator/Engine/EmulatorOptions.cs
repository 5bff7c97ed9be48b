using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class EmulatorOptions
    {
        /// <summary>Sandbox names the emulator knows (contract: <c>prod</c> and <c>dev</c> unless started with others).</summary>
        public IReadOnlyList<string> Sandboxes { get; set; } = new[] { "prod", "dev" };

        /// <summary>
        /// When set, the IMS endpoint issues tokens only for this client id and secret, and platform calls need one of
        /// those tokens (unexpired) and <c>x-api-key</c> equal to the client id. When null, any client gets a token and
        /// any non-empty bearer token is accepted.
        /// </summary>
        public EmulatorCredentials? Credentials { get; set; }

        /// <summary>Lifetime of the tokens the IMS endpoint issues (the platform's is about a day).</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

        /// <summary>The tenant namespace used in schema ids: <c>https://ns.adobe.com/{TenantId}/schemas/...</c>.</summary>
        public string TenantId { get; set; } = "platformflow";

        /// <summary>The emulator's clock: run scheduling and token expiry read it. Tests pass a manual clock.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>How long a new run stays <c>QUEUED</c> before it starts.</summary>
        public TimeSpan RunQueuedFor { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a started run stays <c>IN_PROGRESS</c> before its final status.</summary>
        public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(60);

        public FaultOptions Faults { get; set; } = new FaultOptions();
    }
}
