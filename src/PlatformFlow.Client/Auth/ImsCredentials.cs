using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Client.Auth
{
    /// <summary>OAuth server-to-server credentials for IMS. <see cref="ToString"/> never shows the secret.</summary>
    public sealed class ImsCredentials
    {
        public static readonly IReadOnlyList<string> DefaultScopes = new[] { "openid", "AdobeID", "read_organizations", "additional_info.projectedProductContext", "session" };

        public ImsCredentials(string clientId, string clientSecret, IEnumerable<string>? scopes = null, Uri? imsBaseUri = null)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("The client id is empty.", nameof(clientId));
            }

            if (string.IsNullOrEmpty(clientSecret))
            {
                throw new ArgumentException("The client secret is empty.", nameof(clientSecret));
            }

            ClientId = clientId;
            ClientSecret = clientSecret;
            Scopes = (scopes ?? DefaultScopes).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
            ImsBaseUri = imsBaseUri ?? PlatformEnvironments.ProductionIms;
        }

        public string ClientId { get; }

        internal string ClientSecret { get; }

        public IReadOnlyList<string> Scopes { get; }

        /// <summary>The IMS host, e.g. <c>https://ims-na1.adobelogin.com</c>; the token endpoint is <c>/ims/token/v3</c> under it.</summary>
        public Uri ImsBaseUri { get; }

        public override string ToString() => "ImsCredentials(" + ClientId + ", secret hidden)";
    }
}
