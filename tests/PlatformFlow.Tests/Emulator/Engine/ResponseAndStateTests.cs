using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>The engine's small values: responses as written, a sandbox's collections, the fault settings.</summary>
    public sealed class ResponseAndStateTests
    {
        [Fact]
        public void A_json_answer_is_compact_utf8_with_quotes_escaped_as_the_platform_writes_them()
        {
            var answer = EmulatorResponse.Json(201, new JsonObject { ["etag"] = "\"10000001-0000\"", ["name"] = "Café <b> & 'x'" });

            Assert.Equal((201, "application/json", false), (answer.StatusCode, answer.ContentType, answer.IsConnectionReset));
            Assert.Equal("{\"etag\":\"\\\"10000001-0000\\\"\",\"name\":\"Café <b> & 'x'\"}", Encoding.UTF8.GetString(answer.Body));
            Assert.Equal("null", Encoding.UTF8.GetString(EmulatorResponse.Json(200, null).Body));
        }

        [Fact]
        public void An_empty_answer_and_a_dropped_connection_have_no_body_and_no_content_type()
        {
            var empty = EmulatorResponse.Empty(204);
            var reset = EmulatorResponse.ConnectionReset();

            Assert.Equal((204, 0, (string?)null, false), (empty.StatusCode, empty.Body.Length, empty.ContentType, empty.IsConnectionReset));
            Assert.Equal((0, 0, (string?)null, true), (reset.StatusCode, reset.Body.Length, reset.ContentType, reset.IsConnectionReset));
        }

        [Fact]
        public void Headers_are_set_by_name_in_any_case()
        {
            var answer = EmulatorResponse.Empty(200).WithHeader("ETag", "\"1\"");

            Assert.Same(answer, answer.WithHeader("etag", "\"2\""));
            Assert.Equal("\"2\"", answer.Headers["ETAG"]);
            Assert.Single(answer.Headers);
        }

        [Fact]
        public void A_sandbox_keeps_one_collection_per_name()
        {
            var sandbox = new SandboxState("dev");

            var flows = sandbox.Collection("flows");
            flows.Add("f1", new JsonObject());

            Assert.Same(flows, sandbox.Collection("flows"));
            Assert.Equal(0, sandbox.Collection("Flows").Count);
            Assert.Equal("dev", sandbox.Name);
        }

        [Fact]
        public void The_fault_shares_add_up_and_a_clone_is_a_copy()
        {
            var options = new FaultOptions { ThrottleRate = 0.125, UnavailableRate = 0.25, ResetBeforeRate = 0.0625, ResetAfterRate = 0.5, Seed = 3 };

            var copy = options.Clone();
            copy.ThrottleRate = 0;

            Assert.Equal(0.9375, options.TotalRate);
            Assert.Equal((0.125, 3), (options.ThrottleRate, copy.Seed));
            Assert.Equal(0.8125, copy.TotalRate);
        }

        [Fact]
        public void A_scripted_fault_answers_before_handling_any_method_unless_told()
        {
            var fault = new ScriptedFault(503);
            var reset = ScriptedFault.ConnectionReset(FaultTiming.AfterHandling, "POST");

            Assert.Equal((503, (int?)null, FaultTiming.BeforeHandling, (string?)null, false), (fault.Status, fault.RetryAfterSeconds, fault.Timing, fault.Method, fault.IsConnectionReset));
            Assert.Equal((0, (int?)null, FaultTiming.AfterHandling, "POST", true), (reset.Status, reset.RetryAfterSeconds, reset.Timing, reset.Method, reset.IsConnectionReset));
        }
    }
}
