using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// One kind of resource in one sandbox, kept as JSON documents in creation order (stable paging).
    /// Not locked itself: the engine runs each handler under its sandbox's lock.
    /// </summary>
    public sealed class ResourceCollection
    {
        private readonly Dictionary<string, JsonObject> _byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();
        private readonly Dictionary<string, long> _sequence = new Dictionary<string, long>(StringComparer.Ordinal);
        private long _nextSequence;

        public int Count => _byId.Count;

        public IEnumerable<JsonObject> All
        {
            get
            {
                foreach (var id in _order)
                {
                    yield return _byId[id];
                }
            }
        }

        /// <summary>Ids with their resources, in creation order.</summary>
        public IEnumerable<KeyValuePair<string, JsonObject>> Entries
        {
            get
            {
                foreach (var id in _order)
                {
                    yield return new KeyValuePair<string, JsonObject>(id, _byId[id]);
                }
            }
        }

        public bool Contains(string id) => _byId.ContainsKey(id);

        public JsonObject? Find(string id) => _byId.TryGetValue(id, out var value) ? value : null;

        /// <summary>
        /// The resource's insertion number: grows with every add and is never reused, so a paging cursor built on it stays
        /// valid while resources are added or removed (an index into the list would shift).
        /// </summary>
        public long SequenceOf(string id) => _sequence[id];

        public void Add(string id, JsonObject resource)
        {
            _byId.Add(id, resource);
            _order.Add(id);
            _sequence.Add(id, _nextSequence++);
        }

        /// <summary>Stores a new version of an existing resource, keeping its place in creation order.</summary>
        public void Replace(string id, JsonObject resource)
        {
            if (!_byId.ContainsKey(id))
            {
                throw new KeyNotFoundException("No resource " + id + " to replace.");
            }

            _byId[id] = resource;
        }

        public bool Remove(string id)
        {
            if (!_byId.Remove(id))
            {
                return false;
            }

            _order.Remove(id);
            _sequence.Remove(id);
            return true;
        }
    }
}
