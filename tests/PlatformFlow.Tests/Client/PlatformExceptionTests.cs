using PlatformFlow.Client.Errors;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    public sealed class PlatformExceptionTests
    {
        [Fact]
        public void Reads_the_gateway_shape()
        {
            var error = PlatformException.FromBody(401, "Unauthorized", "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}", "req-1", "GET", "/data/foundation/flowservice/flows");

            Assert.Equal(401, error.StatusCode);
            Assert.Equal("401013", error.ErrorCode);
            Assert.Equal("Oauth token is not valid", error.Detail);
            Assert.Equal("req-1", error.RequestId);
            Assert.Contains("The platform answered 401 (401013): Oauth token is not valid [request id req-1]", error.Message);
        }

        [Fact]
        public void Reads_the_Flow_Service_shape_with_its_own_request_id()
        {
            const string body = "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1439-404\",\"title\":\"Not Found\",\"status\":404,"
                + "\"report\":{\"detailed-message\":\"Flow abc not found\",\"request-id\":\"body-req\"},\"errorMessage\":\"Flow abc not found\"}";

            var error = PlatformException.FromBody(404, "Not Found", body, "header-req", "GET", "/flows/abc");

            Assert.Equal("FLOW-1439-404", error.ErrorCode);
            Assert.Equal("Flow abc not found", error.Detail);
            Assert.Equal("body-req", error.RequestId);
        }

        [Fact]
        public void Reads_the_problem_details_shape()
        {
            const string body = "{\"type\":\"http://ns.adobe.com/aep/errors/XDM-1012-404\",\"status\":404,\"title\":\"Not Found\",\"detail\":\"No schema x\"}";

            var error = PlatformException.FromBody(404, "Not Found", body, "r", "GET", "/tenant/schemas/x");

            Assert.Equal("XDM-1012-404", error.ErrorCode);
            Assert.Equal("No schema x", error.Detail);
            Assert.Equal("r", error.RequestId);
        }

        [Fact]
        public void Reads_the_IMS_shape_and_a_body_that_is_not_JSON()
        {
            var ims = PlatformException.FromBody(400, "Bad Request", "{\"error\":\"invalid_client\",\"error_description\":\"invalid client_id parameter\"}", null, "POST", "/ims/token/v3");
            var html = PlatformException.FromBody(502, "Bad Gateway", "<html>proxy</html>", null, "GET", "/flows");

            Assert.Equal("invalid_client", ims.ErrorCode);
            Assert.Equal("invalid client_id parameter", ims.Detail);
            Assert.Null(html.ErrorCode);
            Assert.Equal("<html>proxy</html>", html.Detail);
            Assert.True(html.IsTransient);
        }
    }
}
