using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Between the client and the emulator: replaces the body of the answers to one method and path ending, for tests of
    /// answers the emulator never gives (unreadable bodies, odd error codes).
    /// </summary>
    public sealed class AnswerRewriter : DelegatingHandler
    {
        private readonly string _method;
        private readonly string _pathEnd;
        private readonly Func<string, string> _rewrite;

        public AnswerRewriter(HttpMessageHandler inner, string method, string pathEnd, Func<string, string> rewrite)
            : base(inner)
        {
            _method = method;
            _pathEnd = pathEnd;
            _rewrite = rewrite;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method.Method == _method && request.RequestUri!.AbsolutePath.EndsWith(_pathEnd, StringComparison.Ordinal))
            {
                response.Content = new StringContent(_rewrite(await response.Content.ReadAsStringAsync(cancellationToken)), Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
