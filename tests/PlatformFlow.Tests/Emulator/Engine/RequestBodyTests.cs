using System.Text;
using System.Text.Json;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>How a handler reads the request body: strict JSON, each refusal a 1001-400 that says where and what.</summary>
    public sealed class RequestBodyTests
    {
        [Theory]
        [InlineData("", "The request has no body; a JSON body is required.")]
        [InlineData("null", "The request body is JSON null; a JSON body is required.")]
        [InlineData("{\"a\":1,}", "Malformed JSON in the request body at line 1, column 8: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
        [InlineData("{\n  \"a\": 1 // note\n}", "Malformed JSON in the request body at line 2, column 10: '/' is invalid after a value. Expected either ',', '}', or ']'.")]
        [InlineData("{\"a\":1}}", "Malformed JSON in the request body at line 1, column 8: '}' is invalid after a single JSON value. Expected end of data.")]
        [InlineData("{\"a\":{\"x\":1,\"x\":2}}", "Malformed JSON in the request body at byte 12: the member 'x' appears twice in one object.")]
        [InlineData("[{\"a\":1},{\"b\":[1,{\"a\":2,\"a\":3}]}]", "Malformed JSON in the request body at byte 24: the member 'a' appears twice in one object.")]
        [InlineData("{\"a\":\"\\udc00\"}", "Malformed JSON in the request body at byte 5: a string is not valid UTF-16 (an unpaired surrogate escape).")]
        [InlineData("{\"\\ud800x\":1}", "Malformed JSON in the request body at byte 1: a string is not valid UTF-16 (an unpaired surrogate escape).")]
        public void A_body_that_is_not_one_strict_JSON_value_is_a_400_saying_where(string body, string detail)
        {
            var refusal = Assert.Throws<EmulatorError>(() => Context(body).Body());

            Assert.Equal((400, "1001-400"), (refusal.Status, refusal.Code));
            Assert.Equal(detail, refusal.Detail);
        }

        [Theory]
        [InlineData("{\"a\":{\"x\":1},\"x\":2,\"b\":[{\"x\":1},{\"x\":2}]}")]
        [InlineData("[{\"x\":1},{\"x\":1},[{\"x\":1}],{\"y\":\"\\ud83d\\ude00\"}]")]
        public void The_same_member_in_different_objects_is_no_duplicate(string body)
        {
            Assert.Equal(body.Replace("\\ud83d\\ude00", "\\uD83D\\uDE00"), Context(body).Body().ToJsonString());
        }

        [Fact]
        public void The_body_is_parsed_once()
        {
            var context = Context("{\"a\":1}");

            Assert.Same(context.Body(), context.Body());
            Assert.Same(context.Body(), context.BodyObject());
        }

        [Fact]
        public void A_body_object_must_be_an_object()
        {
            var refusal = Assert.Throws<EmulatorError>(() => Context("[1]").BodyObject());

            Assert.Equal((400, "1001-400", "The request body must be a JSON object."), (refusal.Status, refusal.Code, refusal.Detail));
        }

        [Fact]
        public void The_strict_check_alone_reports_the_byte_of_a_duplicate()
        {
            var refusal = Assert.Throws<EmulatorError>(() => StrictJsonBody.Check(Encoding.UTF8.GetBytes("{ \"name\" : 1, \"name\" : 2 }"), new JsonReaderOptions()));

            Assert.Equal("Malformed JSON in the request body at byte 14: the member 'name' appears twice in one object.", refusal.Detail);
        }

        private static RequestContext Context(string body) => RequestContexts.For("POST", "/flows", body: body);
    }
}
