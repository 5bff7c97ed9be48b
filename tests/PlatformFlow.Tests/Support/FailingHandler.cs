using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>The innermost handler of a client that gets no answer: every request throws the exception it is made with.</summary>
    public sealed class FailingHandler : HttpMessageHandler
    {
        private readonly Func<Exception> _failure;

        public FailingHandler(Func<Exception> failure)
        {
            _failure = failure;
        }

        /// <summary>As HttpClient's own timeout ends a request: cancelled, though nobody cancelled.</summary>
        public static FailingHandler TimingOut() =>
            new FailingHandler(() => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(_failure());
    }
}
