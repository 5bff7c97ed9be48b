using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Completion;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Operations;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Cmdlets.Lifecycle;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// What tab completion offers, read from the platform of a context: each list's values and descriptions, bounded,
    /// cached for the context on its clock, and the list cached before (or nothing) when the platform fails or is slow.
    /// </summary>
    public sealed class CompletionCandidatesTests : IDisposable
    {
        private readonly ManualTimeProvider _clock = new ManualTimeProvider();
        private readonly EmulatorEngine _engine = new EmulatorEngine(new EmulatorOptions());
        private readonly Stall _stall = new Stall();
        private readonly PlatformClient _client;

        public CompletionCandidatesTests()
        {
            _client = TestPlatform.NewClientThrough(_engine, emulator => new StallingHandler(emulator, _stall), _clock, RetryOptions.None);
        }

        public void Dispose()
        {
            _stall.Release();
            _client.Dispose();
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void A_candidate_without_a_description_is_described_by_its_value(string? description) =>
            Assert.Equal("Success", new CompletionCandidate("Success", description).Description);

        [Fact]
        public async Task The_parts_of_flows_are_offered_by_name_described_with_their_ids()
        {
            var builder = new FlowBuilder(_client);
            var (schema, dataset, shop) = await builder.PrerequisitesAsync();
            var (source, target, mapping) = await builder.PartsAsync("Offered", shop.Id, dataset);
            var flow = await builder.FlowAsync("Offered", source, target, mapping);

            Assert.Equal(new[] { "Offered|Offered (" + flow.Id + ")" }, Texts(CompletionCandidates.Dataflows(_client)));
            Assert.Equal(new[] { "Shop|Shop (" + shop.Id + ")" }, Texts(CompletionCandidates.BaseConnections(_client)));
            Assert.Equal(new[] { "Offered source|Offered source (" + source.Id + ")" }, Texts(CompletionCandidates.SourceConnections(_client)));
            Assert.Equal(new[] { "Offered target|Offered target (" + target.Id + ")" }, Texts(CompletionCandidates.TargetConnections(_client)));
            Assert.Equal(new[] { "Shopify orders|Shopify orders (" + dataset.Id + ")" }, Texts(CompletionCandidates.Datasets(_client)));
            Assert.Equal(new[] { schema.Title + "|" + schema.Title + " (" + schema.Id + ")" }, Texts(CompletionCandidates.XdmSchemas(_client)));
            Assert.StartsWith("Shopify orders ", schema.Title);
        }

        [Fact]
        public void The_specs_sandboxes_classes_and_field_groups_are_offered_by_the_names_the_commands_take()
        {
            Assert.Equal(new[] { "CRMToAEP|CRMToAEP (14518937-270c-4525-bdec-c2ba7cce3860)" }, Texts(CompletionCandidates.FlowSpecs(_client)));
            Assert.Equal(
                new[] { "amazon-s3", "DataLake", "dynamics-online", "hubspot", "salesforce", "shopify", "square" },
                CompletionCandidates.ConnectionSpecs(_client).Select(c => c.Value).OrderBy(v => v, StringComparer.OrdinalIgnoreCase));
            Assert.Contains("shopify|shopify (4f63aa36-bd48-4e33-bb83-49fbcd11c708)", Texts(CompletionCandidates.ConnectionSpecs(_client)));
            Assert.Equal(new[] { "prod|prod (Production, production)", "dev|dev (dev, development)" }, Texts(CompletionCandidates.Sandboxes(_client)));
            Assert.Equal(
                new[]
                {
                    "experienceevent|XDM ExperienceEvent (https://ns.adobe.com/xdm/context/experienceevent)",
                    "profile|XDM Individual Profile (https://ns.adobe.com/xdm/context/profile)",
                },
                Texts(CompletionCandidates.XdmClasses(_client)).OrderBy(t => t, StringComparer.Ordinal));
            Assert.Contains("profile-person-details|Demographic Details (https://ns.adobe.com/xdm/context/profile-person-details)", Texts(CompletionCandidates.XdmFieldGroups(_client)));
        }

        [Fact]
        public void A_class_outside_the_XDM_context_namespace_is_offered_by_its_whole_id()
        {
            using var client = TestPlatform.NewClientThrough(_engine, emulator => new AnswerRewriter(emulator, "/global/classes", WithClassOfAnotherNamespace));

            Assert.Contains(
                "https://ns.adobe.com/experience/campaign/orchestration|Campaign Orchestration (https://ns.adobe.com/experience/campaign/orchestration)",
                Texts(CompletionCandidates.XdmClasses(client)));
        }

        [Fact]
        public async Task The_tables_and_columns_of_a_base_connection_s_source_are_offered_with_the_column_types()
        {
            var shop = (await TestPlatform.CreateShopifyConnectionAsync(_client, "Shop")).Id;

            Assert.Equal(
                new[] { "Shopify.Orders|Shopify.Orders", "Shopify.Customers|Shopify.Customers", "Shopify.Products|Shopify.Products" },
                Texts(CompletionCandidates.SourceTables(_client, shop)));
            var columns = Texts(CompletionCandidates.SourceColumns(_client, shop, "Shopify.Orders"));
            Assert.Equal(12, columns.Count);
            Assert.Equal(new[] { "Id|Id (double)", "Email|Email (string)" }, columns.Take(2));
            Assert.Empty(CompletionCandidates.SourceColumns(_client, shop, "Shopify.Nothing"));
        }

        [Fact]
        public async Task A_folder_is_not_offered_as_a_table_a_table_is_offered_by_path_and_an_untyped_column_as_a_string()
        {
            using var client = TestPlatform.NewClientThrough(_engine, emulator => new AnswerRewriter(emulator, "/explore", FolderShortNamesAndUntypedColumns));
            var shop = (await TestPlatform.CreateShopifyConnectionAsync(client, "Shop")).Id;

            Assert.Equal(
                new[] { "Shopify.Orders|Orders", "Shopify.Customers|Shopify.Customers" },
                Texts(CompletionCandidates.SourceTables(client, shop)));
            Assert.Equal("Id|Id (string)", Texts(CompletionCandidates.SourceColumns(client, shop, "Shopify.Orders"))[0]);
        }

        [Fact]
        public void A_list_is_cut_at_its_bound_without_reading_a_further_page()
        {
            // Only the first page is full; the next is the emulator's own, so reading on would end too.
            var pages = 0;
            using var client = TestPlatform.NewClientThrough(_engine, emulator => new AnswerRewriter(emulator, "/connectionSpecs", answer => pages++ == 0 ? FullPageWithANextLink(answer) : answer), _clock);
            _engine.Journal.Clear();

            var offered = CompletionCandidates.ConnectionSpecs(client);

            Assert.Equal(500, offered.Count);
            Assert.Equal(new[] { "GET /connectionSpecs" }, _engine.Journal.Recent.Select(e => e.Call()));
        }

        [Fact]
        public void A_list_is_fetched_once_per_context_while_younger_than_its_lifetime()
        {
            using var other = TestPlatform.NewClientThrough(_engine, emulator => emulator, _clock);
            var first = CompletionCandidates.FlowSpecs(_client);
            _clock.Advance(CompletionCandidates.CacheLifetime - TimeSpan.FromTicks(1));

            Assert.Same(first, CompletionCandidates.FlowSpecs(_client));
            Assert.Equal(1, FlowSpecListings());
            Assert.NotSame(first, CompletionCandidates.FlowSpecs(other));
            Assert.Equal(2, FlowSpecListings());

            _clock.Advance(TimeSpan.FromTicks(1));
            var renewed = CompletionCandidates.FlowSpecs(_client);
            Assert.NotSame(first, renewed);
            Assert.Equal(3, FlowSpecListings());
            Assert.Equal(Texts(first), Texts(renewed));
        }

        [Fact]
        public void A_list_the_platform_fails_to_give_is_the_one_cached_before_or_nothing()
        {
            var before = CompletionCandidates.FlowSpecs(_client);
            _clock.Advance(CompletionCandidates.CacheLifetime);
            _engine.Faults.Enqueue(new ScriptedFault(503, method: "GET"));
            _engine.Faults.Enqueue(new ScriptedFault(503, method: "GET"));

            Assert.Same(before, CompletionCandidates.FlowSpecs(_client));
            Assert.Empty(CompletionCandidates.ConnectionSpecs(_client));
            Assert.Equal(2, FlowSpecListings());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_list_not_fetched_in_time_is_the_one_cached_before_or_nothing_even_when_the_request_does_not_stop(bool requestIgnoresCancellation)
        {
            var before = CompletionCandidates.FlowSpecs(_client);
            _clock.Advance(CompletionCandidates.CacheLifetime);
            _stall.Enabled = true;
            _stall.IgnoresCancellation = requestIgnoresCancellation;

            var stale = await OfferedWhenTimedOutAsync(() => CompletionCandidates.FlowSpecs(_client));
            var none = await OfferedWhenTimedOutAsync(() => CompletionCandidates.ConnectionSpecs(_client));

            Assert.Same(before, stale);
            Assert.Empty(none);
        }

        /// <summary>Asks for a list while the platform stalls, and moves the clock to the timeout once the request is on its way.</summary>
        private async Task<IReadOnlyList<CompletionCandidate>> OfferedWhenTimedOutAsync(Func<IReadOnlyList<CompletionCandidate>> complete)
        {
            var reached = _stall.NextRequest();
            var offered = Task.Run(complete);
            Assert.Same(reached, await Task.WhenAny(reached, Task.Delay(TimeSpan.FromSeconds(30))));
            _clock.Advance(CompletionCandidates.Timeout);
            Assert.Same(offered, await Task.WhenAny(offered, Task.Delay(TimeSpan.FromSeconds(30))));
            return await offered;
        }

        private int FlowSpecListings() => _engine.Journal.Recent.Count(e => e.Path == "/data/foundation/flowservice/flowSpecs");

        private static List<string> Texts(IEnumerable<CompletionCandidate> candidates) => candidates.Select(c => c.Value + "|" + c.Description).ToList();

        private static JsonNode WithClassOfAnotherNamespace(JsonNode answer)
        {
            answer["results"]!.AsArray().Add(new JsonObject { ["$id"] = "https://ns.adobe.com/experience/campaign/orchestration", ["title"] = "Campaign Orchestration" });
            return answer;
        }

        /// <summary>Explore as a file source may answer: a folder among the tables, a short name beside a path, a table without a name, columns without their types.</summary>
        private static JsonNode FolderShortNamesAndUntypedColumns(JsonNode answer)
        {
            if (answer is JsonArray items)
            {
                items[2]!["type"] = "Folder";
                ExploreAnswers.ShortNamesAndAPathlessTable(answer);
                items[1]!["path"] = "Shopify.Customers";
                items[1]!["name"] = string.Empty;
                return answer;
            }

            return ExploreAnswers.UntypedColumns(answer);
        }

        /// <summary>A first page of as many specs as completion offers, with a link to a next page.</summary>
        private static JsonNode FullPageWithANextLink(JsonNode answer)
        {
            var items = answer["items"]!.AsArray();
            items.Clear();
            for (var i = 0; i < CompletionCandidates.MaxCandidates; i++)
            {
                items.Add(new JsonObject { ["id"] = "spec-id-" + i, ["name"] = "spec-" + i });
            }

            answer["_links"] = new JsonObject { ["next"] = new JsonObject { ["href"] = "/data/foundation/flowservice/connectionSpecs" } };
            return answer;
        }

        /// <summary>While enabled, holds every request until it is cancelled, telling the test when one arrived.</summary>
        private sealed class Stall
        {
            private TaskCompletionSource<bool> _next = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            private readonly TaskCompletionSource<bool> _released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public volatile bool Enabled;

            /// <summary>Holds a request until <see cref="Release"/> whether or not it is cancelled, as a stuck connection might.</summary>
            public volatile bool IgnoresCancellation;

            public void Release() => _released.TrySetResult(true);

            public Task NextRequest()
            {
                _next = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task;
            }

            public async Task HoldAsync(CancellationToken cancellationToken)
            {
                _next.TrySetResult(true);
                await (IgnoresCancellation ? _released.Task : Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private sealed class StallingHandler : DelegatingHandler
        {
            private readonly Stall _stall;

            public StallingHandler(HttpMessageHandler inner, Stall stall)
                : base(inner)
            {
                _stall = stall;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (_stall.Enabled)
                {
                    await _stall.HoldAsync(cancellationToken);
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
