using System;

namespace PlatformFlow.Client.Sessions
{
    /// <summary>
    /// A signed-in context (<c>Connect-Platform</c>): which org, sandbox and gateway, and the one shared connection to it.
    /// Pass it with <c>-Context</c> to work with two orgs or sandboxes in one script.
    /// </summary>
    public sealed class PlatformContext : IDisposable
    {
        public PlatformContext(PlatformClient client, string environment, string authenticationType, DateTimeOffset connectedAt)
        {
            Client = client;
            Environment = environment;
            AuthenticationType = authenticationType;
            ConnectedAt = connectedAt;
        }

        /// <summary><c>Production</c>, <c>Stage</c>, <c>Emulator</c> or <c>Custom</c>.</summary>
        public string Environment { get; }

        public Uri BaseUri => Client.Options.BaseUri;

        public string OrgId => Client.Settings.OrgId;

        public string Sandbox => Client.Settings.Sandbox;

        /// <summary>The client id (<c>x-api-key</c>); not a secret.</summary>
        public string ClientId => Client.Settings.ApiKey;

        /// <summary><c>OAuthServerToServer</c> or <c>AccessToken</c>.</summary>
        public string AuthenticationType { get; }

        public DateTimeOffset ConnectedAt { get; }

        public bool IsDisconnected { get; private set; }

        /// <summary>True for the context commands use when they are given no <c>-Context</c>.</summary>
        public bool IsCurrent => ReferenceEquals(PlatformContexts.Current, this);

        /// <summary>The connection: shared by every command and runspace that uses this context.</summary>
        public PlatformClient Client { get; }

        public void Dispose()
        {
            IsDisconnected = true;
            Client.Dispose();
        }

        public override string ToString() => Sandbox + " @ " + OrgId + " (" + Environment + ")";
    }
}
