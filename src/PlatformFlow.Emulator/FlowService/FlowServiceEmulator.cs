using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// The Flow Service (<c>/data/foundation/flowservice</c>): connection and flow specs, base/source/target connections,
    /// flows and their runs. Reached from tests and rehearsals as <c>engine.FlowService</c>, e.g.
    /// <c>engine.FlowService.Runs.PlanFailure(flowId, "CONNECTOR-2001-500", "...")</c>.
    /// </summary>
    public sealed class FlowServiceEmulator : IEmulatorService
    {
        public const string Path = "/data/foundation/flowservice";

        internal FlowServiceEmulator(EmulatorEngine engine)
        {
            Runs = new RunScheduler(engine);
        }

        public string BasePath => Path;

        public ErrorStyle ErrorStyle { get; } = new ErrorStyle(ErrorBodyShape.FlowService, "FLOW");

        public bool RequiresPlatformHeaders => true;

        /// <summary>Run scheduling and execution, and the hook that plans a fault for the next runs of a flow.</summary>
        public RunScheduler Runs { get; }

        /// <summary>The seeded connection specs, flow specs and explorable source tables.</summary>
        public SpecCatalog Catalog => SpecCatalog.Instance;

        public void Register(RouteTable routes)
        {
            SpecEndpoints.Register(this, routes);
            ConnectionEndpoints.Register(this, routes);
            ConnectionLinkEndpoints.Register(this, routes);
            FlowEndpoints.Register(this, routes);
            RunEndpoints.Register(this, routes);
        }
    }
}
