using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Connection specs and flow specs: the seeded catalogue, the same in every sandbox, read-only.</summary>
    internal static class SpecEndpoints
    {
        public static void Register(IEmulatorService service, RouteTable routes)
        {
            var catalog = SpecCatalog.Instance;
            RegisterKind(service, routes, "/connectionSpecs", catalog.ConnectionSpecs, "connection spec");
            RegisterKind(service, routes, "/flowSpecs", catalog.FlowSpecs, "flow spec");
        }

        private static void RegisterKind(IEmulatorService service, RouteTable routes, string path, ResourceCollection specs, string noun)
        {
            // Every spec fits on one page: the platform lists specs without paging.
            routes.Add(service, "GET", path, context => EmulatorResponse.Json(200, ListQuery.Parse(context.Request, FlowResources.ListCodes)
                .Execute(specs, s => (JsonObject)s.DeepClone(), path, FlowResources.MaxLimit, FlowResources.MaxLimit)));
            routes.Add(service, "GET", path + "/{id}", context =>
            {
                var id = context.Route("id");
                var spec = specs.Find(id)
                    ?? throw new EmulatorError(404, ErrorCodes.FlowResourceNotFound, "Resource not found", "The requested " + noun + " resource " + id + " is not found. Verify the resource ID before trying again.");
                return FlowResources.Item((JsonObject)spec.DeepClone());
            });
        }
    }
}
