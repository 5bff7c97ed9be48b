using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Parts;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// The client's pre-flight checks catch what the platform would reject, before sending, and the emulator rejects the
    /// same request, when it is sent anyway, with the platform's status and code.
    /// </summary>
    public sealed class PreflightParityTests : IAsyncLifetime
    {
        private readonly TestPlatform _platform = new TestPlatform();
        private const string S3ConnectionSpecId = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
        private string _sourceId = string.Empty;
        private string _targetId = string.Empty;
        private string _mappingSetId = string.Empty;

        public async Task InitializeAsync()
        {
            var builder = new FlowBuilder(_platform.Client);
            var (_, dataset, shop) = await builder.PrerequisitesAsync();
            var (source, target, mapping) = await builder.PartsAsync("Parity", shop.Id, dataset);
            _sourceId = source.Id;
            _targetId = target.Id;
            _mappingSetId = mapping.Id;
        }

        public Task DisposeAsync()
        {
            _platform.Dispose();
            return Task.CompletedTask;
        }

        public static TheoryData<string, string, string> SpecRules() => new TheoryData<string, string, string>
        {
            // case, what the client's message names, the platform's code
            { "once with an interval", "interval", ErrorCodes.FlowScheduleInvalid },
            { "minute below 15", "interval", ErrorCodes.FlowScheduleInvalid },
            { "unknown frequency", "frequency", ErrorCodes.FlowScheduleInvalid },
            { "unknown transformation", "transformations[0].name", ErrorCodes.FlowTransformationInvalid },
            { "mapping id not a string", "mappingId", ErrorCodes.FlowTransformationInvalid },
        };

        [Theory]
        [MemberData(nameof(SpecRules))]
        public async Task A_rule_of_the_flow_spec_is_caught_with_no_request_and_rejected_by_the_platform(string rule, string named, string code)
        {
            var request = Flow(rule);
            await _platform.Client.FlowService.GetFlowSpecAsync(WellKnown.CrmToAepFlowSpecId);
            var requestsBefore = _platform.Engine.Journal.Total;

            var caught = await Assert.ThrowsAsync<PlatformValidationException>(() => FlowPart.CreateCheckedAsync(_platform.Client, request, TimeProvider.System, default));

            Assert.Equal(requestsBefore, _platform.Engine.Journal.Total);
            Assert.Contains(named, caught.Message);
            var rejected = await Assert.ThrowsAsync<PlatformException>(() => _platform.Client.FlowService.Flows.CreateAsync(request));
            Assert.Equal(400, rejected.StatusCode);
            Assert.Equal("FLOW-" + code, rejected.ErrorCode);
            Assert.Empty(await _platform.Client.FlowService.Flows.ListAsync().ToListAsync());
        }

        [Fact]
        public async Task A_connection_spec_the_flow_spec_does_not_accept_is_caught_before_any_write()
        {
            // An Amazon S3 source: a real source spec, but not among CRMToAEP's sourceConnectionSpecIds.
            var s3 = await _platform.Client.FlowService.CreateBaseConnectionAsync(new BaseConnectionRequest
            {
                Name = "Bucket",
                Auth = new ConnectionAuth { SpecName = "Basic Authentication for S3", ParamsJson = new JsonObject { ["s3AccessKey"] = "key", ["s3SecretKey"] = "secret" } },
                ConnectionSpec = new SpecReference(S3ConnectionSpecId, "1.0"),
            });
            var bucket = await _platform.Client.FlowService.SourceConnections.CreateAsync(new SourceConnectionRequest
            {
                Name = "Bucket files",
                BaseConnectionId = s3.Id,
                Params = new SourceParams { Path = "/exports/orders.csv" },
                ConnectionSpec = new SpecReference(S3ConnectionSpecId, "1.0"),
            });
            var request = Flow("valid", source: bucket.Id);
            var writesBefore = _platform.Engine.Journal.Writes;

            var caught = await Assert.ThrowsAsync<PlatformValidationException>(() => FlowPart.CreateCheckedAsync(_platform.Client, request, TimeProvider.System, default));

            Assert.Equal(writesBefore, _platform.Engine.Journal.Writes);
            Assert.Contains("sourceConnectionIds", caught.Message);
            Assert.Contains(S3ConnectionSpecId, caught.Message);
            var rejected = await Assert.ThrowsAsync<PlatformException>(() => _platform.Client.FlowService.Flows.CreateAsync(request));
            Assert.Equal(400, rejected.StatusCode);
            Assert.Equal("FLOW-" + ErrorCodes.FlowConnectionSpecNotAllowed, rejected.ErrorCode);
        }

        [Fact]
        public async Task A_connection_that_does_not_exist_is_caught_before_any_write()
        {
            var request = Flow("valid", source: "00000000-0000-0000-0000-000000000000");
            var writesBefore = _platform.Engine.Journal.Writes;

            var caught = await Assert.ThrowsAsync<PlatformValidationException>(() => FlowPart.CreateCheckedAsync(_platform.Client, request, TimeProvider.System, default));

            Assert.Equal(writesBefore, _platform.Engine.Journal.Writes);
            Assert.Contains("was not found", caught.Message);
            var rejected = await Assert.ThrowsAsync<PlatformException>(() => _platform.Client.FlowService.Flows.CreateAsync(request));
            Assert.Equal(400, rejected.StatusCode);
            Assert.Equal("FLOW-" + ErrorCodes.FlowReferenceNotFound, rejected.ErrorCode);
        }

        [Fact]
        public async Task Auth_params_missing_what_the_auth_spec_requires_are_caught_with_no_request()
        {
            var spec = await _platform.Client.FlowService.GetConnectionSpecAsync(WellKnown.ShopifyConnectionSpecId);
            var request = new BaseConnectionRequest
            {
                Name = "No token",
                Auth = new ConnectionAuth { SpecName = spec.AuthSpec![0].Name, ParamsJson = new JsonObject { ["host"] = "shop.example" } },
                ConnectionSpec = new SpecReference(spec.Id, "1.0"),
            };
            var requestsBefore = _platform.Engine.Journal.Total;

            var caught = await Assert.ThrowsAsync<PlatformValidationException>(() => _platform.Client.FlowService.CreateBaseConnectionAsync(request));

            Assert.Equal(requestsBefore, _platform.Engine.Journal.Total);
            Assert.Contains("accessToken", caught.Message);
            var rejected = await Assert.ThrowsAsync<PlatformException>(() => _platform.Client.FlowService.BaseConnections.CreateAsync(request));
            Assert.Equal("FLOW-" + ErrorCodes.FlowAuthParamsInvalid, rejected.ErrorCode);
        }

        [Fact]
        public async Task A_valid_flow_passes_the_checks_and_is_created()
        {
            var created = await FlowPart.CreateCheckedAsync(_platform.Client, Flow("valid"), TimeProvider.System, default);

            Assert.Equal("Parity flow", (await _platform.Client.FlowService.Flows.GetAsync(created.Id)).Name);
        }

        private DataflowRequest Flow(string rule, string? source = null)
        {
            var schedule = rule switch
            {
                "once with an interval" => new ScheduleParams { StartTime = DateTimeOffset.FromUnixTimeSeconds(1604961070), Frequency = "once", Interval = 5 },
                "minute below 15" => new ScheduleParams { StartTime = DateTimeOffset.FromUnixTimeSeconds(1604961070), Frequency = "minute", Interval = 10 },
                "unknown frequency" => new ScheduleParams { StartTime = DateTimeOffset.FromUnixTimeSeconds(1604961070), Frequency = "yearly", Interval = 1 },
                _ => new ScheduleParams { StartTime = DateTimeOffset.FromUnixTimeSeconds(1604961070), Frequency = "once" },
            };
            var mappingParams = new JsonObject
            {
                ["mappingId"] = rule == "mapping id not a string" ? new JsonObject { ["id"] = _mappingSetId } : JsonValue.Create(_mappingSetId),
                ["mappingVersion"] = "0",
            };
            return new DataflowRequest
            {
                Name = "Parity flow",
                FlowSpec = new SpecReference(WellKnown.CrmToAepFlowSpecId, "1.0"),
                SourceConnectionIds = new List<string> { source ?? _sourceId },
                TargetConnectionIds = new List<string> { _targetId },
                Transformations = new List<Transformation> { new Transformation { Name = rule == "unknown transformation" ? "Reshape" : "Mapping", ParamsJson = mappingParams } },
                ScheduleParams = schedule,
            };
        }
    }
}
