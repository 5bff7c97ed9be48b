using System;
using System.Net.Http;

namespace PlatformFlow.Client.Http
{
    /// <summary>
    /// An <see cref="HttpClient"/> from the factory, reused for a minute, then asked for again. Creating one per call costs
    /// an allocation of its own on every request; keeping one forever would pin the factory's handler and miss its
    /// rotation (DNS changes), which happens every two minutes. Thread-safe: two callers may both renew, harmlessly.
    /// </summary>
    public sealed class HttpClientLease
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

        private readonly Func<HttpClient> _create;
        private volatile Lease? _current;

        public HttpClientLease(Func<HttpClient> create)
        {
            _create = create;
        }

        public HttpClient Client
        {
            get
            {
                var now = Environment.TickCount;
                var lease = _current;
                if (lease is null || unchecked(now - lease.Taken) > Lifetime.TotalMilliseconds)
                {
                    _current = lease = new Lease(_create(), now);
                }

                return lease.Client;
            }
        }

        private sealed class Lease
        {
            public Lease(HttpClient client, int taken)
            {
                Client = client;
                Taken = taken;
            }

            public HttpClient Client { get; }

            public int Taken { get; }
        }
    }
}
