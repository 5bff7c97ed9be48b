using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Benchmarks
{
    /// <summary>The body of a Shopify base connection, the cheapest write the platform has, for measurements that create many.</summary>
    public static class ShopifyConnection
    {
        public static async Task<BaseConnectionRequest> RequestAsync(PlatformClient client, string name)
        {
            var spec = await client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId).ConfigureAwait(false);
            return new BaseConnectionRequest
            {
                Name = name,
                Auth = new ConnectionAuth { SpecName = spec.AuthSpec![0].Name, Params = new JsonObject { ["host"] = "shop.example", ["accessToken"] = "shpat-benchmark" } },
                ConnectionSpec = new SpecReference(WellKnown.ShopifyConnectionSpecId, "1.0"),
            };
        }
    }
}
