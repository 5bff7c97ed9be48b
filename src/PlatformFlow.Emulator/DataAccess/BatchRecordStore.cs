using System;
using System.Collections.Concurrent;

namespace PlatformFlow.Emulator.DataAccess
{
    /// <summary>The records behind one sandbox's batches (<see cref="BatchRecords"/>), keyed by batch id; a sandbox store, not JSON.</summary>
    internal sealed class BatchRecordStore
    {
        private readonly ConcurrentDictionary<string, BatchRecords> _batches = new ConcurrentDictionary<string, BatchRecords>(StringComparer.Ordinal);

        public void Add(string batchId, BatchRecords records) => _batches[batchId] = records;

        public BatchRecords? Find(string batchId) => _batches.TryGetValue(batchId, out var records) ? records : null;
    }
}
