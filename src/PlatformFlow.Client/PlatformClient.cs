using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;

namespace PlatformFlow.Client
{
    /// <summary>
    /// One signed-in context's connection to the platform: a single HTTP stack (IHttpClientFactory with the handler chain
    /// Polly retry → platform headers (per attempt) → concurrency limit → trace → network or emulator), shared and thread-safe, so every runspace of
    /// <c>ForEach-Object -Parallel</c> can use it. Dispose it on disconnect.
    /// </summary>
    public sealed class PlatformClient : IDisposable
    {
        private static int _instances;
        private readonly ServiceProvider _services;
        private readonly IHttpClientFactory _factory;
        private readonly string _platformClientName;
        private readonly string _imsClientName;
        private readonly HttpClientLease _platformClient;

        public PlatformClient(PlatformClientOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.OrgId))
            {
                throw new ArgumentException("An org id (x-gw-ims-org-id) is required.", nameof(options));
            }

            if (string.IsNullOrWhiteSpace(options.Sandbox))
            {
                throw new ArgumentException("A sandbox name is required.", nameof(options));
            }

            var instance = Interlocked.Increment(ref _instances);
            _platformClientName = "PlatformFlow.Platform." + instance;
            _imsClientName = "PlatformFlow.Ims." + instance;
            Options = options.WithoutAccessToken();

            IAccessTokenSource tokens;
            string apiKey;
            if (options.Credentials != null)
            {
                // The IMS client comes from the same factory, created on first use (after the factory exists).
                tokens = new ImsTokenSource(options.Credentials, CreateImsClient, options.Clock);
                apiKey = options.ApiKey ?? options.Credentials.ClientId;
            }
            else if (!string.IsNullOrWhiteSpace(options.AccessToken))
            {
                tokens = new StaticAccessTokenSource(options.AccessToken!);
                apiKey = options.ApiKey ?? throw new ArgumentException("With an access token, the API key (client id) is also required.", nameof(options));
            }
            else
            {
                throw new ArgumentException("Give either IMS credentials or an access token.", nameof(options));
            }

            Settings = new PlatformConnectionSettings(options.BaseUri, options.OrgId, options.Sandbox.Trim(), apiKey, tokens);

            if (options.MaxConcurrentRequests < 1)
            {
                throw new ArgumentException("MaxConcurrentRequests must be at least 1.", nameof(options));
            }

            // One limit of requests in flight for the context, shared by all its handlers and runspaces.
            var concurrency = new AdaptiveConcurrency(options.MaxConcurrentRequests, options.Clock);
            var services = new ServiceCollection();
            // RemoveAllLoggers: the factory's two logging handlers (a scope and a timer on every call) log to no one here;
            // -Verbose shows calls through HttpTraceHandler. Without them a POST allocates less (benchmark P2).
            var platform = services.AddHttpClient(_platformClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers()
                .AddHttpMessageHandler(() => new RetryHandler(options.Retry, options.Clock, concurrency))
                .AddHttpMessageHandler(() => new PlatformHeadersHandler(Settings))
                .AddHttpMessageHandler(() => new ConcurrencyLimitHandler(concurrency))
                .AddHttpMessageHandler(() => new HttpTraceHandler());
            var ims = services.AddHttpClient(_imsClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers()
                .AddHttpMessageHandler(() => new RetryHandler(options.Retry, options.Clock))
                .AddHttpMessageHandler(() => new HttpTraceHandler());
            if (options.PrimaryHandler != null)
            {
                platform.ConfigurePrimaryHttpMessageHandler(options.PrimaryHandler);
                ims.ConfigurePrimaryHttpMessageHandler(options.PrimaryHandler);
            }

            _services = services.BuildServiceProvider();
            _factory = _services.GetRequiredService<IHttpClientFactory>();
            _platformClient = new HttpClientLease(() => _factory.CreateClient(_platformClientName));
            var reads = new ReadCachePolicy(options.ReadCacheLifetime, options.Clock);
            FlowService = new FlowServiceClient(Http(FlowServiceClient.BasePath), reads);
            SchemaRegistry = new SchemaRegistryClient(Http(SchemaRegistryClient.BasePath), reads);
            Catalog = new CatalogClient(Http(CatalogClient.BasePath), reads);
            DataPrep = new DataPrepClient(Http(DataPrepClient.BasePath), reads);
            DataAccess = new DataAccessClient(Http(DataAccessClient.BasePath));
            Sandboxes = new SandboxClient(Http(SandboxClient.BasePath));
        }

        public PlatformClientOptions Options { get; }

        public PlatformConnectionSettings Settings { get; }

        public FlowServiceClient FlowService { get; }

        public SchemaRegistryClient SchemaRegistry { get; }

        public CatalogClient Catalog { get; }

        public DataPrepClient DataPrep { get; }

        public DataAccessClient DataAccess { get; }

        public SandboxClient Sandboxes { get; }

        /// <summary>Create-or-reuse makes parts with the same key one at a time on this context (<see cref="Parts.CreateOrReuse{T}"/>).</summary>
        public Parts.KeyedGate PartCreations { get; } = new Parts.KeyedGate();


        /// <summary>
        /// Gets a token and proves it with one cheap call in the sandbox (a one-item page of flow specs), so wrong
        /// credentials, a token the gateway refuses (401) or a sandbox the organization does not have (404) fail at
        /// sign-in, with the platform's error, rather than at the first command.
        /// </summary>
        public async Task SignInAsync(CancellationToken cancellationToken)
        {
            // Retries ride out passing failures for as long as the retry budget allows (minutes, for long work); a sign-in
            // that gets no answer in SignInTimeout is a wrong address or a gateway that is down, and says so at once.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Options.SignInTimeout);
            try
            {
                await Settings.Tokens.GetAccessTokenAsync(limit.Token).ConfigureAwait(false);
                await FlowService.ProveAccessAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException(
                    "Signing in to " + Options.BaseUri + " got no answer within " + Options.SignInTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " s (retried until then): check " + CmdletTerms.BaseUri + " and that the gateway and IMS are reachable.");
            }
        }

        public void Dispose() => _services.Dispose();

        private HttpClient CreateImsClient() => _factory.CreateClient(_imsClientName);

        /// <summary>The data collection endpoint of a streaming connection's inlet, at the host its <c>inletUrl</c> names.</summary>
        public StreamingInletClient Inlet(Uri inletUrl) =>
            new StreamingInletClient(new PlatformHttp(_platformClient, new Uri(inletUrl.GetLeftPart(UriPartial.Authority) + "/"), StreamingInletClient.BasePath), inletUrl);

        private PlatformHttp Http(string basePath) => new PlatformHttp(_platformClient, Options.BaseUri, basePath);
    }
}
