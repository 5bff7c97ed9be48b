using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class RouteMatch(EmulatorService service, RouteHandler handler, IReadOnlyDictionary<string, string> values, bool changesState)
    {
        /// <summary>Whether answering may change state (what the journal counts as a write).</summary>
        public bool ChangesState { get; } = changesState;

        public EmulatorService Service { get; } = service;

        public RouteHandler Handler { get; } = handler;

        public IReadOnlyDictionary<string, string> Values { get; } = values;
    }
}
