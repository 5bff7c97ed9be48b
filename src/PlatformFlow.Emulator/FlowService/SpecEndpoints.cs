using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Connection specs and flow specs: the seeded catalogue, the same in every sandbox, read-only.</summary>
    internal static class SpecEndpoints
    {
        public static void Register(EmulatorService service, RouteTable routes)
        {
            var catalog = SpecCatalog.Instance;
            RegisterKind(service, routes, "/connectionSpecs", catalog.ConnectionSpecs, "connection spec");
            RegisterKind(service, routes, "/flowSpecs", catalog.FlowSpecs, "flow spec");
            routes.Add(service, "GET", "/connectionSpecs/{id}/explore", ExploreWithoutConnection);
        }

        /// <summary>
        /// Exploring a file source that needs no base connection (its spec has no auth spec: the Data Landing Zone) through
        /// its connection spec, as the platform's Data Landing Zone guide does.
        /// </summary>
        private static EmulatorResponse ExploreWithoutConnection(RequestContext context)
        {
            var id = context.Route("id");
            var spec = SpecCatalog.Instance.ConnectionSpec(id)
                ?? throw new EmulatorError(404, ErrorCodes.FlowResourceNotFound, "Resource not found", "The requested connection spec resource " + id + " is not found. Verify the resource ID before trying again.");
            return (spec["authSpec"] as JsonArray)?.Count == 0 && SpecCatalog.Instance.Files(id) is { } files
                ? FileExplore.Answer(context, id, files)
                : throw EmulatorError.BadRequest(ErrorCodes.FlowOperationUnsupported, "Connection spec " + spec["name"] + " is explored through a base connection: GET /connections/{id}/explore.");
        }

        private static void RegisterKind(EmulatorService service, RouteTable routes, string path, ResourceCollection specs, string noun)
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
