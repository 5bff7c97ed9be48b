using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.MappingSuggestions;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P10: mapping suggestions for a 200-column table with three sample rows against a profile schema with the person,
    /// contact, loyalty and consent field groups, once the columns and the schema are read: the matcher and the choice of
    /// one suggestion per column and destination (the checks through the platform's preview are requests, not counted).
    /// </summary>
    public sealed class SuggestionMeasurement : IMeasurement
    {
        private const int Columns = 200;
        private const int Runs = 10;
        private const double MaxMilliseconds = 100;

        private static readonly string[] Known =
        {
            "Email", "First_Name", "LastName", "Phone", "Mobile Phone", "Fax", "Address1", "City", "State", "Zip", "Country",
            "Birthdate", "Gender", "Loyalty Points", "Member Tier", "Email Opt In", "Customer ID", "Salutation", "Nationality", "Points Redeemed",
        };

        public string Id => "P10";

        public async Task<MeasurementReport> RunAsync(BenchmarkOptions options)
        {
            using var platform = new EmulatedPlatform();
            var schema = await platform.Client.SchemaRegistry.CreateSchemaAsync(new XdmSchemaRequest
            {
                Title = "Benchmark profiles",
                Class = "https://ns.adobe.com/xdm/context/profile",
                AllOf = new[]
                {
                    "https://ns.adobe.com/xdm/context/profile",
                    "https://ns.adobe.com/xdm/context/profile-person-details",
                    "https://ns.adobe.com/xdm/context/profile-personal-details",
                    "https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details",
                    "https://ns.adobe.com/xdm/mixins/profile-consents",
                }.Select(r => new SchemaReference(r)).ToList(),
            }).ConfigureAwait(false);
            var fields = TargetField.FromSchema(await platform.Client.SchemaRegistry.GetSchemaAsync(schema.Id, resolved: true).ConfigureAwait(false));
            var columns = Enumerable.Range(0, Columns).Select(Column).ToList();
            var suggester = new MappingSuggester();

            var timings = new List<double>();
            var suggested = 0;
            for (var run = 0; run <= Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                suggested = MappingSuggester.Assign(suggester.Candidates(columns, fields, "Crm.Contacts"), MappingSuggester.DefaultMinimumConfidence).Count;
                watch.Stop();
                if (run > 0)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var slowest = timings.Max();
            return new MeasurementReport(
                "P10 mapping suggestions: " + Columns + " columns x " + fields.Count + " fields, 3 sample rows, " + Runs + " runs after a warm-up",
                new[]
                {
                    new ReportRow("suggestions at the default threshold", suggested.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new ReportRow("median", Units.Milliseconds(timings.OrderBy(t => t).ElementAt(timings.Count / 2))),
                    new ReportRow("slowest", Units.Milliseconds(slowest),
                        new TargetOutcome("<= " + Units.Milliseconds(MaxMilliseconds), slowest <= MaxMilliseconds, "Suggesting for " + Columns + " columns took " + Units.Milliseconds(slowest) + ".")),
                });
        }

        /// <summary>The usual CRM columns first, then columns no field takes (custom attributes), each with three sample values.</summary>
        private static ColumnProfile Column(int index)
        {
            var name = index < Known.Length ? Known[index] : "Custom_Attribute_" + index;
            var samples = Enumerable.Range(1, 3).Select(row => (JsonNode?)JsonValue.Create(name == "Email" ? "user" + row + "@example.com" : name == "Birthdate" ? "0" + row + "/2" + row + "/1990" : "value " + row));
            return new ColumnProfile(name, "string", samples);
        }
    }
}
