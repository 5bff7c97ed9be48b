using System.Linq;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>Routing on a table of made-up routes: which handler answers, with which route values, or why none does.</summary>
    public sealed class RouteTableTests
    {
        private readonly RouteTable _routes = new RouteTable();
        private readonly Service _items = new Service("/api/items");
        private readonly Service _other = new Service("/api/other");

        public RouteTableTests()
        {
            Add(_items, "GET", "/things/{id}", "get-thing");
            Add(_items, "delete", "/things/{id}", "delete-thing");
            Add(_items, "POST", "/things/validate", "validate", changesState: false);
            Add(_items, "POST", "/things", "create");
            Add(_items, "GET", "/things/{id}/parts/{part}", "get-part");
            Add(_items, "HEAD", "/things", "head");
            Add(_other, "GET", "", "other-root");
        }

        [Theory]
        [InlineData("GET", "/api/items/things/t1", "get-thing", "id=t1", false)]
        [InlineData("DELETE", "/api/items/things/t1", "delete-thing", "id=t1", true)]
        [InlineData("POST", "/api/items/things/validate", "validate", "", false)]
        [InlineData("POST", "/api/items/things/", "create", "", true)]
        [InlineData("HEAD", "/api/items/things", "head", "", false)]
        [InlineData("GET", "/api/items/things/t%2F1/parts/p%20q", "get-part", "id=t/1;part=p q", false)]
        [InlineData("GET", "/api/other", "other-root", "", false)]
        public void The_route_of_the_method_and_path_answers_with_the_decoded_segment_values(string method, string path, string handler, string values, bool changesState)
        {
            var match = _routes.Match(method, path, out var otherMethod);

            Assert.NotNull(match);
            Assert.Equal(handler, Answer(match!));
            Assert.Equal(values, string.Join(";", match!.Values.OrderBy(v => v.Key).Select(v => v.Key + "=" + v.Value)));
            Assert.Equal(changesState, match.ChangesState);
            Assert.False(otherMethod);
        }

        [Theory]
        [InlineData("GET", "/api/items/things/validate", true)] // the literal route is more specific than GET's {id}
        [InlineData("PUT", "/api/items/things/t1", true)]
        [InlineData("GET", "/api/items/things", true)]
        [InlineData("GET", "/api/items/things/t/1", false)] // an unencoded slash makes another segment
        [InlineData("GET", "/api/items/things/t1/parts", false)]
        [InlineData("GET", "/api/items/nothing/t1", false)]
        [InlineData("GET", "/api/itemsx/things/t1", false)]
        public void An_unmatched_request_is_a_405_only_when_its_paths_most_specific_routes_serve_other_methods(string method, string path, bool is405)
        {
            Assert.Null(_routes.Match(method, path, out var otherMethod));
            Assert.Equal(is405, otherMethod);
        }

        [Fact]
        public void A_literal_route_wins_over_a_placeholder_whichever_was_added_first()
        {
            var routes = new RouteTable();
            routes.Add(_items, "POST", "/things/{id}", _ => EmulatorResponse.Empty(201));
            routes.Add(_items, "POST", "/things/validate", _ => EmulatorResponse.Empty(200));
            routes.Add(_items, "POST", "/things/{id}", _ => EmulatorResponse.Empty(202));

            Assert.Equal(200, routes.Match("POST", "/api/items/things/validate", out _)!.Handler(null!).StatusCode);
            Assert.Equal(201, routes.Match("POST", "/api/items/things/other", out _)!.Handler(null!).StatusCode);
        }

        [Fact]
        public void A_template_of_placeholders_only_matches_any_path_of_as_many_segments()
        {
            var routes = new RouteTable();
            routes.Add(new Service(string.Empty), "GET", "/{anything}", _ => EmulatorResponse.Empty(200));

            Assert.Equal("x y", routes.Match("GET", "//x%20y/", out var otherMethod)!.Values["anything"]);
            Assert.False(otherMethod);
            Assert.Null(routes.Match("POST", "/x", out otherMethod));
            Assert.True(otherMethod);
            Assert.Null(routes.Match("GET", "/x/y", out otherMethod));
            Assert.False(otherMethod);
        }

        [Theory]
        [InlineData("/api/items", "/api/items")]
        [InlineData("/api/items/anything/at/all", "/api/items")]
        [InlineData("/api/other/x", "/api/other")]
        [InlineData("/api/itemsx", null)]
        [InlineData("/api", null)]
        public void The_service_of_a_path_is_the_one_whose_base_path_starts_it(string path, string? basePath)
        {
            Assert.Equal(basePath, _routes.ServiceFor(path)?.BasePath);
        }

        private static string Answer(RouteMatch match) => match.Handler(null!).Headers["route"];

        private void Add(Service service, string method, string template, string name, bool? changesState = null) =>
            _routes.Add(service, method, template, _ => EmulatorResponse.Empty(200).WithHeader("route", name), changesState);

        private sealed class Service(string basePath) : EmulatorService(basePath, ErrorStyle.Gateway)
        {
            public override void Register(RouteTable routes)
            {
            }
        }
    }
}
