using System.Linq;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Tutorial
{
    public sealed class CurlCommandTests
    {
        [Fact]
        public void A_curl_command_is_read_with_its_quoting_and_line_continuations()
        {
            var curl = CurlCommand.Parse("curl -X POST \\\n    'https://platform.adobe.io/a?property=name==\"X\"' \\\n    -H 'x-api-key: {API_KEY}' \\\n    -H \"Content-Type: application/json\" \\\n    -d '{\n  \"a\": \"b \\\\ c\"\n}'\n");

            Assert.Equal("POST", curl.Method);
            Assert.Equal("https://platform.adobe.io/a?property=name==\"X\"", curl.Url);
            Assert.Equal(new[] { "x-api-key", "Content-Type" }, curl.Headers.Select(h => h.Key));
            Assert.Equal("application/json", curl.Header("content-type"));
            Assert.Equal("{\n  \"a\": \"b \\\\ c\"\n}", curl.Body);
        }

        [Fact]
        public void Without_X_a_curl_command_is_a_get()
        {
            var curl = CurlCommand.Parse("curl 'https://platform.adobe.io/x' -H 'Accept: application/json'");

            Assert.Equal("GET", curl.Method);
            Assert.Null(curl.Body);
        }

        [Fact]
        public void Both_editions_hold_their_calls_in_document_order()
        {
            var korean = TutorialDocument.Read(ContractFiles.PathOf("seeds", "ecommerce-dataflow-tutorial.ko.md"), "ko");
            var french = TutorialDocument.Read(ContractFiles.PathOf("seeds", "ecommerce-dataflow-tutorial.fr.md"), "fr");

            Assert.Equal(new[] { "POST /sourceConnections", "POST /targetConnections", "POST /mappingSets", "GET /flowSpecs", "POST /flows" }, korean.Select(s => s.Operation));
            Assert.Equal(new[] { "POST /sourceConnections", "POST /tenant/schemas", "POST /dataSets", "POST /targetConnections", "POST /mappingSets", "GET /flowSpecs", "POST /flows" }, french.Select(s => s.Operation));
            Assert.All(korean.Concat(french), s => Assert.NotNull(s.DocumentedResponse));
            Assert.EndsWith("/catalog/dataSet", french[2].Curl.Url);
        }
    }
}
