using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>
    /// The Flow Service (<c>/data/foundation/flowservice</c>): connection and flow specs, base/source/target connections,
    /// flows and their runs. Reached from tests and rehearsals as <c>engine.FlowService</c>, e.g.
    /// <c>engine.FlowService.Runs.PlanFailure(flowId, "CONNECTOR-2001-500", "...")</c>.
    /// </summary>
    public sealed class FlowServiceEmulator : EmulatorService
    {
        public const string Path = "/data/foundation/flowservice";

        internal FlowServiceEmulator(EmulatorEngine engine)
            : base(Path, new ErrorStyle(ErrorBodyShape.FlowService, "FLOW"))
        {
            Runs = new RunScheduler(engine);
        }

        /// <summary>Run scheduling and execution, and the hook that plans a fault for the next runs of a flow.</summary>
        public RunScheduler Runs { get; }

        /// <summary>The seeded connection specs, flow specs and explorable source tables.</summary>
        public SpecCatalog Catalog => SpecCatalog.Instance;

        public override void Register(RouteTable routes)
        {
            SpecEndpoints.Register(this, routes);
            ConnectionEndpoints.Register(this, routes);
            ConnectionLinkEndpoints.Register(this, routes);
            FlowEndpoints.Register(this, routes);
            RunEndpoints.Register(this, routes);
        }
    }
}
