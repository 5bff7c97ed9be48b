using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Emulator.FlowService;
using Xunit;
using Xunit.Abstractions;

namespace PlatformFlow.Tests.Emulator
{
    /// <summary>
    /// A bounded, seeded fuzz of every emulator route: valid tutorial bodies mutated (duplicate keys, lone surrogates,
    /// values of the wrong type, out-of-range numbers, huge strings), malformed list queries, unknown ids. Whatever a
    /// request holds, the emulator answers a 4xx or a success: never a 500, never an exception out of the engine.
    /// </summary>
    public sealed class EmulatorFuzzTests
    {
        private const int Seed = 20261130;
        private const int Requests = 6000;

        private static readonly string[] Collections =
        {
            FlowServiceTestBed.Flow + "/connections", FlowServiceTestBed.Flow + "/sourceConnections", FlowServiceTestBed.Flow + "/targetConnections",
            FlowServiceTestBed.Flow + "/flows", FlowServiceTestBed.Flow + "/runs", FlowServiceTestBed.Flow + "/connectionSpecs", FlowServiceTestBed.Flow + "/flowSpecs",
            "/data/foundation/catalog/dataSets", "/data/foundation/schemaregistry/tenant/schemas", "/data/foundation/schemaregistry/global/classes",
            "/data/foundation/schemaregistry/global/fieldgroups", "/data/foundation/conversion/mappingSets",
        };

        private static readonly string[] QueryParts =
        {
            "orderby=", "orderby=,", "orderby=name", "orderby=-name", "orderby=+createdAt", "orderby=%2B", "orderby=-", "orderby=name,title", "orderby=a..b",
            "orderby=title", "orderby=-title", "orderby=%00", "property=name==a", "property=name~%5E(a%2B)%2B%24", "property=name==\"a,b\"", "property=name==",
            "property===", "property=name=a", "property=name>a,b", "property=name!=", "property=a.b[].c==1", "property=%22", "property=name~'", "property=name==%F0%9F%98%80",
            "property=createdAt>abc", "property=scheduleParams.interval>=1e400", "limit=0", "limit=-1", "limit=99999999999", "limit=1", "limit=abc", "count=true",
            "count=maybe", "count=true&limit=2", "continuationToken=abc", "continuationToken=eyJvIjoiIiwicyI6MSwicyI6Mn0", "continuationToken=eyJvIjoxfQ",
            "continuationToken=bnVsbA", "continuationToken=W10", "start=0", "objectType=root", "objectType=table&object=Shopify.Orders&preview=true",
            "objectType=table&object=%00", "op=enable", "op=disable", "op=RE_TRIGGER", "op=", "property=name~%5Cud800",
        };

        private readonly ITestOutputHelper _output;

        public EmulatorFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task No_request_makes_the_emulator_answer_500()
        {
            using var bed = new FlowServiceTestBed();
            var pipeline = await bed.CreatePipeline();
            var flowId = await bed.CreateFlow(pipeline);
            var bodies = new[]
            {
                FlowServiceTestBed.ShopifyConnectionBody(), FlowServiceTestBed.SourceConnectionBody(pipeline.ConnectionId),
                FlowServiceTestBed.TargetConnectionBody(pipeline.SchemaId, pipeline.DataSetId),
                FlowServiceTestBed.FlowBody(pipeline.SourceId, pipeline.TargetId, pipeline.MappingId),
                FlowServiceTestBed.Json(@"{ ""name"": ""d"", ""schemaRef"": { ""id"": """ + pipeline.SchemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full-notext+json; version=1"" } }"),
                FlowServiceTestBed.Json(@"{ ""title"": ""t"", ""type"": ""object"", ""allOf"": [ { ""$ref"": ""https://ns.adobe.com/xdm/context/profile"" } ], ""meta:class"": ""https://ns.adobe.com/xdm/context/profile"" }"),
                FlowServiceTestBed.Json(@"{ ""outputSchema"": { ""schemaRef"": { ""id"": """ + pipeline.SchemaId + @""", ""contentType"": ""application/vnd.adobe.xed-full+json;version=1"" } },
                    ""mappings"": [ { ""sourceType"": ""ATTRIBUTE"", ""source"": ""Email"", ""destination"": ""personalEmail.address"" } ] }"),
                FlowServiceTestBed.Json(@"{ ""flowId"": """ + flowId + @""", ""params"": { ""startTime"": 1604961070, ""windowStartTime"": 1604961070, ""windowEndTime"": 1604964670 } }"),
                FlowServiceTestBed.Json(@"{ ""grant_type"": ""client_credentials"" }"),
            };
            var ids = new[] { pipeline.ConnectionId, pipeline.SourceId, pipeline.TargetId, flowId, pipeline.MappingId, pipeline.DataSetId, Uri.EscapeDataString(pipeline.SchemaId), "nosuch", "%ZZ", "%00", "..", "%F0%9F%98%80" };

            var random = new Random(Seed);
            var statuses = new SortedDictionary<int, int>();
            var failures = new List<string>();
            for (var i = 0; i < Requests; i++)
            {
                var request = NextRequest(random, bodies, ids);
                int status;
                try
                {
                    status = (await bed.Engine.HandleAsync(request.Build(bed))).StatusCode;
                }
                catch (Exception ex)
                {
                    status = 500;
                    request.Problem = ex.GetType().Name + ": " + ex.Message;
                }

                statuses[status] = statuses.TryGetValue(status, out var seen) ? seen + 1 : 1;
                if (status >= 500 && failures.Count < 20)
                {
                    failures.Add(request.ToString());
                }
            }

            _output.WriteLine(Requests + " requests (seed " + Seed + "): " + string.Join(", ", statuses.Select(s => s.Key + "×" + s.Value)));
            Assert.True(failures.Count == 0, "answers of 500:\n" + string.Join("\n", failures));
            Assert.True(statuses.Keys.Any(s => s < 300) && statuses.Keys.Any(s => s >= 400), "the fuzz reached both successes and refusals");
        }

        private static FuzzRequest NextRequest(Random random, JsonObject[] bodies, string[] ids)
        {
            var collection = Collections[random.Next(Collections.Length)];
            var path = collection;
            var shape = random.Next(6);
            if (shape >= 3)
            {
                path += "/" + ids[random.Next(ids.Length)];
                if (shape == 5)
                {
                    path += new[] { "/action", "/explore", "/mappings", "/mappings/nosuch" }[random.Next(4)];
                }
            }

            // Mostly methods the path serves, so most requests get past routing to the handlers.
            var served = shape < 3 ? new[] { "GET", "POST" } : shape == 5 ? new[] { "GET", "POST" } : new[] { "GET", "PATCH", "PUT", "DELETE" };
            var method = random.Next(10) == 0 ? new[] { "GET", "POST", "PATCH", "PUT", "DELETE" }[random.Next(5)] : served[random.Next(served.Length)];
            var query = Enumerable.Range(0, random.Next(3)).Select(_ => QueryParts[random.Next(QueryParts.Length)]).ToList();
            byte[]? body = null;
            if (method == "POST" || method == "PATCH" || method == "PUT")
            {
                body = method == "PATCH" ? PatchBody(random) : MutatedBody(random, bodies[random.Next(bodies.Length)]);
            }

            return new FuzzRequest(method, path, string.Join("&", query), body);
        }

        private static byte[] PatchBody(Random random)
        {
            var paths = new[] { "/name", "/description", "/scheduleParams/interval", "/scheduleParams/startTime", "/params/columns", "/auth/params/accessToken", "/state", "/x", "", "/name/0" };
            var ops = new[] { "replace", "add", "remove", "move", "copy", "test", "nonsense" };
            var patch = new JsonArray();
            for (var i = random.Next(3); i >= 0; i--)
            {
                patch.Add(new JsonObject { ["op"] = ops[random.Next(ops.Length)], ["path"] = paths[random.Next(paths.Length)], ["value"] = RandomValue(random, 2) });
            }

            return Encoding.UTF8.GetBytes(Mangle(random, patch.ToJsonString()));
        }

        private static byte[] MutatedBody(Random random, JsonObject template)
        {
            var body = (JsonObject)template.DeepClone();
            for (var i = random.Next(4) - 1; i >= 0; i--)
            {
                Mutate(random, body);
            }

            return Encoding.UTF8.GetBytes(Mangle(random, body.ToJsonString()));
        }

        /// <summary>Replaces, removes or adds one member somewhere in the document.</summary>
        private static void Mutate(Random random, JsonNode node)
        {
            while (true)
            {
                var children = node is JsonObject obj ? obj.Select(p => p.Value).ToList() : node is JsonArray array ? array.ToList() : new List<JsonNode?>();
                var containers = children.Where(c => c is JsonObject || c is JsonArray).ToList();
                if (containers.Count > 0 && random.Next(2) == 0)
                {
                    node = containers[random.Next(containers.Count)]!;
                    continue;
                }

                if (node is JsonObject target && target.Count > 0)
                {
                    var key = target.ElementAt(random.Next(target.Count)).Key;
                    if (random.Next(4) == 0)
                    {
                        target.Remove(key);
                    }
                    else
                    {
                        target[key] = RandomValue(random, 2);
                    }
                }
                else if (node is JsonArray list)
                {
                    list.Add(RandomValue(random, 2));
                }

                return;
            }
        }

        private static JsonNode? RandomValue(Random random, int depth)
        {
            switch (random.Next(depth > 0 ? 14 : 12))
            {
                case 0: return null;
                case 1: return random.Next(2) == 0;
                case 2: return random.Next(int.MinValue, int.MaxValue);
                case 3: return long.MaxValue;
                case 4: return -1;
                case 5: return 1.5;
                case 6: return 1e300;
                case 7: return string.Empty;
                case 8: return new string('x', 70000);
                case 9: return "  spaced  ";
                case 10: return "a\"b,c==d~e ü";
                case 11: return "Email:notatype";
                case 12: return new JsonArray(RandomValue(random, depth - 1), RandomValue(random, depth - 1));
                default: return new JsonObject { ["name"] = RandomValue(random, depth - 1), ["id"] = RandomValue(random, depth - 1) };
            }
        }

        /// <summary>Text-level damage JSON objects cannot carry: duplicate keys, lone surrogates, truncation, bad bytes.</summary>
        private static string Mangle(Random random, string json)
        {
            switch (random.Next(10))
            {
                case 0:
                    var brace = json.IndexOf('{');
                    return brace < 0 ? json : json.Insert(brace + 1, "\"name\":\"dup\",\"name\":\"dup2\",");
                case 1:
                    var quote = json.IndexOf(":\"", StringComparison.Ordinal);
                    return quote < 0 ? json + "\"\\ud800\"" : json.Insert(quote + 2, new[] { "\\ud800", "\\udc00x", "\\ud800\\ud800" }[random.Next(3)]);
                case 2:
                    return json.Substring(0, random.Next(json.Length));
                case 3:
                    return "[" + json + "]";
                default:
                    return json;
            }
        }

        private sealed class FuzzRequest
        {
            private readonly string _query;
            private readonly byte[]? _body;

            public FuzzRequest(string method, string path, string query, byte[]? body)
            {
                Method = method;
                Path = path;
                _query = query;
                _body = body;
            }

            public string Method { get; }

            public string Path { get; }

            public string? Problem { get; set; }

            public EmulatorRequest Build(FlowServiceTestBed bed)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Authorization"] = "Bearer test-token",
                    ["x-api-key"] = "test-client",
                    ["x-gw-ims-org-id"] = "TEST0000000000000000@AdobeOrg",
                    ["x-sandbox-name"] = "prod",
                    ["If-Match"] = "\"nonsense\"",
                };
                if (_body != null)
                {
                    headers["Content-Type"] = "application/json";
                }

                string decoded;
                try
                {
                    decoded = Uri.UnescapeDataString(Path);
                }
                catch (UriFormatException)
                {
                    decoded = Path;
                }

                return new EmulatorRequest(Method, decoded, EmulatorRequest.ParseQuery(_query), headers, _body ?? Array.Empty<byte>(), Path);
            }

            public override string ToString()
            {
                var body = _body is null ? string.Empty : " " + Encoding.UTF8.GetString(_body);
                return Method + " " + Path + (_query.Length > 0 ? "?" + _query : string.Empty) + (body.Length > 300 ? body.Substring(0, 300) + "…" : body) + " → " + Problem;
            }
        }
    }
}
