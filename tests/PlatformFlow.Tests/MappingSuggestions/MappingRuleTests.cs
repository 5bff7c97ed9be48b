using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Client.MappingSuggestions;
using Xunit;

namespace PlatformFlow.Tests.MappingSuggestions
{
    /// <summary>The engine's parts on their own: names as words, date shapes, and how a column's samples go into a field.</summary>
    public sealed class MappingRuleTests
    {
        [Theory]
        [InlineData("Shipping_Address_City", "shipping address city")]
        [InlineData("shippingAddressCities", "shipping address city")]
        [InlineData("POBoxNumber", "po box number")]
        [InlineData("Address1", "address 1")]
        [InlineData("E-mail", "e mail")]
        [InlineData("Status", "status")]
        public void Names_are_compared_as_words(string name, string words) =>
            Assert.Equal(words, ColumnName.Key(ColumnName.Words(name)));

        [Theory]
        [InlineData("MM/dd/yyyy", false, "04/23/1990", "12/01/1985")]
        [InlineData("dd/MM/yyyy", false, "23/04/1990", "01/12/1985")]
        [InlineData("M/d/yyyy", false, "4/23/1990", "12/1/1985")]
        [InlineData("dd.MM.yyyy", true, "01.02.1990", "03.04.1985")]
        [InlineData("MM/dd/yyyy H:mm", false, "04/23/1990 9:15", "12/01/1985 17:40")]
        [InlineData("yyyy/MM/dd", false, "1990/04/23", "1985/12/01")]
        [InlineData(null, false, "04/23/1990", "23/04/1990")]
        [InlineData(null, false, "04/23/1990", "1985-12-01")]
        public void Local_dates_are_read_in_the_pattern_every_sample_is_written_in(string? pattern, bool ambiguous, params string[] samples)
        {
            Assert.Equal(pattern, SampleShapes.LocalDatePattern(samples, out var unsure));
            Assert.Equal(ambiguous, unsure);
        }

        [Theory]
        [InlineData("number", "Amount", "string", "12.50", "1,200.00")]
        [InlineData("integer", "Visits", "string", "3", "17")]
        [InlineData("gender", "Gender", "string", "M", "f")]
        [InlineData("currency", "Currency", "string", "dkk", "EUR")]
        [InlineData("email", "Email", "string", " Mia@Example.com", "lucas@example.com")]
        [InlineData("choice", "Opt_In", "boolean", "true", "false")]
        public void Samples_the_field_cannot_take_as_they_are_get_a_calculated_field(string fieldName, string column, string type, params string[] samples)
        {
            var field = Fields().Single(f => f.Path == fieldName);
            var values = samples.Select(s => type == "boolean" ? (JsonNode)JsonValue.Create(bool.Parse(s)) : JsonValue.Create(s));

            var conversion = FieldConversion.For(new ColumnProfile(column, type, values), field);

            Assert.NotNull(conversion);
            Assert.NotNull(conversion!.Expression);
            Assert.Contains(column, conversion.Expression);
        }

        [Theory]
        [InlineData("Birth Date", "format(date(${Birth Date}, \"MM/dd/yyyy\"), \"yyyy-MM-dd\")")]
        [InlineData("contact.dob", "format(date(${contact\\.dob}, \"MM/dd/yyyy\"), \"yyyy-MM-dd\")")]
        [InlineData("size", "format(date(${size}, \"MM/dd/yyyy\"), \"yyyy-MM-dd\")")]
        [InlineData("DOB", "format(date(DOB, \"MM/dd/yyyy\"), \"yyyy-MM-dd\")")]
        public void A_column_the_expression_language_cannot_name_plainly_is_escaped(string column, string expression)
        {
            var conversion = FieldConversion.For(new ColumnProfile(column, "string", new JsonNode[] { JsonValue.Create("04/23/1990"), JsonValue.Create("12/01/1985") }), Fields().Single(f => f.Path == "birthDate"));

            Assert.Equal(expression, conversion!.Expression);
        }

        [Theory]
        [InlineData("number", "Amount", "string", "twelve")]
        [InlineData("email", "Email", "string", "not an address")]
        [InlineData("gender", "Gender", "string", "x")]
        [InlineData("birthDate", "DOB", "string", "sometime in 1990")]
        [InlineData("number", "Amount", "boolean", "true")]
        public void Samples_no_conversion_fits_keep_the_column_out_of_the_field(string fieldName, string column, string type, string sample)
        {
            var field = Fields().Single(f => f.Path == fieldName);
            var value = type == "boolean" ? (JsonNode)JsonValue.Create(bool.Parse(sample)) : JsonValue.Create(sample);

            Assert.Null(FieldConversion.For(new ColumnProfile(column, type, new[] { value }), field));
        }

        [Fact]
        public void A_qualifier_or_another_entity_keeps_a_column_from_a_field_its_name_otherwise_fits()
        {
            var suggester = new MappingSuggester();
            var fields = Fields();

            Assert.Contains(suggester.Candidates(new[] { new ColumnProfile("City", "string") }, fields), c => c.Destination == "city");
            Assert.DoesNotContain(suggester.Candidates(new[] { new ColumnProfile("Shipping_City", "string") }, fields), c => c.Destination == "city");
            Assert.Contains(suggester.Candidates(new[] { new ColumnProfile("Created_At", "datetime") }, fields, "Shopify.Orders"), c => c.Destination == "commerce.order.createdDate");
            Assert.DoesNotContain(suggester.Candidates(new[] { new ColumnProfile("Created_At", "datetime") }, fields, "Shopify.Products"), c => c.Destination == "commerce.order.createdDate");
        }

        private static System.Collections.Generic.List<TargetField> Fields() => TargetField.FromSchema(JsonNode.Parse(@"{
            ""number"": { ""type"": ""number"" },
            ""integer"": { ""type"": ""integer"" },
            ""gender"": { ""type"": ""string"", ""enum"": [""male"", ""female"", ""not_specified""] },
            ""currency"": { ""type"": ""string"", ""pattern"": ""^[A-Z]{3}$"" },
            ""email"": { ""type"": ""string"", ""format"": ""email"" },
            ""choice"": { ""type"": ""string"", ""enum"": [""y"", ""n"", ""p""] },
            ""birthDate"": { ""type"": ""string"", ""format"": ""date"" },
            ""city"": { ""type"": ""string"" },
            ""commerce"": { ""type"": ""object"", ""properties"": { ""order"": { ""type"": ""object"", ""properties"": { ""createdDate"": { ""type"": ""string"", ""format"": ""date-time"" } } } } }
        }")!.AsObject());
    }
}
