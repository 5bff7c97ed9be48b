using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// A host that proceeds without asking and stays quiet; an operation's error stops the benchmark, since numbers
    /// measured around a failure mean nothing.
    /// </summary>
    public abstract class UnattendedHost : IOperationHost
    {
        public CancellationToken Cancellation => CancellationToken.None;

        public Task<ChangeDecision> ShouldProcessAsync(string target, string action) => Task.FromResult(ChangeDecision.Proceed);

        public Task WhenWrittenAsync() => Task.CompletedTask;

        public abstract void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null);

        public void WriteVerbose(string message)
        {
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteProgress(OperationProgress progress)
        {
        }

        public void WriteError(OperationError error) =>
            throw new InvalidOperationException(error.ErrorId + ": " + error.Message, error.Exception);
    }

    /// <summary>Keeps what a create step wrote, for the next step of building the template flow.</summary>
    public sealed class ResultHost<T> : UnattendedHost
        where T : class
    {
        private T? _result;

        public T Result => _result ?? throw new InvalidOperationException("The operation wrote no " + typeof(T).Name + ".");

        public override void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null) =>
            _result = (T)value;
    }

    /// <summary>
    /// A pipeline consumer that keeps nothing (like <c>Get-Dataflow | Measure-Object</c>): counts what arrives, notes when
    /// the first object came, and, when asked, samples the live heap after a full collection every so many objects.
    /// </summary>
    public sealed class StreamConsumerHost : UnattendedHost
    {
        private readonly Stopwatch _clock;
        private readonly int _sampleEvery;
        private readonly long _expected;
        private readonly List<HeapSample> _samples;

        /// <param name="clock">Started when the listing starts; read at the first object.</param>
        /// <param name="sampleEvery">Objects between heap samples; 0 for none (a timed run).</param>
        /// <param name="expected">The object count the listing should reach; the last object is always sampled.</param>
        public StreamConsumerHost(Stopwatch clock, int sampleEvery, long expected)
        {
            _clock = clock;
            _sampleEvery = sampleEvery;
            _expected = expected;

            // Sized up front so recording samples adds nothing to the heap being measured.
            _samples = new List<HeapSample>(sampleEvery == 0 ? 0 : (int)(expected / sampleEvery) + 2);
        }

        public long Count { get; private set; }

        public TimeSpan? FirstObjectAfter { get; private set; }

        public IReadOnlyList<HeapSample> Samples => _samples;

        public override void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null)
        {
            FirstObjectAfter ??= _clock.Elapsed;
            Count++;
            if (_sampleEvery > 0 && (Count % _sampleEvery == 0 || Count == _expected))
            {
                _samples.Add(new HeapSample(Count, GC.GetTotalMemory(forceFullCollection: true)));
            }
        }
    }

    /// <summary>The live managed heap after a full collection, once <see cref="Objects"/> objects had been written.</summary>
    public readonly record struct HeapSample(long Objects, long HeapBytes);
}
