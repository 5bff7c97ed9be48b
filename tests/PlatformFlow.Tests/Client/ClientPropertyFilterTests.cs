using System.Text.Json.Nodes;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    public sealed class ClientPropertyFilterTests
    {
        private static readonly JsonNode MappingSet = JsonNode.Parse("""
            { "name": "Orders", "version": 2, "outputSchema": { "schemaRef": { "id": "https://ns/schemas/1" } },
              "mappings": [ { "source": "id", "destination": "_id" }, { "source": "total", "destination": "amount" } ] }
            """)!;

        [Theory]
        [InlineData("name==orders", true)]
        [InlineData("NAME==Orders", true)]
        [InlineData("outputSchema.schemaRef.id==\"https://ns/schemas/1\"", true)]
        [InlineData("mappings[].source==total", true)]
        [InlineData("mappings[].source!=total", false)]
        [InlineData("version>1", true)]
        [InlineData("version<2", false)]
        [InlineData("missing==x", false)]
        public void Filters_a_resource_with_the_platform_grammar_and_field_names_in_any_case(string filter, bool matches) =>
            Assert.Equal(matches, ClientPropertyFilter.Parse(filter).Matches(MappingSet));

        [Theory]
        [InlineData("version", "expected a field path, an operator (==, !=, >, <, >=, <=, ~) and a value, e.g. name==Orders")]
        [InlineData("name=Orders", "expected a field path, an operator (==, !=, >, <, >=, <=, ~) and a value, e.g. name==Orders")]
        [InlineData("==Orders", "expected a field path, an operator (==, !=, >, <, >=, <=, ~) and a value, e.g. name==Orders")]
        [InlineData("name==a,", "a value is empty")]
        [InlineData("version>1,2", "operator > compares with a single value")]
        public void A_malformed_filter_is_a_validation_error_naming_the_filter(string filter, string problem)
        {
            var error = Assert.Throws<PlatformValidationException>(() => ClientPropertyFilter.Parse(filter));

            Assert.Equal(("-Filter '" + filter + "'", problem), (error.Subject, Assert.Single(error.Problems)));
        }
    }
}
