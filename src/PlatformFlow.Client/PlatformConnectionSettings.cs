using System;
using PlatformFlow.Client.Auth;

namespace PlatformFlow.Client
{
    /// <summary>The resolved settings of a connection, as its HTTP handlers see them.</summary>
    public sealed class PlatformConnectionSettings
    {
        public PlatformConnectionSettings(Uri baseUri, string orgId, string sandbox, string apiKey, IAccessTokenSource tokens)
        {
            BaseUri = baseUri;
            OrgId = orgId;
            Sandbox = sandbox;
            ApiKey = apiKey;
            Tokens = tokens;
        }

        public Uri BaseUri { get; }

        public string OrgId { get; }

        public string Sandbox { get; }

        public string ApiKey { get; }

        public IAccessTokenSource Tokens { get; }
    }
}
