using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Rewrites the emulator's JSON answer to GETs whose path ends with <c>pathEnd</c> (the query aside): for answers the
    /// platform gives and the emulator does not (a second flow spec, an explore item that is a folder or has no path).
    /// </summary>
    public sealed class AnswerRewriter : DelegatingHandler
    {
        private readonly string _pathEnd;
        private readonly Func<JsonNode, JsonNode> _rewrite;

        public AnswerRewriter(HttpMessageHandler inner, string pathEnd, Func<JsonNode, JsonNode> rewrite)
            : base(inner)
        {
            _pathEnd = pathEnd;
            _rewrite = rewrite;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode || !request.RequestUri!.AbsolutePath.EndsWith(_pathEnd, StringComparison.Ordinal))
            {
                return response;
            }

            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            response.Content = new StringContent(_rewrite(answer).ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
