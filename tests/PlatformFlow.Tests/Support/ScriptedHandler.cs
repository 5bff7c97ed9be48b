using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>The innermost handler of a handler under test: answers each request with the next scripted step, in order.</summary>
    public sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps;
        private int _calls;

        public ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps)
        {
            _steps = new ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>(steps);
        }

        /// <summary>How many requests reached this handler.</summary>
        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            if (!_steps.TryDequeue(out var step))
            {
                throw new InvalidOperationException("No scripted answer left for " + request.Method + " " + request.RequestUri);
            }

            return step(request, cancellationToken);
        }
    }
}
