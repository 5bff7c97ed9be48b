using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P9's listing without the cmdlet: <c>Scripts/FirstCommand.ps1</c> loads this assembly into the module's own load
    /// context inside the PowerShell process and runs the very <see cref="GetDataflowOperation"/> that <c>Get-Dataflow</c>
    /// runs, on the signed-in context's client, against the same emulator data.
    /// </summary>
    public static class FirstObjectProbe
    {
        /// <summary>Milliseconds from the start of the listing to its first object; every flow is listed, as the cmdlet's run does.</summary>
        public static double LibraryFirstObjectMilliseconds(PlatformClient client, int flows)
        {
            var clock = Stopwatch.StartNew();
            var host = new StreamConsumerHost(clock, 0, flows);
            new GetDataflowOperation(client).RunAsync(new ResourceQuery(), host).GetAwaiter().GetResult();
            if (host.Count != flows)
            {
                throw new InvalidOperationException("The library listed " + host.Count + " flows of " + flows + ".");
            }

            return host.FirstObjectAfter.GetValueOrDefault().TotalMilliseconds;
        }

        /// <summary>
        /// Makes <paramref name="flows"/> flows in the signed-in sandbox the tutorial's way, as bare requests to the embedded
        /// emulator (a token from its IMS endpoint, then a base, source and target connection, a schema, a dataset and a
        /// mapping set, and the flows over them). Neither the cmdlets nor the client library run, so the listing measured
        /// next is still their first.
        /// </summary>
        public static void CreateFlows(PlatformClient client, int flows) => CreateFlowsAsync(client.Settings, flows).GetAwaiter().GetResult();

        private static async Task CreateFlowsAsync(PlatformConnectionSettings settings, int flows)
        {
            var emulator = await BareEmulatorClient.SignInAsync(settings.OrgId, settings.Sandbox).ConfigureAwait(false);
            const string flowService = "/data/foundation/flowservice";
            var baseId = await emulator.CreateAsync(flowService + "/connections", @"{ ""name"": ""Listed shop"",
                ""auth"": { ""specName"": ""Basic Authentication"", ""params"": { ""host"": ""shop.example"", ""accessToken"": ""shpat-listed"" } },
                ""connectionSpec"": { ""id"": """ + WellKnown.ShopifyConnectionSpecId + @""", ""version"": ""1.0"" } }").ConfigureAwait(false);
            var sourceId = await emulator.CreateAsync(flowService + "/sourceConnections", @"{ ""name"": ""Listed source"", ""baseConnectionId"": """ + baseId + @""",
                ""data"": { ""format"": ""tabular"" }, ""params"": { ""tableName"": ""Shopify.Orders"", ""columns"": [ { ""name"": ""Email"", ""type"": ""string"" } ] },
                ""connectionSpec"": { ""id"": """ + WellKnown.ShopifyConnectionSpecId + @""", ""version"": ""1.0"" } }").ConfigureAwait(false);
            var schema = await emulator.PostAsync("/data/foundation/schemaregistry/tenant/schemas", @"{ ""type"": ""object"", ""title"": ""Listed orders"", ""description"": """",
                ""allOf"": [ { ""$ref"": ""https://ns.adobe.com/xdm/context/profile"" }, { ""$ref"": ""https://ns.adobe.com/xdm/context/profile-personal-details"" } ],
                ""meta:containerId"": ""tenant"", ""meta:resourceType"": ""schemas"", ""meta:xdmType"": ""object"", ""meta:class"": ""https://ns.adobe.com/xdm/context/profile"" }").ConfigureAwait(false);
            var schemaId = (string)schema["$id"]!;
            var dataset = await emulator.PostAsync("/data/foundation/catalog/dataSets", @"{ ""name"": ""Listed orders"",
                ""schemaRef"": { ""id"": """ + schemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full-notext+json; version=1"" } }").ConfigureAwait(false);
            var datasetId = ((string)dataset[0]!).Split('/').Last();
            var targetId = await emulator.CreateAsync(flowService + "/targetConnections", @"{ ""name"": ""Listed target"",
                ""data"": { ""format"": ""parquet_xdm"", ""schema"": { ""id"": """ + schemaId + @""", ""version"": ""application/vnd.adobe.xed-full-notext+json; version=1"" } },
                ""params"": { ""dataSetId"": """ + datasetId + @""" }, ""connectionSpec"": { ""id"": """ + WellKnown.DataLakeConnectionSpecId + @""", ""version"": ""1.0"" } }").ConfigureAwait(false);
            var mappingId = await emulator.CreateAsync("/data/foundation/conversion/mappingSets", @"{ ""version"": 0, ""xdmSchema"": """ + schemaId + @""", ""xdmVersion"": ""1.0"",
                ""mappings"": [ { ""destinationXdmPath"": ""personalEmail.address"", ""sourceAttribute"": ""Email"", ""identity"": false, ""version"": 0 } ] }").ConfigureAwait(false);
            // A year ahead, so no run falls due while the flows are listed.
            var startTime = DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var number = 1; number <= flows; number++)
            {
                await emulator.CreateAsync(flowService + "/flows", @"{ ""name"": ""Listed flow " + number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + @""",
                    ""flowSpec"": { ""id"": """ + WellKnown.CrmToAepFlowSpecId + @""", ""version"": ""1.0"" },
                    ""sourceConnectionIds"": [ """ + sourceId + @""" ], ""targetConnectionIds"": [ """ + targetId + @""" ],
                    ""transformations"": [ { ""name"": ""Mapping"", ""params"": { ""mappingId"": """ + mappingId + @""", ""mappingVersion"": 0 } } ],
                    ""scheduleParams"": { ""startTime"": """ + startTime + @""", ""frequency"": ""once"" } }").ConfigureAwait(false);
            }
        }

        /// <summary>Bare JSON requests to the embedded emulator, signed in with its credentials, with the platform's headers.</summary>
        private sealed class BareEmulatorClient(HttpClient http, string accessToken, string orgId, string sandbox)
        {
            public static async Task<BareEmulatorClient> SignInAsync(string orgId, string sandbox)
            {
                var http = new HttpClient(new EmulatorHttpMessageHandler(EmbeddedEmulator.Engine));
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = EmbeddedEmulator.ClientId,
                    ["client_secret"] = EmbeddedEmulator.ClientSecret,
                    ["scope"] = "openid,AdobeID,read_organizations",
                });
                using var response = await http.PostAsync(new Uri(EmbeddedEmulator.BaseUri, "/ims/token/v3"), form).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var token = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!["access_token"]!;
                return new BareEmulatorClient(http, (string)token!, orgId, sandbox);
            }

            public async Task<string> CreateAsync(string path, string json) => (string)(await PostAsync(path, json).ConfigureAwait(false))["id"]!;

            public async Task<JsonNode> PostAsync(string path, string json)
            {
                using var request = BareRequest.Create(HttpMethod.Post, new Uri(EmbeddedEmulator.BaseUri, path), accessToken, orgId, sandbox, EmbeddedEmulator.ClientId);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(path + " answered " + (int)response.StatusCode + ": " + body);
                }

                return JsonNode.Parse(body)!;
            }
        }
    }
}
