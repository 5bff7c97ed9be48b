using System;
using System.Linq;
using System.Management.Automation;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Sessions;
using PlatformFlow.Completion;
using PlatformFlow.Emulator;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Signs in to Adobe Experience Platform (or the built-in emulator) and makes that context current.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Platform", DefaultParameterSetName = ClientSecretSet, HelpUri = HelpLinks.Cmdlets + "Connect-Platform.md")]
    [OutputType(typeof(PlatformContext))]
    public sealed class ConnectPlatformCommand : AsyncCmdlet
    {
        private const string EmulatorSet = "Emulator";
        private const string ClientSecretSet = "ClientSecret";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";
        private const string FromEnvironmentSet = "FromEnvironment";

        /// <summary>The environment variables -FromEnvironment reads (documented in Connect-Platform's help).</summary>
        internal const string ClientIdVariable = "PLATFORMFLOW_CLIENT_ID";
        internal const string ClientSecretVariable = "PLATFORMFLOW_CLIENT_SECRET";
        internal const string OrgIdVariable = "PLATFORMFLOW_ORG_ID";
        internal const string SandboxVariable = "PLATFORMFLOW_SANDBOX";
        internal const string EnvironmentVariable = "PLATFORMFLOW_ENVIRONMENT";
        internal const string BaseUriVariable = "PLATFORMFLOW_BASE_URI";
        internal const string ScopeVariable = "PLATFORMFLOW_SCOPE";

        /// <summary>Use the in-process emulator: no network, no setup.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>With -Emulator: start from an empty emulator, to rehearse again from scratch in the same session.</summary>
        [Parameter(ParameterSetName = EmulatorSet)]
        public SwitchParameter Reset { get; set; }

        /// <summary>
        /// OAuth server-to-server sign-in from environment variables (runbooks, CI): PLATFORMFLOW_CLIENT_ID,
        /// PLATFORMFLOW_CLIENT_SECRET and PLATFORMFLOW_ORG_ID, optionally PLATFORMFLOW_SANDBOX, PLATFORMFLOW_ENVIRONMENT,
        /// PLATFORMFLOW_BASE_URI and PLATFORMFLOW_SCOPE. Their values are never shown.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = FromEnvironmentSet)]
        public SwitchParameter FromEnvironment { get; set; }

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
        [ArgumentCompleter(typeof(SandboxNameCompleter))]
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
            try
            {
                Connect();
            }
            catch
            {
                PlatformContexts.ClearCurrent();
                throw;
            }
        }

        private void Connect()
        {
            if (FromEnvironment)
            {
                ReadEnvironment();
            }

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

        /// <summary>
        /// Fills the OAuth parameters from the PLATFORMFLOW_* variables; an explicit -Sandbox wins over PLATFORMFLOW_SANDBOX.
        /// A missing or unusable variable is a terminating error that names the variable, never its value.
        /// </summary>
        private void ReadEnvironment()
        {
            // Names and URLs are trimmed; the secret is taken exactly as set.
            string? Raw(string name) => System.Environment.GetEnvironmentVariable(name) is string value && value.Trim().Length > 0 ? value : null;
            string? Read(string name) => Raw(name)?.Trim();

            var missing = new[] { ClientIdVariable, ClientSecretVariable, OrgIdVariable }.Where(name => Read(name) is null).ToList();
            if (missing.Count > 0)
            {
                ThrowEnvironmentError<string>("MissingEnvironmentVariable", "Connect-Platform -FromEnvironment needs the environment variable(s) " + string.Join(", ", missing) + " (and takes " + SandboxVariable + ", " + EnvironmentVariable + ", " + BaseUriVariable + " and " + ScopeVariable + " when set).");
            }

            ClientId = Read(ClientIdVariable)!;
            ClientSecret = Protect(Raw(ClientSecretVariable)!);
            OrgId = Read(OrgIdVariable)!;
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Sandbox)) && Read(SandboxVariable) is string sandbox)
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(sandbox, "^[a-z0-9-]+$"))
                {
                    ThrowEnvironmentError<string>("InvalidEnvironmentVariable", SandboxVariable + " must be a sandbox name in lower case (letters, digits and dashes).");
                }

                Sandbox = sandbox;
            }

            if (Read(EnvironmentVariable) is string environment)
            {
                Environment = environment.Equals("Stage", StringComparison.OrdinalIgnoreCase) ? "Stage"
                    : environment.Equals("Production", StringComparison.OrdinalIgnoreCase) ? "Production"
                    : ThrowEnvironmentError<string>("InvalidEnvironmentVariable", EnvironmentVariable + " must be Production or Stage.");
            }

            if (Read(BaseUriVariable) is string baseUri)
            {
                BaseUri = Uri.TryCreate(baseUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    ? uri
                    : ThrowEnvironmentError<Uri>("InvalidEnvironmentVariable", BaseUriVariable + " must be an absolute http(s) URL.");
            }

            if (Read(ScopeVariable) is string scope)
            {
                Scope = scope.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            }
        }

        private static System.Security.SecureString Protect(string secret)
        {
            var protectedSecret = new System.Security.SecureString();
            foreach (var character in secret)
            {
                protectedSecret.AppendChar(character);
            }

            protectedSecret.MakeReadOnly();
            return protectedSecret;
        }

        /// <summary>Stops the command (ThrowTerminatingError does not return); typed so it can stand in an expression.</summary>
        private T ThrowEnvironmentError<T>(string errorId, string message)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), errorId, ErrorCategory.InvalidArgument, null));
            return default!;
        }
    }
}
