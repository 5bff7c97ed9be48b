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

        public bool Contains(string id) => _byId.ContainsKey(id);

        public JsonObject? Find(string id) => _byId.TryGetValue(id, out var value) ? value : null;

        public void Add(string id, JsonObject resource)
        {
            _byId.Add(id, resource);
            _order.Add(id);
        }

        public bool Remove(string id)
        {
            if (!_byId.Remove(id))
            {
                return false;
            }

            _order.Remove(id);
            return true;
        }
    }
}
