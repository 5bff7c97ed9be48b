using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Rewrites the emulator's successful JSON answer to requests of one method whose path ends with <c>pathEnd</c> (the
    /// query aside): for answers the platform gives and the emulator does not (a second flow spec, an explore item that is
    /// a folder or has no path, an error code with empty parts, a preview error on a row that was not sent).
    /// </summary>
    public sealed class AnswerRewriter : DelegatingHandler
    {
        private readonly string _method;
        private readonly string _pathEnd;
        private readonly Func<JsonNode, JsonNode> _rewrite;

        /// <summary>Rewrites the answers to GETs.</summary>
        public AnswerRewriter(HttpMessageHandler inner, string pathEnd, Func<JsonNode, JsonNode> rewrite)
            : this(inner, "GET", pathEnd, rewrite)
        {
        }

        public AnswerRewriter(HttpMessageHandler inner, string method, string pathEnd, Func<JsonNode, JsonNode> rewrite)
            : base(inner)
        {
            _method = method;
            _pathEnd = pathEnd;
            _rewrite = rewrite;
        }

        /// <summary>An answer with every occurrence of <paramref name="text"/> in its JSON text replaced.</summary>
        public static Func<JsonNode, JsonNode> Replacing(string text, string replacement) =>
            answer => JsonNode.Parse(answer.ToJsonString().Replace(text, replacement))!;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method.Method != _method || !response.IsSuccessStatusCode || !request.RequestUri!.AbsolutePath.EndsWith(_pathEnd, StringComparison.Ordinal))
            {
                return response;
            }

            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            response.Content = new StringContent(_rewrite(answer).ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
