using System;
using PlatformFlow.Emulator.Host;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Host
{
    public sealed class HostOptionsTests
    {
        [Fact]
        public void Defaults_are_port_5055_and_the_prod_and_dev_sandboxes_without_credentials()
        {
            var options = HostOptions.Parse(Array.Empty<string>());

            Assert.Equal(5055, options.Port);
            Assert.Equal(new[] { "prod", "dev" }, options.Emulator.Sandboxes);
            Assert.Null(options.Emulator.Credentials);
            Assert.False(options.ShowHelp);
        }

        [Fact]
        public void Every_option_reaches_the_emulator_options()
        {
            var options = HostOptions.Parse(new[]
            {
                "--port", "0", "--sandbox", "prod,qa", "--client-id", "id", "--tenant", "acme",
                "--throttle-rate", "0.25", "--unavailable-rate", "0.1", "--retry-after", "3", "--latency-ms", "40", "--seed", "7",
                "--run-queued", "1", "--run-duration", "4", "--token-lifetime", "8",
            }, name => name == HostOptions.ClientSecretVariable ? "secret" : null);

            Assert.Equal(0, options.Port);
            Assert.Equal(new[] { "prod", "qa" }, options.Emulator.Sandboxes);
            Assert.Equal("id", options.Emulator.Credentials!.ClientId);
            Assert.Equal("secret", options.Emulator.Credentials.ClientSecret);
            Assert.Equal("acme", options.Emulator.TenantId);
            Assert.Equal(0.25, options.Emulator.Faults.ThrottleRate);
            Assert.Equal(0.1, options.Emulator.Faults.UnavailableRate);
            Assert.Equal(3, options.Emulator.Faults.RetryAfterSeconds);
            Assert.Equal(TimeSpan.FromMilliseconds(40), options.Emulator.Faults.Latency);
            Assert.Equal(7, options.Emulator.Faults.Seed);
            Assert.Equal(TimeSpan.FromSeconds(1), options.Emulator.RunQueuedFor);
            Assert.Equal(TimeSpan.FromSeconds(4), options.Emulator.RunDuration);
            Assert.Equal(TimeSpan.FromSeconds(8), options.Emulator.TokenLifetime);
        }

        [Fact]
        public void The_client_secret_comes_from_a_file_and_never_from_the_command_line()
        {
            var file = System.IO.Path.GetTempFileName();
            try
            {
                System.IO.File.WriteAllText(file, "from-the-file\n");
                var options = HostOptions.Parse(new[] { "--client-id", "id", "--client-secret-file", file }, name => "from-the-environment");
                Assert.Equal("from-the-file", options.Emulator.Credentials!.ClientSecret);
            }
            finally
            {
                System.IO.File.Delete(file);
            }

            var refused = Assert.Throws<FormatException>(() => HostOptions.Parse(new[] { "--client-id", "id", "--client-secret", "shown-in-ps" }, name => null));
            Assert.Contains("process list", refused.Message);
            Assert.DoesNotContain("shown-in-ps", refused.Message);
            var missing = Assert.Throws<FormatException>(() => HostOptions.Parse(new[] { "--client-id", "id" }, name => null));
            Assert.Contains(HostOptions.ClientSecretVariable, missing.Message);
        }

        [Fact]
        public void Help_is_recognized()
        {
            Assert.True(HostOptions.Parse(new[] { "--help" }).ShowHelp);
            Assert.Contains("--throttle-rate", HostOptions.Usage);
        }

        [Theory]
        [InlineData("--port", "70000")]
        [InlineData("--sandbox", "Prod")]
        [InlineData("--throttle-rate", "1.5")]
        [InlineData("--client-id", "only-the-id")]
        [InlineData("--run-duration", "-1")]
        [InlineData("--token-lifetime", "0")]
        [InlineData("--colour", "blue")]
        [InlineData("--port")]
        public void Bad_arguments_say_what_is_wrong(params string[] args)
        {
            var error = Assert.Throws<FormatException>(() => HostOptions.Parse(args, name => null));

            Assert.Contains(args[0], error.Message);
        }
    }
}
