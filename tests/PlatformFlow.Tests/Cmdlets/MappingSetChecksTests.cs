using System.Collections.Specialized;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Client.Validation;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>
    /// What New-MappingSet and Test-MappingSet share (MappingSetChecks): the request Data Prep reads, with the source's
    /// columns as its input schema; the problem lines; a preview answer's records and errors; a plan's one-line summary.
    /// </summary>
    public sealed class MappingSetChecksTests
    {
        [Fact]
        public void The_request_targets_the_schema_in_the_current_format_and_types_each_source_column_for_JSON_Schema()
        {
            var columns = new[]
            {
                new SourceColumn { Name = "Email" }, new SourceColumn("Age", "INT"), new SourceColumn("Big", "long"), new SourceColumn("Count", "integer"),
                new SourceColumn("Score", "Double"), new SourceColumn("Ratio", "float"), new SourceColumn("Amount", "decimal"), new SourceColumn("N", "number"),
                new SourceColumn("Ok", "bool"), new SourceColumn("Active", "BOOLEAN"), new SourceColumn("Code", "varchar"),
            };

            var request = MappingSetChecks.Request("https://ns.adobe.com/tenant/schemas/s1", new[] { new Mapping("Email", "personalEmail.address") }, columns);

            Assert.Equal(("https://ns.adobe.com/tenant/schemas/s1", "application/vnd.adobe.xed-full-notext+json; version=1"), (request.OutputSchema.SchemaRef.Id, request.OutputSchema.SchemaRef.ContentType));
            Assert.Equal("Email -> personalEmail.address", Assert.Single(request.Mappings).ToString());
            Assert.Equal(
                @"{""jsonSchema"":{""type"":""object"",""properties"":{""Email"":{""type"":""string""},""Age"":{""type"":""integer""},""Big"":{""type"":""integer""},""Count"":{""type"":""integer""},"
                + @"""Score"":{""type"":""number""},""Ratio"":{""type"":""number""},""Amount"":{""type"":""number""},""N"":{""type"":""number""},"
                + @"""Ok"":{""type"":""boolean""},""Active"":{""type"":""boolean""},""Code"":{""type"":""string""}}}}",
                request.InputSchema!.ToJsonString());
        }

        [Fact]
        public void Without_known_columns_the_request_has_no_input_schema()
        {
            Assert.Null(MappingSetChecks.Request("s1", new[] { new Mapping("Email", "e") }, null).InputSchema);
            Assert.Null(MappingSetChecks.Request("s1", new[] { new Mapping("Email", "e") }, new SourceColumn[0]).InputSchema);
        }

        [Fact]
        public void Each_problem_of_each_mapping_is_one_line_naming_the_mapping()
        {
            var results = new[]
            {
                new MappingValidation(new Mapping("lower(Mail)", "personalEmail.address", MappingSourceType.Expression), "FAILED", new[] { new MappingProblem("UNKNOWN_SOURCE_FIELD", "Mail is not a field"), new MappingProblem("TYPE_MISMATCH", "not a string") }),
                new MappingValidation(new Mapping("Email", "e"), "SUCCESS", new MappingProblem[0]),
            };

            Assert.Equal(
                new[] { "'=lower(Mail) -> personalEmail.address': UNKNOWN_SOURCE_FIELD: Mail is not a field", "'=lower(Mail) -> personalEmail.address': TYPE_MISMATCH: not a string" },
                MappingSetChecks.Describe(results));
        }

        [Fact]
        public void A_preview_answer_becomes_records_whose_values_keep_their_JSON_types_and_whose_names_ignore_case()
        {
            var answer = JsonNode.Parse(@"{""data"": [
                {""person"": {""name"": ""Mia""}, ""age"": 3, ""ok"": true, ""score"": 1.5, ""tags"": [""a"", 2], ""none"": null},
                ""not a record"",
                {}
            ]}")!.AsObject();

            var records = MappingSetChecks.Records(answer);

            Assert.Equal(2, records.Count);
            var first = records[0];
            Assert.Equal(new object[] { "person", "age", "ok", "score", "tags", "none" }, first.Keys.Cast<object>());
            Assert.Equal("Mia", ((OrderedDictionary)first["PERSON"]!)["Name"]);
            Assert.Equal(3L, first["age"]);
            Assert.Equal(true, first["ok"]);
            Assert.Equal(1.5, first["score"]);
            Assert.Equal(new object[] { "a", 2L }, (object[])first["tags"]!);
            Assert.True(first.Contains("none"));
            Assert.Null(first["none"]);
            Assert.Empty(records[1]);
        }

        [Fact]
        public void An_answer_without_data_or_errors_has_no_records_and_no_errors()
        {
            var answer = new JsonObject { ["data"] = "none", ["other"] = 1 };

            Assert.Empty(MappingSetChecks.Records(answer));
            Assert.Empty(MappingSetChecks.Errors(answer));
        }

        [Fact]
        public void Preview_errors_name_the_row_and_the_mapping_and_default_their_code_and_message()
        {
            var answer = JsonNode.Parse(@"{""errors"": [
                {""row"": 1, ""sourceType"": ""EXPRESSION"", ""source"": ""to_integer(Age)"", ""destination"": ""person.birthYear"", ""errorCode"": ""EVALUATION_FAILED"", ""exception"": ""not a number""},
                {""row"": ""two"", ""sourceType"": ""ATTRIBUTE"", ""source"": ""Email"", ""destination"": ""personalEmail.address""},
                7
            ]}")!.AsObject();

            Assert.Equal(
                new (int?, string, string, string)[]
                {
                    (1, "=to_integer(Age) -> person.birthYear", "EVALUATION_FAILED", "not a number"),
                    (null, "Email -> personalEmail.address", "INVALID_MAPPING", "the mapping failed"),
                },
                MappingSetChecks.Errors(answer));
        }

        [Fact]
        public void A_plan_summarises_each_record_on_one_line_with_nested_names_dotted()
        {
            var answer = JsonNode.Parse(@"{""data"": [{""personalEmail"": {""address"": ""a@b.c""}, ""person"": {""name"": {""fullName"": ""Mia Jensen""}}}, {""id"": 7}]}")!.AsObject();

            Assert.Equal("{personalEmail.address=a@b.c, person.name.fullName=Mia Jensen}; {id=7}", MappingSetChecks.Summary(MappingSetChecks.Records(answer)));
        }
    }
}
