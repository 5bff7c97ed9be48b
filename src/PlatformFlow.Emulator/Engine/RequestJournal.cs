using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>What the emulator was asked, so tests and rehearsals can count calls (e.g. no write under -WhatIf).</summary>
    public sealed class RequestJournal
    {
        // Bounded so a long rehearsal keeps flat memory; counts stay exact.
        private const int Capacity = 10000;
        private readonly object _sync = new object();
        private readonly Queue<JournalEntry> _recent = new Queue<JournalEntry>();
        private long _total;
        private long _writes;

        public long Total
        {
            get { lock (_sync) { return _total; } }
        }

        public long Writes
        {
            get { lock (_sync) { return _writes; } }
        }

        /// <summary>The most recent entries (up to 10,000), oldest first.</summary>
        public IReadOnlyList<JournalEntry> Recent
        {
            get { lock (_sync) { return _recent.ToList(); } }
        }

        public void Record(JournalEntry entry)
        {
            lock (_sync)
            {
                _total++;
                if (entry.IsWrite)
                {
                    _writes++;
                }

                _recent.Enqueue(entry);
                if (_recent.Count > Capacity)
                {
                    _recent.Dequeue();
                }
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _recent.Clear();
                _total = 0;
                _writes = 0;
            }
        }
    }
}
