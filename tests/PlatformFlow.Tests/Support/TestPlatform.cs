using System;
using PlatformFlow.Client;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Http;
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

        /// <summary>Retries that wait a millisecond or so: enough to exercise the policy, not to slow the suite.</summary>
        public static RetryOptions QuickRetry => new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };

        public static PlatformClient NewClient(EmulatorEngine engine, RetryOptions? retry = null, TimeProvider? clock = null, string sandbox = "prod", string secret = ClientSecret) =>
            new PlatformClient(new PlatformClientOptions
            {
                BaseUri = Gateway,
                OrgId = OrgId,
                Sandbox = sandbox,
                Credentials = new ImsCredentials(ClientId, secret, null, Gateway),
                PrimaryHandler = () => new EmulatorHttpMessageHandler(engine),
                Retry = retry ?? QuickRetry,
                Clock = clock ?? TimeProvider.System,
            });

        public void Dispose() => Client.Dispose();
    }
}
