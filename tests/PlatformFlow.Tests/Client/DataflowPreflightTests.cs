using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Validation;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// Each of the pre-flight checks against the platform's own specs (the emulator's seed files), each problem's words
    /// written out by hand: they are what a user reads in a PreflightRejected error.
    /// </summary>
    public sealed class DataflowPreflightTests
    {
        private const string CrmToAep = "14518937-270c-4525-bdec-c2ba7cce3860";
        private const string DataLake = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
        private const string Shopify = "4f63aa36-bd48-4e33-bb83-49fbcd11c708";

        private static readonly FlowSpec Spec = Seed("flowSpecs/crm-to-aep.json", PlatformJsonContext.Default.FlowSpec);
        private static readonly ConnectionSpec ShopifySpec = Seed("connectionSpecs/shopify.json", PlatformJsonContext.Default.ConnectionSpec);

        private static readonly Dictionary<string, string?> NoneKnown = new Dictionary<string, string?>();

        private static T Seed<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
            JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "src", "PlatformFlow.Emulator", "Seed", "FlowService", file)), type)!;

        private static DataflowRequest Flow(string name = "Orders", string flowSpecId = CrmToAep, List<Transformation>? transformations = null, ScheduleParams? schedule = null, List<string>? sources = null, List<string>? targets = null) =>
            new DataflowRequest
            {
                Name = name,
                FlowSpec = new SpecReference(flowSpecId, "1.0"),
                SourceConnectionIds = sources ?? new List<string> { "s-1" },
                TargetConnectionIds = targets ?? new List<string> { "t-1" },
                Transformations = transformations ?? new List<Transformation>(),
                ScheduleParams = schedule ?? new ScheduleParams { StartTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Frequency = "once" },
            };

        [Fact]
        public void A_valid_flow_has_no_problem() => Assert.Empty(DataflowPreflight.Check(Flow(), Spec, NoneKnown, NoneKnown));

        [Fact]
        public void A_flow_needs_a_name_and_the_flow_spec_it_is_checked_against()
        {
            Assert.Equal(
                new[] { "name: a name is required (non-empty text)", "flowSpec.id: 'other' is not the flow spec checked against ('" + CrmToAep + "')" },
                DataflowPreflight.CheckAgainstSpec(Flow(name: " ", flowSpecId: "other"), Spec));
        }

        [Fact]
        public void A_transformation_the_flow_spec_does_not_have_is_named_with_the_ones_it_has()
        {
            var problems = DataflowPreflight.CheckAgainstSpec(Flow(transformations: new List<Transformation> { new Transformation { Name = "Bogus", ParamsJson = new JsonObject() } }), Spec);

            Assert.Equal(new[] { "transformations[0].name: 'Bogus' is not a transformation of flow spec CRMToAEP (it has Copy, Mapping)" }, problems);
        }

        [Fact]
        public void A_transformations_params_are_checked_against_its_spec_at_their_index()
        {
            var transformations = new List<Transformation>
            {
                new Transformation { Name = "Mapping", ParamsJson = new JsonObject { ["mappingId"] = "m-1" } },
                new Transformation { Name = "copy", ParamsJson = null },
            };

            Assert.Equal(new[] { "transformations[1].params: required property 'deltaColumn' is missing" }, DataflowPreflight.CheckAgainstSpec(Flow(transformations: transformations), Spec));
        }

        [Fact]
        public void A_schedule_problem_names_the_field_inside_scheduleParams_or_the_object_itself()
        {
            Assert.Equal(
                new[] { "scheduleParams.interval: interval: 5 is less than the minimum of 15" },
                DataflowPreflight.CheckSchedule(new ScheduleParams { StartTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Frequency = "minute", Interval = 5 }, Spec));
            Assert.Equal(
                new[] { "scheduleParams: required property 'interval' is missing" },
                DataflowPreflight.CheckSchedule(new ScheduleParams { StartTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Frequency = "day" }, Spec));
        }

        [Fact]
        public void A_schedule_outside_PlatformFlows_own_limits_is_refused_saying_which_limit()
        {
            Assert.Equal(
                new[] { "scheduleParams.startTime: 1999-12-31 23:59:59 UTC is not from 2000 to 2099 (startTime 946684799 is outside 2000-01-01 to 2099-12-31 (epoch seconds 946684800 to 4102444799))" },
                DataflowPreflight.CheckSchedule(new ScheduleParams { StartTime = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero), Frequency = "once" }, Spec));
            Assert.Equal(
                new[] { "scheduleParams.interval: interval 367 is more than a year of days (at most 366)" },
                DataflowPreflight.CheckSchedule(new ScheduleParams { StartTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Frequency = "day", Interval = 367 }, Spec));
            Assert.Empty(DataflowPreflight.CheckSchedule(new ScheduleParams { StartTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Frequency = "day", Interval = 366 }, Spec));
        }

        [Fact]
        public void Each_side_needs_a_connection_and_each_known_connection_a_spec_the_flow_spec_accepts()
        {
            var specs = new Dictionary<string, string?> { ["s-1"] = Shopify, ["t-1"] = null, ["t-2"] = Shopify };

            var problems = DataflowPreflight.CheckConnections(Flow(sources: new List<string>(), targets: new List<string> { "t-1", "t-2", "t-unknown" }), Spec, specs, specs);

            Assert.Equal(
                new[]
                {
                    "sourceConnectionIds: at least one connection id is required",
                    "targetConnectionIds: connection 't-1' was not found",
                    "targetConnectionIds: connection 't-2' uses connection spec " + Shopify + ", which flow spec CRMToAEP does not accept",
                },
                problems);
        }

        [Fact]
        public void Check_reports_the_spec_problems_and_the_connection_problems_together()
        {
            var specs = new Dictionary<string, string?> { ["s-1"] = DataLake, ["t-1"] = DataLake };

            Assert.Equal(
                new[] { "name: a name is required (non-empty text)", "sourceConnectionIds: connection 's-1' uses connection spec " + DataLake + ", which flow spec CRMToAEP does not accept" },
                DataflowPreflight.Check(Flow(name: string.Empty), Spec, specs, specs));
        }

        [Fact]
        public void Auth_params_are_checked_against_the_named_auth_spec_in_any_case()
        {
            var valid = Connection("basic authentication", new JsonObject { ["host"] = "shop.example", ["accessToken"] = "t" });
            var missing = Connection("Basic Authentication", new JsonObject { ["host"] = "shop.example" });

            Assert.Empty(DataflowPreflight.CheckAuth(valid, ShopifySpec));
            Assert.Equal(new[] { "auth.params: required property 'accessToken' is missing" }, DataflowPreflight.CheckAuth(missing, ShopifySpec));
        }

        [Fact]
        public void An_unknown_auth_spec_is_named_with_the_ones_the_connection_spec_has()
        {
            Assert.Equal(
                new[] { "auth.specName: 'OAuth' is not an auth spec of shopify (it has 'Basic Authentication', 'Access Token Based')" },
                DataflowPreflight.CheckAuth(Connection("OAuth", new JsonObject()), ShopifySpec));
        }

        [Fact]
        public void A_runs_params_are_checked_against_the_run_spec_without_requiring_a_delta_column()
        {
            var complete = new JsonObject { ["startTime"] = 3, ["windowStartTime"] = 1, ["windowEndTime"] = 2 };
            var incomplete = new JsonObject { ["startTime"] = 3, ["windowStartTime"] = 1, ["deltaColumn"] = new JsonObject() };

            Assert.Empty(DataflowPreflight.CheckRunParams(complete, Spec));
            Assert.Equal(
                new[] { "params: required property 'windowEndTime' is missing", "params.deltaColumn: deltaColumn: required property 'name' is missing" },
                DataflowPreflight.CheckRunParams(incomplete, Spec));
            Assert.Contains("deltaColumn", Spec.RunSpec!.SpecJson!["required"]!.AsArray().Select(r => (string?)r));
        }

        private static BaseConnectionRequest Connection(string authSpecName, JsonObject parameters) => new BaseConnectionRequest
        {
            Name = "Shop",
            Auth = new ConnectionAuth { SpecName = authSpecName, ParamsJson = parameters },
            ConnectionSpec = new SpecReference(Shopify, "1.0"),
        };
    }
}
