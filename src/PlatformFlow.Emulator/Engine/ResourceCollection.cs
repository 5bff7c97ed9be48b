using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// One kind of resource in one sandbox, kept as JSON documents in creation order (stable paging). The order is a list
    /// of insertion numbers, ascending by construction, so a page that starts after a given resource is found by binary
    /// search, not by walking or sorting everything before it: a page costs the same with 1,000 or 100,000 resources.
    /// Not locked itself: the engine runs each handler under its sandbox's lock.
    /// </summary>
    public sealed class ResourceCollection
    {
        private readonly Dictionary<string, JsonObject> _byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _sequence = new Dictionary<string, long>(StringComparer.Ordinal);

        // Creation order: insertion numbers (ascending) and their ids; a removed resource leaves a null id until compaction.
        private readonly List<long> _orderSequence = new List<long>();
        private readonly List<string?> _orderId = new List<string?>();
        private int _removedInOrder;
        private long _nextSequence;

        // Ids by name, in any case (as the platform's name== filter matches): a lookup by name reads those resources only,
        // in a sandbox of 20,000 flows as in an empty one.
        private readonly Dictionary<string, HashSet<string>> _idsByName = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);

        public int Count => _byId.Count;

        /// <summary>
        /// How many places in creation order enumerations have read so far, a removed resource's place included: the work a
        /// listing did, for the listing-cost tests and benchmark.
        /// </summary>
        public long EntriesEnumerated { get; private set; }

        public IEnumerable<JsonObject> All
        {
            get
            {
                foreach (var entry in Entries)
                {
                    yield return entry.Value;
                }
            }
        }

        /// <summary>Ids with their resources, in creation order.</summary>
        public IEnumerable<KeyValuePair<string, JsonObject>> Entries => EntriesAfter(null);

        public bool Contains(string id) => _byId.ContainsKey(id);

        public JsonObject? Find(string id) => _byId.TryGetValue(id, out var value) ? value : null;

        /// <summary>
        /// The resource's insertion number: grows with every add and is never reused, so a paging cursor built on it stays
        /// valid while resources are added or removed (an index into the list would shift).
        /// </summary>
        public long SequenceOf(string id) => _sequence[id];

        /// <summary>The resources created after the one with insertion number <paramref name="sequence"/> (all when null), in creation order.</summary>
        public IEnumerable<KeyValuePair<string, JsonObject>> EntriesAfter(long? sequence)
        {
            for (var i = sequence is long after ? FirstAfter(after) : 0; i < _orderId.Count; i++)
            {
                EntriesEnumerated++;
                if (_orderId[i] is string id)
                {
                    yield return new KeyValuePair<string, JsonObject>(id, _byId[id]);
                }
            }
        }

        /// <summary>The resources named any of <paramref name="names"/> (in any case) created after <paramref name="sequence"/> (all when null), in creation order.</summary>
        public IEnumerable<KeyValuePair<string, JsonObject>> NamedAfter(IEnumerable<string> names, long? sequence)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (_idsByName.TryGetValue(name, out var named))
                {
                    ids.UnionWith(named);
                }
            }

            var found = new List<KeyValuePair<string, JsonObject>>();
            foreach (var id in ids)
            {
                EntriesEnumerated++;
                if (sequence is null || _sequence[id] > sequence)
                {
                    found.Add(new KeyValuePair<string, JsonObject>(id, _byId[id]));
                }
            }

            found.Sort((a, b) => _sequence[a.Key].CompareTo(_sequence[b.Key]));
            return found;
        }

        public void Add(string id, JsonObject resource)
        {
            _byId.Add(id, resource);
            IndexName(id, resource);
            _sequence.Add(id, _nextSequence);
            _orderSequence.Add(_nextSequence++);
            _orderId.Add(id);
        }

        /// <summary>Stores a new version of an existing resource, keeping its place in creation order.</summary>
        public void Replace(string id, JsonObject resource)
        {
            if (!_byId.ContainsKey(id))
            {
                throw new KeyNotFoundException("No resource " + id + " to replace.");
            }

            UnindexName(id, _byId[id]);
            _byId[id] = resource;
            IndexName(id, resource);
        }

        public bool Remove(string id)
        {
            if (!_byId.TryGetValue(id, out var removed))
            {
                return false;
            }

            _byId.Remove(id);
            UnindexName(id, removed);

            _orderId[_orderSequence.BinarySearch(_sequence[id])] = null;
            _sequence.Remove(id);
            if (++_removedInOrder > 64 && _removedInOrder > _orderId.Count / 2)
            {
                Compact();
            }

            return true;
        }

        private static string? NameOf(JsonObject resource) =>
            resource["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

        private void IndexName(string id, JsonObject resource)
        {
            if (NameOf(resource) is string name)
            {
                if (!_idsByName.TryGetValue(name, out var ids))
                {
                    _idsByName[name] = ids = new HashSet<string>(StringComparer.Ordinal);
                }

                ids.Add(id);
            }
        }

        private void UnindexName(string id, JsonObject resource)
        {
            if (NameOf(resource) is string name && _idsByName.TryGetValue(name, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _idsByName.Remove(name);
            }
        }

        private int FirstAfter(long sequence)
        {
            var at = _orderSequence.BinarySearch(sequence);
            return at >= 0 ? at + 1 : ~at;
        }

        private void Compact()
        {
            var kept = 0;
            for (var i = 0; i < _orderId.Count; i++)
            {
                if (_orderId[i] != null)
                {
                    _orderId[kept] = _orderId[i];
                    _orderSequence[kept++] = _orderSequence[i];
                }
            }

            _orderId.RemoveRange(kept, _orderId.Count - kept);
            _orderSequence.RemoveRange(kept, _orderSequence.Count - kept);
            _removedInOrder = 0;
        }
    }
}
