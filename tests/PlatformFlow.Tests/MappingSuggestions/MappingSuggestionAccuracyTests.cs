using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.MappingSuggestions;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PlatformFlow.Tests.MappingSuggestions
{
    /// <summary>
    /// Issue 23's bar, measured on the truth file written before the engine was tuned (mapping-truth.csv): the names
    /// list one column at a time (name and type only), the emulator's Shopify tables whole (types and sample rows),
    /// against a profile and an event schema.
    /// </summary>
    public sealed class MappingSuggestionAccuracyTests
    {
        public const string LoyaltyDetails = "https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details";
        public const string Consents = "https://ns.adobe.com/xdm/mixins/profile-consents";
        public const string EventClass = "https://ns.adobe.com/xdm/context/experienceevent";
        public const string CommerceDetails = "https://ns.adobe.com/xdm/context/experienceevent-commerce";
        public const string IdentityMap = "https://ns.adobe.com/xdm/context/identitymap";

        private readonly ITestOutputHelper _output;

        public MappingSuggestionAccuracyTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Precision_and_recall_at_the_default_threshold_meet_the_issue_bar()
        {
            var (platform, schemas, baseConnectionId) = await SetUpAsync();
            using (platform)
            {
                var scored = await SuggestForTruthAsync(platform.Client, schemas, baseConnectionId);
                var suggested = scored.Where(s => s.Suggestion != null).ToList();
                var correct = suggested.Count(s => s.Suggestion!.Destination == s.Truth.Expected);
                var expected = scored.Where(s => s.Truth.Expected.Length > 0).ToList();
                var found = expected.Count(s => s.Suggestion?.Destination == s.Truth.Expected);
                var precision = (double)correct / suggested.Count;
                var recall = (double)found / expected.Count;
                foreach (var wrong in scored.Where(s => s.Suggestion?.Destination != NullIfEmpty(s.Truth.Expected)))
                {
                    _output.WriteLine("  " + wrong.Truth + " -> " + (wrong.Suggestion?.ToString() ?? "nothing"));
                }

                var figures = string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} columns ({1} with a destination): precision {2:0.000} ({3}/{4}), recall {5:0.000} ({6}/{7})", scored.Count, expected.Count, precision, correct, suggested.Count, recall, found, expected.Count);
                _output.WriteLine(figures);
                Assert.True(precision >= 0.95, figures);
                Assert.True(recall >= 0.8, figures);
            }
        }

        [Fact]
        public async Task No_suggestion_puts_text_into_a_number_a_date_or_an_email_field_unchecked()
        {
            var (platform, schemas, baseConnectionId) = await SetUpAsync();
            using (platform)
            {
                var scored = await SuggestForTruthAsync(platform.Client, schemas, baseConnectionId);
                var fields = new Dictionary<string, List<TargetField>>();
                foreach (var schema in schemas)
                {
                    fields[schema.Key] = TargetField.FromSchema(await platform.Client.SchemaRegistry.GetSchemaAsync(schema.Value, resolved: true));
                }

                var guarded = new[] { FieldKind.Email, FieldKind.Date, FieldKind.DateTime, FieldKind.Integer, FieldKind.Number };
                var textIntoGuarded = scored
                    .Where(s => s.Suggestion != null && s.Family == "string" && guarded.Contains(fields[s.Truth.Schema].Single(f => f.Path == s.Suggestion.Destination).Kind))
                    .ToList();
                Assert.NotEmpty(textIntoGuarded);
                Assert.All(textIntoGuarded, s => Assert.True(s.Suggestion!.CheckedRows > 0, s.Suggestion + " was not checked on the samples"));
            }
        }

        internal static async Task<(TestPlatform Platform, Dictionary<string, string> Schemas, string BaseConnectionId)> SetUpAsync()
        {
            var platform = new TestPlatform();
            var client = platform.Client;
            var schemas = new Dictionary<string, string>
            {
                ["profile"] = (await client.SchemaRegistry.CreateSchemaAsync(Schema("Profiles", XdmTestSchemas.ProfileClass, XdmTestSchemas.PersonDetails, XdmTestSchemas.PersonalDetails, LoyaltyDetails, Consents))).Id,
                ["event"] = (await client.SchemaRegistry.CreateSchemaAsync(Schema("Orders", EventClass, CommerceDetails, IdentityMap))).Id,
            };
            var baseConnection = await TestPlatform.CreateShopifyConnectionAsync(client, "Shop");
            return (platform, schemas, baseConnection.Id);
        }

        internal static XdmSchemaRequest Schema(string title, string xdmClass, params string[] fieldGroups) => new XdmSchemaRequest
        {
            Title = title,
            Class = xdmClass,
            AllOf = new[] { xdmClass }.Concat(fieldGroups).Select(r => new SchemaReference(r)).ToList(),
        };

        internal static async Task<List<MappingSuggestion>> SuggestAsync(PlatformClient client, MappingSuggestionInput input)
        {
            var host = new RecordingHost();
            await new GetMappingSuggestionOperation(client).RunAsync(input, host);
            host.AssertNoErrors();
            return host.Objects.Select(o => o.Value).Cast<MappingSuggestion>().ToList();
        }

        private static async Task<List<Scored>> SuggestForTruthAsync(PlatformClient client, Dictionary<string, string> schemas, string baseConnectionId)
        {
            var truth = TruthRow.Read();
            var scored = new List<Scored>();
            foreach (var row in truth.Where(r => r.Table.Length == 0))
            {
                var columns = new[] { row.Column }.Select(c => c.Split(':')).Select(p => new SourceColumn(p[0], p.Length > 1 ? p[1] : "string")).ToList();
                var suggestions = await SuggestAsync(client, new MappingSuggestionInput { Columns = columns, SchemaId = schemas[row.Schema] });
                scored.Add(new Scored(row, suggestions.SingleOrDefault(), new ColumnProfile(columns[0].Name, columns[0].Type).Family));
            }

            foreach (var table in truth.Where(r => r.Table.Length > 0).GroupBy(r => (r.Schema, r.Table)))
            {
                var carried = new PipelineIds().With(PipelineIds.BaseConnectionId, baseConnectionId).With(PipelineIds.TableName, table.Key.Table);
                var suggestions = await SuggestAsync(client, new MappingSuggestionInput { SchemaId = schemas[table.Key.Schema], Carried = carried });
                var details = await client.FlowService.ExploreTableAsync(baseConnectionId, table.Key.Table, preview: false);
                foreach (var row in table)
                {
                    var type = details.Schema!.Columns.Single(c => c.Name == row.Column).Type;
                    scored.Add(new Scored(row, suggestions.SingleOrDefault(s => s.Column == row.Column), new ColumnProfile(row.Column, type).Family));
                }
            }

            return scored;
        }

        private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

        private sealed record Scored(TruthRow Truth, MappingSuggestion? Suggestion, string Family);

        private sealed record TruthRow(string Schema, string Table, string Column, string Expected)
        {
            public static List<TruthRow> Read() =>
                File.ReadAllLines(Path.Combine(ContractFiles.RepositoryRoot, "tests", "PlatformFlow.Tests", "MappingSuggestions", "mapping-truth.csv"))
                    .Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                    .Skip(1)
                    .Select(line => line.Split(','))
                    .Select(p => new TruthRow(p[0], p[1], p[2], p[3]))
                    .ToList();

            public override string ToString() => Schema + (Table.Length > 0 ? " " + Table : string.Empty) + " '" + Column + "' (expected " + (Expected.Length > 0 ? Expected : "nothing") + ")";
        }
    }
}
