using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.JsonSchema;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.JsonSchema
{
    /// <summary>Runs every case of the official JSON Schema Test Suite (draft 7) kept in the contract.</summary>
    [Trait(TestCategory.Name, TestCategory.Conformance)]
    public sealed class JsonSchemaTestSuiteTests
    {
        private static readonly string SuiteFolder = ContractFiles.PathOf("json-schema-test-suite", "draft7");

        /// <summary>
        /// One row per case. The descriptions make the test name readable (xunit shortens each to 50 characters, so
        /// group and case get one each); the indexes locate the case.
        /// </summary>
        public static TheoryData<string, string, string, int, int> Cases()
        {
            var cases = new TheoryData<string, string, string, int, int>();
            foreach (var path in Directory.GetFiles(SuiteFolder, "*.json").OrderBy(path => path, StringComparer.Ordinal))
            {
                var file = Path.GetFileName(path);
                var groups = LoadGroups(file);
                for (var group = 0; group < groups.Count; group++)
                {
                    var tests = groups[group]!["tests"]!.AsArray();
                    for (var test = 0; test < tests.Count; test++)
                    {
                        cases.Add(file, groups[group]!["description"]!.GetValue<string>(), tests[test]!["description"]!.GetValue<string>(), group, test);
                    }
                }
            }

            return cases;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Suite_case_gets_the_expected_verdict(string file, string groupDescription, string testDescription, int group, int test)
        {
            var groupNode = LoadGroups(file)[group]!;
            var testNode = groupNode["tests"]![test]!;
            var expected = testNode["valid"]!.GetValue<bool>();

            var result = JsonSchemaEvaluator.Validate(groupNode["schema"], testNode["data"]);

            Assert.True(
                result.IsValid == expected,
                file + ": " + groupDescription + " / " + testDescription + ": expected " + (expected ? "valid" : "invalid") + ", got errors ["
                    + string.Join("; ", result.Errors.Select(error => error.Message)) + "]");
        }

        private static JsonArray LoadGroups(string file) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(SuiteFolder, file)))!.AsArray();
    }
}
