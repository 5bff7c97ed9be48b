using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The body of a Shopify base connection, the cheapest write the platform has, for measurements that create many.</summary>
    public static class ShopifyConnection
    {
        public static async Task<BaseConnectionRequest> RequestAsync(PlatformClient client, string name)
        {
            var spec = await client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId).ConfigureAwait(false);

            // Read from JSON, as a request comes: the parameters are the client's own business otherwise.
            var json = new JsonObject
            {
                ["name"] = name,
                ["auth"] = new JsonObject { ["specName"] = spec.AuthSpec![0].Name, ["params"] = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-benchmark" } },
                ["connectionSpec"] = new JsonObject { ["id"] = WellKnown.ShopifyConnectionSpecId, ["version"] = "1.0" },
            };
            return json.Deserialize(PlatformJsonContext.Default.BaseConnectionRequest)!;
        }
    }
}
