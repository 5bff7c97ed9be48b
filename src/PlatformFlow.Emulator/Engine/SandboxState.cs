using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Everything one sandbox holds. The engine takes <see cref="Sync"/> around every handler.</summary>
    public sealed class SandboxState(string name)
    {
        private readonly Dictionary<string, ResourceCollection> _collections = new Dictionary<string, ResourceCollection>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<Type, object> _stores = new ConcurrentDictionary<Type, object>();

        public string Name { get; } = name;

        public object Sync { get; } = new object();

        /// <summary>The named collection (e.g. <c>flows</c>), created on first use.</summary>
        public ResourceCollection Collection(string name)
        {
            if (!_collections.TryGetValue(name, out var collection))
            {
                collection = new ResourceCollection();
                _collections.Add(name, collection);
            }

            return collection;
        }

        /// <summary>The sandbox's one store of this kind, for state that is not JSON resources (e.g. the records behind batches), created on first use.</summary>
        internal T Store<T>()
            where T : class, new() => (T)_stores.GetOrAdd(typeof(T), _ => new T());
    }
}
