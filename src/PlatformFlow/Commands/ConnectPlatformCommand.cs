using System;
using System.Management.Automation;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Sessions;
using PlatformFlow.Emulator;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Signs in to Adobe Experience Platform (or the built-in emulator) and makes that context current.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Platform", DefaultParameterSetName = ClientSecretSet)]
    [OutputType(typeof(PlatformContext))]
    public sealed class ConnectPlatformCommand : AsyncCmdlet
    {
        private const string EmulatorSet = "Emulator";
        private const string ClientSecretSet = "ClientSecret";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";

        /// <summary>Use the in-process emulator: no network, no setup.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>With -Emulator: start from an empty emulator, to rehearse again from scratch in the same session.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public SwitchParameter Reset { get; set; }

        /// <summary>The OAuth client id (also sent as x-api-key).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [Alias("ApiKey")]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [ValidateNotNull]
        public System.Security.SecureString? ClientSecret { get; set; }

        /// <summary>The client id as user name and the client secret as password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>A ready access token (without "Bearer ").</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public System.Security.SecureString? AccessToken { get; set; }

        /// <summary>The IMS organization id (x-gw-ims-org-id), e.g. 7DC732555AECDB4C0A494036@AdobeOrg.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNullOrEmpty]
        public string OrgId { get; set; } = string.Empty;

        /// <summary>OAuth scopes (comma-separated when sent).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public string[]? Scope { get; set; }

        /// <summary>The sandbox (lower case), prod by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidatePattern("^[a-z0-9-]+$")]
        public string Sandbox { get; set; } = "prod";

        /// <summary>Production or Stage (ignored when -BaseUri is given).</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateSet("Production", "Stage")]
        public string Environment { get; set; } = "Production";

        /// <summary>Any gateway URL, e.g. a standalone emulator's http://127.0.0.1:5055.</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        public Uri? BaseUri { get; set; }

        /// <summary>The IMS host; with -BaseUri it defaults to the same host.</summary>
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public Uri? ImsUri { get; set; }

        /// <summary>The longest Retry-After the context waits for, in seconds; a longer one fails the call at once.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int MaxRetryAfterSeconds { get; set; } = (int)RetryOptions.DefaultMaxRetryAfter.TotalSeconds;

        /// <summary>How long one call may take with its retries, in seconds; 0 turns retries off.</summary>
        [Parameter]
        [ValidateRange(0, 604800)]
        public int RetryBudgetSeconds { get; set; } = (int)RetryOptions.DefaultBudget.TotalSeconds;

        protected override void EndProcessing()
        {
            PlatformClientOptions options;
            string environment;
            EmulatorEngine? emulatorEngine = null;
            switch (ParameterSetName)
            {
                case EmulatorSet:
                    var engine = emulatorEngine = Reset ? EmbeddedEmulator.StartNew() : EmbeddedEmulator.Engine;
                    environment = "Emulator";
                    options = new PlatformClientOptions
                    {
                        BaseUri = EmbeddedEmulator.BaseUri,
                        OrgId = EmbeddedEmulator.OrgId,
                        Credentials = new ImsCredentials(EmbeddedEmulator.ClientId, EmbeddedEmulator.ClientSecret, null, EmbeddedEmulator.BaseUri),
                        PrimaryHandler = () => new EmulatorHttpMessageHandler(engine),
                    };
                    break;
                case AccessTokenSet:
                    environment = BaseUri is null ? Environment : "Custom";
                    options = new PlatformClientOptions
                    {
                        BaseUri = BaseUri ?? PlatformEnvironments.Resolve(Environment).Gateway,
                        OrgId = OrgId,
                        AccessToken = SecretText.Reveal(AccessToken!),
                        ApiKey = ClientId,
                    };
                    break;
                default:
                    environment = BaseUri is null ? Environment : "Custom";
                    var hosts = PlatformEnvironments.Resolve(Environment);
                    var clientId = Credential?.UserName ?? ClientId;
                    var secret = Credential != null ? Credential.GetNetworkCredential().Password : SecretText.Reveal(ClientSecret!);
                    options = new PlatformClientOptions
                    {
                        BaseUri = BaseUri ?? hosts.Gateway,
                        OrgId = OrgId,
                        Credentials = new ImsCredentials(clientId, secret, Scope, ImsUri ?? (BaseUri is null ? hosts.Ims : new Uri(BaseUri.GetLeftPart(UriPartial.Authority)))),
                    };
                    break;
            }

            options.Sandbox = Sandbox;
            options.Retry = new RetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(MaxRetryAfterSeconds), Budget = TimeSpan.FromSeconds(RetryBudgetSeconds) };
            var context = new PlatformContext(new PlatformClient(options), environment, options.Credentials != null ? "OAuthServerToServer" : "AccessToken", DateTimeOffset.UtcNow);
            try
            {
                // Fail here, not at the first command, when the credentials are wrong.
                Run(host => context.Client.SignInAsync(host.Cancellation));
            }
            catch
            {
                context.Dispose();
                throw;
            }

            PlatformContexts.SetCurrent(context);
            if (emulatorEngine != null)
            {
                // The engine this context talks to (its request journal, its sandboxes), reachable from scripts without
                // naming the emulator's types, which live in the module's own load context.
                PSObject.AsPSObject(context).Properties.Add(new PSNoteProperty("Emulator", emulatorEngine));
            }

            WriteVerbose("Connected to " + context.BaseUri + " as " + context.ClientId + ", sandbox " + context.Sandbox + ".");
            WriteObject(context);
        }
    }
}
