using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    public sealed class RouteMatch
    {
        public RouteMatch(EmulatorService service, RouteHandler handler, IReadOnlyDictionary<string, string> values, bool changesState)
        {
            Service = service;
            Handler = handler;
            Values = values;
            ChangesState = changesState;
        }

        /// <summary>Whether answering may change state (what the journal counts as a write).</summary>
        public bool ChangesState { get; }

        public EmulatorService Service { get; }

        public RouteHandler Handler { get; }

        public IReadOnlyDictionary<string, string> Values { get; }
    }
}
