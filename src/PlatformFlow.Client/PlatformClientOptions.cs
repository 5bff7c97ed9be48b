using System;
using System.Net.Http;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;

namespace PlatformFlow.Client
{
    /// <summary>Everything a signed-in context needs: where, who, which sandbox, and how to authenticate.</summary>
    public sealed class PlatformClientOptions
    {
        /// <summary>The gateway, e.g. <see cref="PlatformEnvironments.Production"/> or an emulator's URL.</summary>
        public Uri BaseUri { get; set; } = PlatformEnvironments.Production;

        public string OrgId { get; set; } = string.Empty;

        /// <summary>Sandbox name, lower case (the platform's names are).</summary>
        public string Sandbox { get; set; } = "prod";

        /// <summary>OAuth server-to-server credentials; or leave null and give <see cref="AccessToken"/>.</summary>
        public ImsCredentials? Credentials { get; set; }

        /// <summary>A ready access token, used as is.</summary>
        public string? AccessToken { get; set; }

        /// <summary>The <c>x-api-key</c>: the client id. Defaults to <see cref="ImsCredentials.ClientId"/>.</summary>
        public string? ApiKey { get; set; }

        public RetryOptions Retry { get; set; } = new RetryOptions();

        /// <summary>How long signing in (a token, then one cheap call) may take, retries included, before it fails.</summary>
        public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// How long reads that do not change within a run (datasets, table columns, schema fields, flow specs, the names of
        /// the flow parts) are shared by every command and runspace of the context before they are read again. This
        /// module's own writes update or drop them at once.
        /// </summary>
        public TimeSpan ReadCacheLifetime { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// Requests in flight at once on this context, across all its commands and runspaces (more wait for a free slot),
        /// so -ThrottleLimit in several runspaces cannot flood the platform.
        /// </summary>
        public int MaxConcurrentRequests { get; set; } = 32;

        /// <summary>The clock for token renewal and retry waits; tests pass a controllable one.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>
        /// The innermost handler, when not the network: the in-process emulator's handler. The rest of the pipeline
        /// (headers, retry, tracing) is the same either way.
        /// </summary>
        public Func<HttpMessageHandler>? PrimaryHandler { get; set; }

        /// <summary>A copy without <see cref="AccessToken"/>, to keep where a user can look (the token lives in the token source).</summary>
        internal PlatformClientOptions WithoutAccessToken()
        {
            var copy = (PlatformClientOptions)MemberwiseClone();
            copy.AccessToken = null;
            return copy;
        }
    }
}
