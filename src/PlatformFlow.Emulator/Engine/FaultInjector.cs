using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Draws injected faults: scripted ones first (in order), then the configured random shares.</summary>
    public sealed class FaultInjector
    {
        private readonly object _sync = new object();
        private readonly LinkedList<ScriptedFault> _scripted = new LinkedList<ScriptedFault>();
        private readonly FaultOptions _options;
        private Random _random;

        public FaultInjector(FaultOptions options)
        {
            _options = options;
            _random = options.Seed is int seed ? new Random(seed) : new Random();
        }

        public FaultOptions Options => _options;

        /// <summary>Starts the random draw again from <paramref name="seed"/>, so a rehearsal can be repeated exactly.</summary>
        public void Reseed(int seed)
        {
            lock (_sync)
            {
                _random = new Random(seed);
            }
        }

        /// <summary>Queues a fault for the next request that matches it.</summary>
        public void Enqueue(ScriptedFault fault)
        {
            lock (_sync)
            {
                _scripted.AddLast(fault);
            }
        }

        /// <summary>Queues an answer of <paramref name="status"/> for the next request with <paramref name="method"/> (any when null).</summary>
        public void Enqueue(int status, FaultTiming timing, string? method = null) => Enqueue(new ScriptedFault(status, null, timing, method));

        /// <summary>Queues a dropped connection for the next request with <paramref name="method"/> (any when null).</summary>
        public void EnqueueConnectionReset(FaultTiming timing, string? method = null) => Enqueue(ScriptedFault.ConnectionReset(timing, method));

        /// <summary>
        /// Queues <paramref name="status"/> for the next <paramref name="method"/> request, answered after the request was
        /// applied when <paramref name="afterHandling"/>.
        /// </summary>
        public void EnqueueStatus(int status, string method, bool afterHandling) =>
            Enqueue(status, afterHandling ? FaultTiming.AfterHandling : FaultTiming.BeforeHandling, method);

        /// <summary>Queues a 429 with <c>Retry-After: <paramref name="retryAfterSeconds"/></c> for the next <paramref name="method"/> request.</summary>
        public void EnqueueThrottle(string method, int retryAfterSeconds) =>
            Enqueue(new ScriptedFault(429, retryAfterSeconds, FaultTiming.BeforeHandling, method));

        public ScriptedFault? Draw(string method)
        {
            lock (_sync)
            {
                for (var node = _scripted.First; node != null; node = node.Next)
                {
                    if (node.Value.Method is null || string.Equals(node.Value.Method, method, StringComparison.OrdinalIgnoreCase))
                    {
                        _scripted.Remove(node);
                        return node.Value;
                    }
                }

                var draw = _random.NextDouble();
                if (draw < _options.ThrottleRate)
                {
                    return new ScriptedFault(429, _options.RetryAfterSeconds);
                }

                var share = _options.ThrottleRate + _options.UnavailableRate;
                if (draw < share)
                {
                    return new ScriptedFault(503);
                }

                share += _options.ResetBeforeRate;
                if (draw < share)
                {
                    return ScriptedFault.ConnectionReset(FaultTiming.BeforeHandling);
                }

                if (draw < share + _options.ResetAfterRate)
                {
                    return ScriptedFault.ConnectionReset(FaultTiming.AfterHandling);
                }

                return null;
            }
        }
    }
}
