using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Answers given requests (method, path and query, unescaped) with the bodies the wire contract fixes
    /// (<c>plan/issue20-wire.md</c>: Catalog batches, Data Access row errors and previews), and passes every other request to
    /// the emulator; records every request the client sent, with its query.
    /// </summary>
    public sealed class WireAnswers
    {
        private readonly ConcurrentDictionary<string, string> _answers = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _requests = new ConcurrentQueue<string>();

        /// <summary>Every request sent so far: <c>GET /data/foundation/export/batches/b-1/meta?path=row_errors</c>.</summary>
        public IReadOnlyList<string> Requests => _requests.ToList();

        /// <summary>Answers a GET of <paramref name="pathAndQuery"/> (unescaped) with <paramref name="body"/> from now on.</summary>
        public WireAnswers Answer(string pathAndQuery, string body)
        {
            _answers[pathAndQuery] = body;
            return this;
        }

        /// <summary>The handler to put around the emulator's (see <see cref="TestPlatform.NewClient"/>'s <c>wrap</c>).</summary>
        public HttpMessageHandler Around(HttpMessageHandler emulator) => new Handler(this, emulator);

        private sealed class Handler : DelegatingHandler
        {
            private readonly WireAnswers _owner;

            public Handler(WireAnswers owner, HttpMessageHandler inner)
                : base(inner)
            {
                _owner = owner;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var target = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
                _owner._requests.Enqueue(request.Method.Method + " " + target);
                return request.Method == HttpMethod.Get && _owner._answers.TryGetValue(target, out var body)
                    ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") })
                    : base.SendAsync(request, cancellationToken);
            }
        }
    }
}
