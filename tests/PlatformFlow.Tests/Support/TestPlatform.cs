using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Models;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Tests.Support
{
    /// <summary>A fresh emulator and a client signed in to it, in process, through the client's real handler chain.</summary>
    public sealed class TestPlatform : IDisposable
    {
        public const string ClientId = "test-client";
        public const string ClientSecret = "test-secret-value-7f3a";
        public const string OrgId = "TESTORG0000000000000000@AdobeOrg";
        public static readonly Uri Gateway = new Uri("https://platform.test");

        public TestPlatform(EmulatorOptions? emulator = null, RetryOptions? retry = null, TimeProvider? clientClock = null, string sandbox = "prod")
        {
            var options = emulator ?? new EmulatorOptions();
            options.Credentials ??= new EmulatorCredentials(ClientId, ClientSecret);
            Engine = new EmulatorEngine(options);
            Client = NewClient(Engine, retry, clientClock, sandbox);
        }

        /// <summary>Another session on an existing engine: a client that remembers nothing, as a new process would.</summary>
        public TestPlatform(EmulatorEngine engine)
        {
            Engine = engine;
            Client = NewClient(engine);
        }

        public EmulatorEngine Engine { get; }

        public PlatformClient Client { get; }

        /// <summary>Retries that wait a millisecond or so, within a budget a busy machine cannot exhaust by accident: enough to exercise the policy, not to slow the suite.</summary>
        public static RetryOptions QuickRetry => new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20), Budget = TimeSpan.FromSeconds(10) };

        /// <param name="wrap">A handler around the emulator's, for tests that change answers on the way (see <see cref="AnswerRewriter"/>).</param>
        public static PlatformClient NewClient(EmulatorEngine engine, RetryOptions? retry = null, TimeProvider? clock = null, string sandbox = "prod", string secret = ClientSecret, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null) =>
            new PlatformClient(new PlatformClientOptions
            {
                BaseUri = Gateway,
                OrgId = OrgId,
                Sandbox = sandbox,
                Credentials = new ImsCredentials(ClientId, secret, null, Gateway),
                PrimaryHandler = () => wrap is null ? new EmulatorHttpMessageHandler(engine) : wrap(new EmulatorHttpMessageHandler(engine)),
                Retry = retry ?? QuickRetry,
                Clock = clock ?? TimeProvider.System,
            });

        /// <summary>
        /// A client with a ready token whose innermost handler is <paramref name="wrap"/> around the emulator's: for tests
        /// that change answers on the way (lost answers, other shapes of the same answer).
        /// </summary>
        public static PlatformClient NewClientThrough(EmulatorEngine engine, Func<HttpMessageHandler, HttpMessageHandler> wrap, TimeProvider? clock = null, RetryOptions? retry = null) =>
            new PlatformClient(new PlatformClientOptions
            {
                BaseUri = Gateway,
                OrgId = OrgId,
                AccessToken = "any-token",
                ApiKey = ClientId,
                PrimaryHandler = () => wrap(new EmulatorHttpMessageHandler(engine)),
                Retry = retry ?? QuickRetry,
                Clock = clock ?? TimeProvider.System,
            });

        /// <summary>A Shopify base connection the platform accepts (the auth spec's name read from the platform).</summary>
        /// <param name="accessToken">The shop's token; the emulator's sources refuse one starting with <c>invalid</c>.</param>
        public static async Task<BaseConnectionRequest> ShopifyConnectionAsync(PlatformClient client, string name, string accessToken = "shpat-1")
        {
            var spec = await client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId);
            return new BaseConnectionRequest
            {
                Name = name,
                Auth = new ConnectionAuth { SpecName = spec.AuthSpec![0].Name, ParamsJson = new JsonObject { ["host"] = "shop.example", ["accessToken"] = accessToken } },
                ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
            };
        }

        /// <summary>Creates <see cref="ShopifyConnectionAsync"/>'s base connection on the platform.</summary>
        public static async Task<ResourceWriteResult> CreateShopifyConnectionAsync(PlatformClient client, string name, string accessToken = "shpat-1") =>
            await client.FlowService.BaseConnections.CreateAsync(await ShopifyConnectionAsync(client, name, accessToken));

        public void Dispose() => Client.Dispose();
    }
}
