using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Emulator.Host;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Tutorial
{
    /// <summary>
    /// Every curl call of both tutorial editions, replayed in order against the emulator. The editions' known defects are
    /// expected explicitly: malformed bodies (a 400 naming the line, then the minimal fix succeeds), the older edition's
    /// <c>/dataSet</c> path (a 404, then the documented <c>POST /dataSets</c>), and calls that forget <c>Authorization</c>.
    /// </summary>
    public sealed class TutorialConformanceTests
    {
        private const string TenantId = "acme";

        // The example ids the newer edition uses for resources it creates in linked tutorials.
        private const string ExampleSchemaId = "https://ns.adobe.com/{TENANT_ID}/schemas/854ddc36ad2c7bd001f66a4392575ed4004f81883328772f";
        private const string ExampleDataSetId = "5fa9c083de62e418dd170b42";

        public static TheoryData<string> Transports => new TheoryData<string> { InProcess, OverHttp };

        private const string InProcess = "in process";
        private const string OverHttp = "over HTTP";

        [Theory]
        [MemberData(nameof(Transports))]
        public Task The_newer_korean_edition_runs(string transport) => WithEmulatorAsync(transport, authoritative: true, async (engine, run) =>
        {
            await run.SignInAsync();
            await run.CreateBaseConnectionAsync();
            await CreateLinkedSchemaAndDataSetAsync(engine, run);

            foreach (var step in Edition("ko"))
            {
                await run.RunAsync(step);
            }

            Assert.Equal(new[] { "POST /sourceConnections" }, run.MalformedBodies);
            Assert.Empty(run.UnservedPaths);
            Assert.Equal(new[] { "GET /flowSpecs", "POST /flows" }, run.SentWithoutAuthorization);
            Assert.Equal(new[] { "GET /flowSpecs" }, run.DocumentedAsItem);
            Assert.Empty(run.RenamedKeys);
            Assert.Equal(1, engine.Sandbox(TutorialRun.Sandbox)!.Collection("flows").Count);
        });

        [Theory]
        [MemberData(nameof(Transports))]
        public Task The_older_french_edition_runs(string transport) => WithEmulatorAsync(transport, authoritative: false, async (engine, run) =>
        {
            await run.SignInAsync();
            await run.CreateBaseConnectionAsync();

            foreach (var step in Edition("fr"))
            {
                await run.RunAsync(step);
            }

            Assert.Equal(new[] { "POST /sourceConnections", "POST /targetConnections" }, run.MalformedBodies);
            Assert.Equal(new[] { "POST /dataSets" }, run.UnservedPaths);
            Assert.Equal(new[] { "GET /flowSpecs", "POST /flows" }, run.SentWithoutAuthorization);
            Assert.Empty(run.DocumentedAsItem);
            Assert.Equal(new[] { "transformationSpecs -> transformationSpec" }, run.RenamedKeys);
            var sandbox = engine.Sandbox(TutorialRun.Sandbox)!;
            Assert.Equal(1, sandbox.Collection("schemas").Count);
            Assert.Equal(1, sandbox.Collection("dataSets").Count);
            Assert.Equal(1, sandbox.Collection("flows").Count);
        });

        /// <summary>A fresh emulator, reached in process or through the standalone host's server on a loopback socket.</summary>
        private static async Task WithEmulatorAsync(string transport, bool authoritative, Func<EmulatorEngine, TutorialRun, Task> scenario)
        {
            var engine = new EmulatorEngine(TutorialRun.Options(TenantId));
            if (transport == InProcess)
            {
                await scenario(engine, new TutorialRun(new HttpClient(new EmulatorHttpMessageHandler(engine)) { BaseAddress = new Uri("https://platform.adobe.io") }, TenantId, authoritative));
                return;
            }

            await using (var server = await EmulatorServer.StartAsync(engine))
            using (var http = new HttpClient { BaseAddress = server.BaseAddress })
            {
                await scenario(engine, new TutorialRun(http, TenantId, authoritative));
            }
        }

        private static IReadOnlyList<TutorialStep> Edition(string edition) =>
            TutorialDocument.Read(ContractFiles.PathOf("seeds", "ecommerce-dataflow-tutorial." + edition + ".md"), edition);

        /// <summary>The newer edition links out for the target schema and dataset; they are made the way the older edition shows.</summary>
        private static async Task CreateLinkedSchemaAndDataSetAsync(EmulatorEngine engine, TutorialRun run)
        {
            var schema = await run.SendAsync(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/schemas", HttpStatusCode.Created, XdmTestSchemas.ProfileSchemaBody("Test Shopify schema"));
            var schemaId = (string)schema["$id"]!;
            var dataSet = await run.SendAsync(HttpMethod.Post, "/data/foundation/catalog/dataSets", HttpStatusCode.Created,
                @"{""name"": ""Test Shopify Target Dataset"", ""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": """ + XdmTestSchemas.FullNoText + @"""}}");
            run.MapId(ExampleSchemaId, schemaId);
            run.MapId(ExampleDataSetId, ((string)dataSet[0]!).Substring("@/dataSets/".Length));
            Assert.NotNull(engine.Sandbox(TutorialRun.Sandbox)!.Collection("dataSets").Find(((string)dataSet[0]!).Substring("@/dataSets/".Length)));
        }
    }
}
