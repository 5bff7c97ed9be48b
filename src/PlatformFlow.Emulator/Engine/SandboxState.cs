using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Everything one sandbox holds. The engine takes <see cref="Sync"/> around every handler.</summary>
    public sealed class SandboxState
    {
        private readonly Dictionary<string, ResourceCollection> _collections = new Dictionary<string, ResourceCollection>(StringComparer.Ordinal);

        public SandboxState(string name)
        {
            Name = name;
        }

        public string Name { get; }

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
    }
}
