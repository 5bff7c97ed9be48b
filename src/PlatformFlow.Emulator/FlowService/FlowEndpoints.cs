using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Emulator.FlowService
{
    /// <summary>Dataflows (<c>/flows</c>): source connections to target connections under a flow spec, on a schedule.</summary>
    internal static class FlowEndpoints
    {
        /// <summary>Data Prep's collection of mapping sets (latest versions), keyed by mapping set id.</summary>
        public const string MappingSetsCollection = "mappingSets";

        // What Renderer adds to a stored flow; it changes nothing else.
        private static readonly string[] DerivedFields = { "runs", "lastRunDetails" };

        public static void Register(FlowServiceEmulator service, RouteTable routes)
        {
            var runs = service.Runs;
            routes.Add(service, "GET", "/flows", context =>
            {
                var render = Renderer(context, runs);
                return FlowResources.List(context, ResourceKind.Flow, render, DerivedFields);
            });
            routes.Add(service, "POST", "/flows", context => Create(context, runs));
            routes.Add(service, "GET", "/flows/{id}", context =>
                FlowResources.Item(Renderer(context, runs)(FlowResources.Find(context, ResourceKind.Flow, context.Route("id")))));
            routes.Add(service, "PATCH", "/flows/{id}", context => FlowResources.Patch(
                context,
                ResourceKind.Flow,
                flow => Validate(context.Sandbox, flow, creating: false),
                flow => runs.Reschedule(context.Sandbox, flow, context.Now)));
            routes.Add(service, "DELETE", "/flows/{id}", context =>
            {
                // Nothing refers to a flow, so it always goes; its connections and its runs stay.
                var response = FlowResources.Delete(context, ResourceKind.Flow);
                runs.Forget(context.Sandbox, context.Route("id"));
                return response;
            });
            routes.Add(service, "POST", "/flows/{id}/action", context => Act(context, runs));
        }

        /// <summary>
        /// Shows stored flows with what is derived at read time: the <c>runs</c> link and <c>lastRunDetails</c> of the
        /// latest run (runs due by now are materialized first; only the shown flows' latest runs are brought up to now).
        /// </summary>
        private static Func<JsonObject, JsonObject> Renderer(RequestContext context, RunScheduler runs)
        {
            runs.Materialize(context.Sandbox, context.Now);
            return flow =>
            {
                var shown = (JsonObject)flow.DeepClone();
                var id = (string)flow["id"]!;
                shown["runs"] = "/runs?property=flowId==" + id;
                if (runs.LatestRun(context.Sandbox, id, context.Now) is JsonObject run)
                {
                    var lastRun = new JsonObject
                    {
                        ["id"] = run["id"]?.DeepClone(),
                        ["state"] = LastRunState(JsonFields.Text(JsonPaths.First(run, "metrics.statusSummary.status"))),
                    };
                    foreach (var time in new[] { "startedAtUTC", "completedAtUTC" })
                    {
                        if (JsonPaths.First(run, "metrics.durationSummary." + time) is JsonNode at)
                        {
                            lastRun[time] = at.DeepClone();
                        }
                    }

                    shown["lastRunDetails"] = lastRun;
                }

                return shown;
            };
        }

        /// <summary>The platform's <c>lastRunDetails.state</c> spelling: <c>success</c>, <c>failed</c>, <c>inProgress</c>...</summary>
        private static string LastRunState(string? status)
        {
            var words = (status ?? RunStatus.Queued).ToLowerInvariant().Split('_');
            return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        }

        private static EmulatorResponse Create(RequestContext context, RunScheduler runs)
        {
            var flow = FlowResources.CreateCandidate(context);
            Validate(context.Sandbox, flow, creating: true);
            flow["state"] = "enabled";
            flow["lastOperation"] = new JsonObject { ["started"] = context.NowEpochMillis, ["operation"] = "create" };
            var stored = FlowResources.Store(context, ResourceKind.Flow, flow);
            runs.Track(context.Sandbox, stored, context.Now);
            return FlowResources.Created(ResourceKind.Flow, stored);
        }

        /// <summary><c>POST /flows/{id}/action?op=enable|disable</c>: answers the new <c>{id, etag}</c>.</summary>
        private static EmulatorResponse Act(RequestContext context, RunScheduler runs)
        {
            var flow = FlowResources.Find(context, ResourceKind.Flow, context.Route("id"));
            var op = context.Request.QueryValue("op");
            var enable = string.Equals(op, "enable", StringComparison.OrdinalIgnoreCase);
            if (!enable && !string.Equals(op, "disable", StringComparison.OrdinalIgnoreCase))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowOperationUnsupported, "Unsupported operation '" + op + "' received in query param op. Please use enable or disable and try again.");
            }

            ETags.CheckOptionalIfMatch(context, flow);
            var state = JsonFields.Text(flow["state"]);
            var wanted = enable ? "enabled" : "disabled";
            if (state == wanted)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowActionNotAllowedInState, "The action " + op!.ToLowerInvariant() + " cannot be applied on the current state " + state + " of flow " + flow["id"] + ".");
            }

            runs.SetEnabled(context.Sandbox, (string)flow["id"]!, enable, context.Now);
            flow["state"] = wanted;
            flow["lastOperation"] = new JsonObject { ["started"] = context.NowEpochMillis, ["operation"] = op!.ToLowerInvariant() };
            FlowResources.NewVersion(context, flow);
            return FlowResources.Written(200, flow);
        }

        /// <summary>
        /// The rules of a flow: no client-set <c>state</c> on create, a name, a known flow spec; source and target
        /// connections of this sandbox whose connection specs the flow spec lists; <c>scheduleParams</c> valid against the
        /// spec's <c>scheduleSpec</c> (stored with the declared types); each transformation valid against the spec's
        /// transformation of that name, a Mapping naming a mapping set (and version) of this sandbox that outputs the schema
        /// of the target datasets; <c>options</c> (<c>partialIngestionPercent</c>, <c>errorDiagnosticsEnabled</c>) valid
        /// against the spec's <c>optionSpec</c>.
        /// </summary>
        private static void Validate(SandboxState sandbox, JsonObject flow, bool creating)
        {
            if (creating && flow.ContainsKey("state"))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowStateNotAllowed, "State is not allowed in the create flow request; flows start enabled (use POST /flows/{id}/action?op=disable).");
            }

            Payload.CheckNameAndDescription(flow, required: true);
            var specId = Payload.RequiredText(flow, "flowSpec.id");
            var spec = SpecCatalog.Instance.FlowSpec(specId)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowSpecNotFound, "The flow spec ID " + specId + " (flowSpec.id) is invalid. Please provide a valid spec ID and try again.");
            Payload.RequireSpecVersion(flow, "flowSpec", spec);
            var sources = Connections(sandbox, flow, "sourceConnectionIds", ResourceKind.SourceConnection, spec, "sourceConnectionSpecIds");
            var targets = Connections(sandbox, flow, "targetConnectionIds", ResourceKind.TargetConnection, spec, "targetConnectionSpecIds");
            flow["inheritedAttributes"] = new JsonObject
            {
                ["sourceConnections"] = new JsonArray(sources.Select(Inherited).ToArray()),
                ["targetConnections"] = new JsonArray(targets.Select(Inherited).ToArray()),
            };

            if (spec["scheduleSpec"] is JsonObject scheduleSpec)
            {
                var schedule = Payload.RequiredObject(flow, "scheduleParams");
                flow["scheduleParams"] = Payload.CheckAndCoerce(scheduleSpec["spec"], schedule, ErrorCodes.FlowScheduleInvalid, "scheduleParams");
                CheckScheduleRanges((JsonObject)flow["scheduleParams"]!);
            }
            else if (flow["scheduleParams"] != null)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowScheduleInvalid, "scheduleParams: flow spec " + spec["name"] + " has no scheduleSpec (its flows run as records stream in); send no schedule.");
            }

            if (spec["optionSpec"] is JsonObject optionSpec && Payload.OptionalObject(flow, "options") is JsonObject options)
            {
                flow["options"] = Payload.CheckAndCoerce(optionSpec["spec"], options, ErrorCodes.FlowPayloadInvalid, "options");
            }

            CheckTransformations(sandbox, flow, spec, targets);
        }

        /// <summary>A start time from 2000 to 2099 and at most a year between runs (<see cref="PlatformLimits"/>), as whole numbers.</summary>
        private static void CheckScheduleRanges(JsonObject schedule)
        {
            var problems = new List<string>();
            if (schedule["startTime"] != null)
            {
                problems.Add(JsonValues.AsLong(schedule["startTime"]) is long start ? PlatformLimits.StartTimeProblem(start) ?? string.Empty : "startTime must be whole epoch seconds");
            }

            if (schedule["interval"] != null)
            {
                problems.Add(JsonValues.AsLong(schedule["interval"]) is long interval
                    ? PlatformLimits.IntervalProblem(JsonFields.Text(schedule["frequency"]) ?? string.Empty, interval) ?? string.Empty
                    : "interval must be a whole number");
            }

            problems.RemoveAll(p => p.Length == 0);
            if (problems.Count > 0)
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowScheduleInvalid, "scheduleParams: " + string.Join("; ", problems) + ".");
            }
        }

        private static List<JsonObject> Connections(SandboxState sandbox, JsonObject flow, string member, ResourceKind kind, JsonObject spec, string allowedMember)
        {
            if (!(flow[member] is JsonArray array) || array.Count == 0 || array.Any(n => JsonFields.Text(n) is null))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, member + " is required (a non-empty array of " + kind.Noun + " ids).");
            }

            var allowed = FlowResources.Ids(spec[allowedMember]).ToList();
            return FlowResources.Ids(array).Select(id =>
            {
                var connection = FlowResources.Find(sandbox, kind, id)
                    ?? throw EmulatorError.BadRequest(ErrorCodes.FlowReferenceNotFound, member + ": " + id + " is not a " + kind.Noun + " in sandbox '" + sandbox.Name + "'.");
                var connectionSpecId = JsonFields.Text(JsonPaths.First(connection, "connectionSpec.id"));
                if (!allowed.Contains(connectionSpecId ?? string.Empty, StringComparer.Ordinal))
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowConnectionSpecNotAllowed, member + ": " + kind.Noun + " " + id + " uses connection spec " + connectionSpecId
                        + ", which flow spec " + spec["name"] + " (" + spec["id"] + ") does not list in " + allowedMember + ".");
                }

                return connection;
            }).ToList();
        }

        private static JsonNode Inherited(JsonObject connection)
        {
            var inherited = new JsonObject { ["id"] = connection["id"]?.DeepClone(), ["connectionSpec"] = connection["connectionSpec"]?.DeepClone() };
            if (JsonPaths.First(connection, "inheritedAttributes.baseConnection") is JsonNode baseConnection)
            {
                inherited["baseConnection"] = baseConnection.DeepClone();
            }

            return inherited;
        }

        private static void CheckTransformations(SandboxState sandbox, JsonObject flow, JsonObject spec, IReadOnlyList<JsonObject> targets)
        {
            if (flow["transformations"] is null)
            {
                return;
            }

            if (!(flow["transformations"] is JsonArray transformations))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowPayloadInvalid, "transformations must be an array of {name, params}.");
            }

            var specs = SpecCatalog.TransformationSpecs(spec).ToList();
            for (var i = 0; i < transformations.Count; i++)
            {
                var where = "transformations[" + i + "]";
                var name = JsonFields.Text(JsonFields.Member(transformations[i], "name"));
                var transformationSpec = specs.FirstOrDefault(s => JsonFields.Text(s["name"]) == name)
                    ?? throw EmulatorError.BadRequest(ErrorCodes.FlowTransformationInvalid, where + ".name '" + name + "' is not a transformation of flow spec " + spec["name"]
                        + "; it has " + string.Join(", ", specs.Select(s => (string?)s["name"])) + ".");
                var parameters = JsonFields.Member(transformations[i], "params") as JsonObject
                    ?? throw EmulatorError.BadRequest(ErrorCodes.FlowTransformationInvalid, where + ".params is required (a JSON object).");
                Payload.CheckAgainstSpec(transformationSpec["spec"], parameters, ErrorCodes.FlowTransformationInvalid, where + ".params");
                if (name == "Mapping")
                {
                    CheckMapping(sandbox, parameters, where, targets);
                }
            }
        }

        /// <summary>
        /// <c>mappingId</c> must be a mapping set of the sandbox and <c>mappingVersion</c> one of its versions (0 up to its
        /// latest; omitted means the latest); its output schema must be the schema of every target dataset.
        /// </summary>
        private static void CheckMapping(SandboxState sandbox, JsonObject parameters, string where, IReadOnlyList<JsonObject> targets)
        {
            var mappingId = JsonFields.Text(parameters["mappingId"])
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowTransformationInvalid, where + ".params.mappingId is required for a Mapping transformation.");
            var mappingSet = sandbox.Collection(MappingSetsCollection).Find(mappingId)
                ?? throw EmulatorError.BadRequest(ErrorCodes.FlowReferenceNotFound, where + ".params.mappingId " + mappingId + " is not a mapping set in sandbox '" + sandbox.Name + "'.");
            var latest = JsonValues.AsLong(mappingSet["version"]) ?? 0;
            if (JsonValues.ScalarText(parameters["mappingVersion"]) is string versionText
                && (!long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version > latest))
            {
                throw EmulatorError.BadRequest(ErrorCodes.FlowMappingVersionInvalid, "Invalid Mapping Version " + versionText + " in request (" + where
                    + ".params.mappingVersion): mapping set " + mappingId + " has versions 0 to " + latest + ".");
            }

            var mappingSchema = JsonFields.Text(JsonPaths.First(mappingSet, "outputSchema.schemaRef.id"));
            foreach (var target in targets)
            {
                var dataSetId = JsonFields.Text(JsonPaths.First(target, "params.dataSetId"));
                var dataSetSchema = dataSetId is null ? null : JsonFields.Text(JsonPaths.First(sandbox.Collection(ConnectionLinkEndpoints.DataSetsCollection).Find(dataSetId), "schemaRef.id"));
                if (mappingSchema != null && dataSetSchema != null && mappingSchema != dataSetSchema)
                {
                    throw EmulatorError.BadRequest(ErrorCodes.FlowSchemaMismatch, "Error while matching schema in target dataset " + dataSetId + " (" + dataSetSchema + ") with schema in mapping "
                        + mappingId + " (" + mappingSchema + "). Schema with same id and version must be used in both mapping and target dataset.");
                }
            }
        }
    }
}
