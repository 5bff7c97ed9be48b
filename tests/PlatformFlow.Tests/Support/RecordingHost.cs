using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Operations;
using Xunit;

namespace PlatformFlow.Tests.Support
{
    /// <summary>The test side of the cmdlet seam: records what an operation wrote and answers ShouldProcess as told.</summary>
    public sealed class RecordingHost : IOperationHost
    {
        private readonly ConcurrentQueue<EmittedObject> _objects = new ConcurrentQueue<EmittedObject>();
        private readonly ConcurrentQueue<OperationError> _errors = new ConcurrentQueue<OperationError>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<OperationProgress> _progress = new ConcurrentQueue<OperationProgress>();
        private readonly ConcurrentQueue<(string Target, string Action)> _asked = new ConcurrentQueue<(string, string)>();
        private int _writtenWaits;

        public RecordingHost(ChangeDecision decision = ChangeDecision.Proceed, CancellationToken cancellation = default)
        {
            Decision = decision;
            Cancellation = cancellation;
        }

        public ChangeDecision Decision { get; set; }

        public CancellationToken Cancellation { get; }

        public IReadOnlyList<EmittedObject> Objects => _objects.ToList();

        public IReadOnlyList<OperationError> Errors => _errors.ToList();

        public IReadOnlyList<string> Verbose => _verbose.ToList();

        public IReadOnlyList<string> Warnings => _warnings.ToList();

        public IReadOnlyList<OperationProgress> Progress => _progress.ToList();

        public IReadOnlyList<(string Target, string Action)> Asked => _asked.ToList();

        /// <summary>How many times the operation waited for the caller to take what it wrote (a listing holding back).</summary>
        public int WrittenWaits => Volatile.Read(ref _writtenWaits);

        public T Single<T>() => Objects.Select(o => o.Value).OfType<T>().Single();

        /// <summary>When set, asking fails with it (as a prompt does in a non-interactive PowerShell).</summary>
        public System.Exception? PromptFailure { get; set; }

        /// <summary>The one object written, with its pipeline properties; fails with the errors written when there are any.</summary>
        public EmittedObject OnlyObject()
        {
            AssertNoErrors();
            return Assert.Single(Objects);
        }

        /// <summary>Fails, naming each error written (id and message), when the operation wrote any.</summary>
        public void AssertNoErrors() =>
            Assert.True(Errors.Count == 0, string.Join(System.Environment.NewLine, Errors.Select(e => e.ErrorId + ": " + e.Message)));

        public Task<ChangeDecision> ShouldProcessAsync(string target, string action)
        {
            _asked.Enqueue((target, action));
            return PromptFailure is null ? Task.FromResult(Decision) : Task.FromException<ChangeDecision>(PromptFailure);
        }

        public Task WhenWrittenAsync()
        {
            Interlocked.Increment(ref _writtenWaits);
            return Task.CompletedTask;
        }

        public void WriteObject(object value, IReadOnlyList<KeyValuePair<string, object?>>? pipelineProperties = null) =>
            _objects.Enqueue(new EmittedObject(value, pipelineProperties ?? new List<KeyValuePair<string, object?>>()));

        public void WriteVerbose(string message) => _verbose.Enqueue(message);

        public void WriteWarning(string message) => _warnings.Enqueue(message);

        public void WriteProgress(OperationProgress progress) => _progress.Enqueue(progress);

        public void WriteError(OperationError error) => _errors.Enqueue(error);
    }

    /// <summary>An emitted object with the extra properties a PowerShell user would see on it.</summary>
    public sealed class EmittedObject
    {
        public EmittedObject(object value, IReadOnlyList<KeyValuePair<string, object?>> pipelineProperties)
        {
            Value = value;
            PipelineProperties = pipelineProperties;
        }

        public object Value { get; }

        public IReadOnlyList<KeyValuePair<string, object?>> PipelineProperties { get; }

        /// <summary>Every property name a by-property-name binding can see: the object's own and the added ones.</summary>
        public IEnumerable<string> PropertyNames =>
            Value.GetType().GetProperties().Select(p => p.Name).Concat(PipelineProperties.Select(p => p.Key));

        /// <summary>The value a by-property-name binding would get for <paramref name="name"/> (own property first, as PowerShell resolves).</summary>
        public object? this[string name]
        {
            get
            {
                var own = Value.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));
                if (own != null)
                {
                    return own.GetValue(Value);
                }

                return PipelineProperties.FirstOrDefault(p => string.Equals(p.Key, name, System.StringComparison.OrdinalIgnoreCase)).Value;
            }
        }
    }
}
