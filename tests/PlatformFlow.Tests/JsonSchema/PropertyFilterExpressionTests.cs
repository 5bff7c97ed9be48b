using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    public sealed class PropertyFilterExpressionTests
    {
        [Theory]
        [InlineData("version==3", "version", "==", new[] { "3" })]
        [InlineData(" name != Orders ", "name", "!=", new[] { "Orders" })]
        [InlineData("version>=2", "version", ">=", new[] { "2" })]
        [InlineData("version<=2", "version", "<=", new[] { "2" })]
        [InlineData("version>2", "version", ">", new[] { "2" })]
        [InlineData("version<2", "version", "<", new[] { "2" })]
        [InlineData("name~ord", "name", "~", new[] { "ord" })]
        [InlineData("state==enabled, disabled", "state", "==", new[] { "enabled", "disabled" })]
        [InlineData("name==\"a,b\",'c,d'", "name", "==", new[] { "a,b", "c,d" })]
        [InlineData("name==\"x>=1\"", "name", "==", new[] { "x>=1" })]
        [InlineData("inheritedAttributes.sourceConnections[].id==abc", "inheritedAttributes.sourceConnections[].id", "==", new[] { "abc" })]
        public void Parses_the_path_the_operator_and_the_values(string text, string path, string op, string[] values)
        {
            var expression = PropertyFilterExpression.Parse(text);

            Assert.Equal((path, op), (expression.Path, expression.Operator));
            Assert.Equal(values, expression.Values);
        }

        [Theory]
        [InlineData("version", PropertyFilterMistake.NoOperator, "")]
        [InlineData("name=Orders", PropertyFilterMistake.UnknownOperator, "=O")]
        [InlineData("name!Orders", PropertyFilterMistake.UnknownOperator, "!O")]
        [InlineData("name=", PropertyFilterMistake.UnknownOperator, "=")]
        [InlineData("==Orders", PropertyFilterMistake.MalformedPath, "")]
        [InlineData("my name==Orders", PropertyFilterMistake.MalformedPath, "my name")]
        [InlineData("items[0]==Orders", PropertyFilterMistake.MalformedPath, "items[0]")]
        [InlineData("a..b==Orders", PropertyFilterMistake.MalformedPath, "a..b")]
        [InlineData("name==", PropertyFilterMistake.EmptyValue, "")]
        [InlineData("name==a,,b", PropertyFilterMistake.EmptyValue, "")]
        [InlineData("name==''", PropertyFilterMistake.EmptyValue, "")]
        [InlineData("version>1,2", PropertyFilterMistake.SeveralValuesForComparison, ">")]
        [InlineData("version<=1,2", PropertyFilterMistake.SeveralValuesForComparison, "<=")]
        public void Names_the_kind_of_mistake_and_the_part_at_fault(string text, PropertyFilterMistake mistake, string offending)
        {
            var error = Assert.Throws<PropertyFilterSyntaxException>(() => PropertyFilterExpression.Parse(text));

            Assert.Equal((mistake, text, offending), (error.Mistake, error.Expression, error.OffendingText));
        }

        [Theory]
        [InlineData("version==3", "3", true)]
        [InlineData("version==3.0", "3", true)]
        [InlineData("version==4", "3", false)]
        [InlineData("version==2,3", "3", true)]
        [InlineData("version!=3", "3", false)]
        [InlineData("version!=2,4", "3", true)]
        [InlineData("version>2", "3", true)]
        [InlineData("version>3", "3", false)]
        [InlineData("version<10", "3", true)]
        [InlineData("version>=3", "3", true)]
        [InlineData("version<=2", "3", false)]
        [InlineData("version==three", "3", false)]
        [InlineData("version>three", "3", false)]
        [InlineData("version~3", "13", true)]
        public void Numbers_compare_as_numbers(string text, string json, bool matches) =>
            Assert.Equal(matches, Matches(text, json));

        [Theory]
        [InlineData("state==Enabled", "\"enabled\"", true)]
        [InlineData("state==enabled,disabled", "\"disabled\"", true)]
        [InlineData("state!=ENABLED", "\"enabled\"", false)]
        [InlineData("state>b", "\"C\"", true)]
        [InlineData("state<b", "\"A\"", true)]
        [InlineData("state>10", "\"9\"", true)]
        [InlineData("state~NAB", "\"enabled\"", true)]
        [InlineData("state~xyz,abl", "\"enabled\"", true)]
        [InlineData("state~xyz", "\"enabled\"", false)]
        public void Strings_compare_as_text_in_any_case(string text, string json, bool matches) =>
            Assert.Equal(matches, Matches(text, json));

        [Theory]
        [InlineData("flag==true", "true", true)]
        [InlineData("flag==True", "true", true)]
        [InlineData("flag==false", "true", false)]
        [InlineData("flag>false", "true", true)]
        [InlineData("flag==yes", "true", false)]
        [InlineData("flag~ru", "true", true)]
        public void Booleans_compare_as_booleans(string text, string json, bool matches) =>
            Assert.Equal(matches, Matches(text, json));

        [Fact]
        public void Any_selected_node_satisfies_a_positive_operator_and_none_may_equal_for_not_equal()
        {
            var tags = new JsonNode[] { JsonValue.Create("red")!, JsonValue.Create("green")! };

            Assert.True(PropertyFilterExpression.Parse("tags==green").Matches(tags));
            Assert.False(PropertyFilterExpression.Parse("tags!=green").Matches(tags));
            Assert.True(PropertyFilterExpression.Parse("tags!=blue").Matches(tags));
        }

        [Fact]
        public void Nothing_selected_matches_only_not_equal()
        {
            var none = Enumerable.Empty<JsonNode>();

            Assert.False(PropertyFilterExpression.Parse("name==Orders").Matches(none));
            Assert.False(PropertyFilterExpression.Parse("name~Ord").Matches(none));
            Assert.False(PropertyFilterExpression.Parse("version>1").Matches(none));
            Assert.True(PropertyFilterExpression.Parse("name!=Orders").Matches(none));
        }

        [Fact]
        public void Objects_and_arrays_compare_with_nothing()
        {
            var selected = new[] { JsonNode.Parse("""{ "name": "Orders" }""")!, JsonNode.Parse("""["Orders"]""")! };

            Assert.False(PropertyFilterExpression.Parse("name==Orders").Matches(selected));
            Assert.False(PropertyFilterExpression.Parse("name~Orders").Matches(selected));
            Assert.True(PropertyFilterExpression.Parse("name!=Orders").Matches(selected));
        }

        [Theory]
        [InlineData("scheduleParams.frequency", true)]
        [InlineData("sourceConnectionIds[]", true)]
        [InlineData("a[].b[].c", true)]
        [InlineData("", false)]
        [InlineData("a.", false)]
        [InlineData("[]", false)]
        [InlineData("a[0]", false)]
        [InlineData("a b", false)]
        [InlineData("a~b", false)]
        public void A_path_is_dotted_names_each_optionally_stepping_into_an_array(string path, bool wellFormed) =>
            Assert.Equal(wellFormed, PropertyFilterExpression.IsWellFormedPath(path));

        private static bool Matches(string text, string json) =>
            PropertyFilterExpression.Parse(text).Matches(new[] { JsonNode.Parse(json)! });
    }
}
