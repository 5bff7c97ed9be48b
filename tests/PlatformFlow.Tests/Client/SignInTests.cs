using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Errors;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>Sign-in proves the credentials and the sandbox with one cheap call, so a mistake fails there, not later.</summary>
    public sealed class SignInTests
    {
        [Fact]
        public async Task A_token_the_gateway_refuses_fails_at_sign_in()
        {
            using var platform = new TestPlatform();
            using var client = new PlatformClient(new PlatformClientOptions
            {
                BaseUri = TestPlatform.Gateway,
                OrgId = TestPlatform.OrgId,
                AccessToken = "not-a-token-the-platform-issued",
                ApiKey = TestPlatform.ClientId,
                PrimaryHandler = () => new EmulatorHttpMessageHandler(platform.Engine),
                Retry = TestPlatform.QuickRetry,
            });

            var refused = await Assert.ThrowsAsync<PlatformException>(() => client.SignInAsync(CancellationToken.None));

            Assert.Equal(401, refused.StatusCode);
            Assert.Equal("401013", refused.ErrorCode);
        }

        [Fact]
        public async Task An_unknown_sandbox_fails_at_sign_in()
        {
            using var platform = new TestPlatform();
            using var client = TestPlatform.NewClient(platform.Engine, sandbox: "nosuch");

            var refused = await Assert.ThrowsAsync<PlatformException>(() => client.SignInAsync(CancellationToken.None));

            Assert.Equal(404, refused.StatusCode);
            Assert.Equal("FLOW-2100-404", refused.ErrorCode);
            Assert.Contains("Sandbox 'nosuch' does not exist", refused.Message);
        }

        [Fact]
        public async Task A_good_sign_in_costs_one_token_and_one_page_of_one_flow_spec()
        {
            using var platform = new TestPlatform();
            var mark = platform.Engine.Journal.Total;

            await platform.Client.SignInAsync(CancellationToken.None);

            var calls = platform.Engine.Journal.Since(mark);
            Assert.Equal(new[] { "POST /ims/token/v3", "GET /data/foundation/flowservice/flowSpecs" }, calls.Select(c => c.Method + " " + c.Path));
            Assert.All(calls, c => Assert.Equal(200, c.Status));
        }
    }
}
