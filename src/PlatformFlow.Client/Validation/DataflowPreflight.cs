using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Validation
{
    /// <summary>
    /// What the platform would reject in a dataflow, checked with the platform's own rules before anything is sent:
    /// the schedule against the flow spec's <c>scheduleSpec</c>, the connection specs against its
    /// <c>sourceConnectionSpecIds</c>/<c>targetConnectionSpecIds</c>, each transformation's params against its
    /// <c>transformationSpec</c>.
    /// </summary>
    public static class DataflowPreflight
    {
        /// <param name="sourceSpecIds">
        /// The connection spec id of each source connection, by source connection id; null for one that does not exist.
        /// An id missing from the map is not checked (a connection a -WhatIf run only plans).
        /// </param>
        /// <param name="targetSpecIds">The same for the target connections.</param>
        public static IReadOnlyList<string> Check(DataflowRequest request, FlowSpec flowSpec, IReadOnlyDictionary<string, string?> sourceSpecIds, IReadOnlyDictionary<string, string?> targetSpecIds)
        {
            var problems = new List<string>(CheckAgainstSpec(request, flowSpec));
            problems.AddRange(CheckConnections(request, flowSpec, sourceSpecIds, targetSpecIds));
            return problems;
        }

        /// <summary>The name, schedule and transformations: needs only the flow spec.</summary>
        public static IReadOnlyList<string> CheckAgainstSpec(DataflowRequest request, FlowSpec flowSpec)
        {
            var problems = new List<string>();
            if (PlatformLimits.NameProblem(request.Name) is string nameProblem)
            {
                problems.Add("name: " + nameProblem);
            }

            if (!string.Equals(request.FlowSpec.Id, flowSpec.Id, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("flowSpec.id: '" + request.FlowSpec.Id + "' is not the flow spec checked against ('" + flowSpec.Id + "')");
            }

            if (request.ScheduleParams is null)
            {
                if (flowSpec.ScheduleSpec != null)
                {
                    problems.Add("scheduleParams: flow spec " + flowSpec.Name + " has a scheduleSpec, so its flows need a schedule");
                }
            }
            else if (flowSpec.ScheduleSpec is null)
            {
                problems.Add("scheduleParams: flow spec " + flowSpec.Name + " has no scheduleSpec (its flows run as records stream in), so it takes no schedule");
            }
            else
            {
                problems.AddRange(CheckSchedule(request.ScheduleParams, flowSpec));
            }

            if (request.Options != null && flowSpec.OptionSpec?.SpecJson is JsonObject optionSchema)
            {
                AddSchemaErrors(problems, "options", optionSchema, JsonSerializer.SerializeToNode(request.Options, PlatformJsonContext.Default.DataflowOptions));
            }

            for (var i = 0; i < request.Transformations.Count; i++)
            {
                var transformation = request.Transformations[i];
                var spec = flowSpec.FindTransformation(transformation.Name);
                if (spec is null)
                {
                    problems.Add("transformations[" + i + "].name: '" + transformation.Name + "' is not a transformation of flow spec " + flowSpec.Name
                        + " (it has " + string.Join(", ", flowSpec.Transformations.Select(t => t.Name)) + ")");
                }
                else if (spec.SpecJson is JsonObject transformationSchema)
                {
                    AddSchemaErrors(problems, "transformations[" + i + "].params", transformationSchema, transformation.ParamsJson ?? new JsonObject());
                }
            }

            return problems;
        }

        /// <summary>
        /// A schedule against the flow spec's <c>scheduleSpec</c>, the platform's only statement of the schedule rules
        /// (frequencies, which take an interval or backfill, each interval's minimum), then against what the spec leaves
        /// open and <see cref="PlatformLimits"/> sets, as the emulator does: a start from 2000 to 2099, at most a year
        /// between runs.
        /// </summary>
        public static IReadOnlyList<string> CheckSchedule(ScheduleParams schedule, FlowSpec flowSpec)
        {
            var problems = new List<string>();
            if (flowSpec.ScheduleSpec?.SpecJson is JsonObject scheduleSchema)
            {
                AddSchemaErrors(problems, "scheduleParams", scheduleSchema, JsonSerializer.SerializeToNode(schedule, PlatformJsonContext.Default.ScheduleParams));
            }

            if (PlatformLimits.StartTimeProblem(schedule.StartTime.ToUnixTimeSeconds()) is string outOfRange)
            {
                problems.Add("scheduleParams.startTime: " + schedule.StartTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC is not from 2000 to 2099 (" + outOfRange + ")");
            }

            if (schedule.Interval is int interval && PlatformLimits.IntervalProblem(schedule.Frequency, interval) is string tooLong)
            {
                problems.Add("scheduleParams.interval: " + tooLong);
            }

            return problems;
        }

        /// <summary>The connections' specs against the flow spec's <c>sourceConnectionSpecIds</c>/<c>targetConnectionSpecIds</c>.</summary>
        public static IReadOnlyList<string> CheckConnections(DataflowRequest request, FlowSpec flowSpec, IReadOnlyDictionary<string, string?> sourceSpecIds, IReadOnlyDictionary<string, string?> targetSpecIds)
        {
            var problems = new List<string>();
            CheckConnections(problems, "sourceConnectionIds", request.SourceConnectionIds, sourceSpecIds, flowSpec.SourceConnectionSpecIds, flowSpec.Name);
            CheckConnections(problems, "targetConnectionIds", request.TargetConnectionIds, targetSpecIds, flowSpec.TargetConnectionSpecIds, flowSpec.Name);
            return problems;
        }

        /// <summary>A base connection's auth params against the connection spec's auth spec of that name.</summary>
        public static IReadOnlyList<string> CheckAuth(BaseConnectionRequest request, ConnectionSpec connectionSpec)
        {
            var problems = new List<string>();
            var authSpecs = connectionSpec.AuthSpec ?? new List<NamedSpec>();
            var spec = authSpecs.FirstOrDefault(a => string.Equals(a.Name, request.Auth.SpecName, StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                problems.Add("auth.specName: '" + request.Auth.SpecName + "' is not an auth spec of " + connectionSpec.Name
                    + " (it has " + string.Join(", ", authSpecs.Select(a => "'" + a.Name + "'")) + ")");
            }
            else if (spec.SpecJson is JsonObject schema)
            {
                AddSchemaErrors(problems, "auth.params", schema, request.Auth.ParamsJson ?? new JsonObject());
            }

            return problems;
        }

        /// <summary>
        /// An on-demand run's params against the flow spec's <c>runSpec</c>. <c>deltaColumn</c> is not required: the
        /// contract's first authority, the OpenAPI request of <c>POST /runs</c>, has no such member.
        /// </summary>
        public static IReadOnlyList<string> CheckRunParams(JsonObject parameters, FlowSpec flowSpec)
        {
            var problems = new List<string>();
            if (flowSpec.RunSpec?.SpecJson is JsonObject runSchema)
            {
                var schema = (JsonObject)runSchema.DeepClone();
                if (schema["required"] is JsonArray required)
                {
                    schema["required"] = new JsonArray(required.Where(r => (string?)r != "deltaColumn").Select(r => r?.DeepClone()).ToArray());
                }

                AddSchemaErrors(problems, "params", schema, parameters);
            }

            return problems;
        }

        private static void CheckConnections(List<string> problems, string field, IReadOnlyList<string> ids, IReadOnlyDictionary<string, string?> specOf, IReadOnlyList<string> allowed, string flowSpecName)
        {
            if (ids.Count == 0)
            {
                problems.Add(field + ": at least one connection id is required");
            }

            foreach (var id in ids)
            {
                if (!specOf.TryGetValue(id, out var specId))
                {
                    continue;
                }

                if (specId is null)
                {
                    problems.Add(field + ": connection '" + id + "' was not found");
                }
                else if (!allowed.Contains(specId, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(field + ": connection '" + id + "' uses connection spec " + specId + ", which flow spec " + flowSpecName + " does not accept");
                }
            }
        }

        private static void AddSchemaErrors(List<string> problems, string field, JsonObject schema, JsonNode? instance)
        {
            var result = JsonSchemaEvaluator.Validate(schema, instance);
            problems.AddRange(result.Errors.Select(e => field + (e.InstancePath.Length == 0 ? string.Empty : e.InstancePath.Replace('/', '.')) + ": " + e.Message));
        }
    }
}
