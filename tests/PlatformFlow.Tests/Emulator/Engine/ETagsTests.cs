using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>Entity tags in the platform's form and the If-Match rule of updates and actions.</summary>
    public sealed class ETagsTests
    {
        private const string Current = "\"10000001-0000-0200-0000-5fa9be720000\"";
        private static readonly JsonObject Resource = new JsonObject { ["id"] = "flow-1", ["etag"] = Current };

        [Fact]
        public void A_new_etag_is_a_quoted_serial_then_the_epoch_seconds_in_hex()
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(0x5fa9be72);

            var first = ETags.New(at);
            var second = ETags.New(at);

            Assert.Matches("^\"[0-9a-f]{8}-0000-0200-0000-5fa9be720000\"$", first);
            Assert.Equal(Convert.ToInt64(first.Substring(1, 8), 16) + 1, Convert.ToInt64(second.Substring(1, 8), 16));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void An_update_without_If_Match_is_a_400(string? ifMatch)
        {
            var refusal = Assert.Throws<EmulatorError>(() => ETags.RequireIfMatch(Context(ifMatch), Resource));

            Assert.Equal((400, "1403-400", "The header 'If-Match' is missing in the request. Please provide the header with the resource's etag and try again."), (refusal.Status, refusal.Code, refusal.Detail));
        }

        [Fact]
        public void An_If_Match_other_than_the_current_etag_is_a_412_naming_both()
        {
            var stale = "\"10000000-0000-0200-0000-5fa9be720000\"";

            foreach (var check in new Action<RequestContext, JsonObject>[] { ETags.RequireIfMatch, ETags.CheckOptionalIfMatch })
            {
                var refusal = Assert.Throws<EmulatorError>(() => check(Context(" " + stale + " "), Resource));
                Assert.Equal((412, "1404-412", "Version not matching"), (refusal.Status, refusal.Code, refusal.Title));
                Assert.Equal("The supplied version '" + stale + "' does not match the current version " + Current + " on entity 'flow-1'. Please ensure that the supplied version matches the current version on entity and try again.", refusal.Detail);
            }
        }

        [Fact]
        public void The_current_etag_passes_with_or_without_surrounding_spaces()
        {
            ETags.RequireIfMatch(Context(Current), Resource);
            ETags.RequireIfMatch(Context(" " + Current + " "), Resource);
            ETags.CheckOptionalIfMatch(Context(" " + Current), Resource);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void An_action_without_If_Match_is_not_checked(string? ifMatch)
        {
            ETags.CheckOptionalIfMatch(Context(ifMatch), Resource);
        }

        [Fact]
        public void An_etag_differing_only_in_case_is_stale()
        {
            Assert.Equal(412, Assert.Throws<EmulatorError>(() => ETags.RequireIfMatch(Context(Current.ToUpperInvariant()), Resource)).Status);
        }

        private static RequestContext Context(string? ifMatch)
        {
            var headers = new Dictionary<string, string>();
            if (ifMatch != null)
            {
                headers["If-Match"] = ifMatch;
            }

            return RequestContexts.For("PATCH", "/flows/flow-1", headers);
        }
    }
}
