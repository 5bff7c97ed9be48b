using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// The file form of a <see cref="DataflowDefinition"/>: UTF-8 without BOM, two-space indents, <c>\n</c> line ends, members
    /// in the order of the format's documentation, optional members left out when empty. The same definition always gives
    /// the same bytes, so a diff shows only what changed. Read back only after validating against the format's schema.
    /// </summary>
    public static class DataflowDefinitionJson
    {
        public const string FileExtension = ".json";

        private const string SchemaResource = "PlatformFlow.Client.FlowsAsCode.dataflow-definition.schema.json";
        private const string StartTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

        private static readonly Lazy<JsonNode> FormatSchema = new Lazy<JsonNode>(LoadSchema);

        /// <summary>The format's JSON Schema (draft-07), as published in <c>docs/schemas/</c>.</summary>
        public static JsonNode Schema => FormatSchema.Value.DeepClone();

        public static byte[] ToUtf8(DataflowDefinition definition)
        {
            using (var buffer = new MemoryStream())
            {
                // Relaxed escaping keeps expressions and names readable (no \u003C for '<'); the file is data, never HTML.
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    Write(writer, definition);
                }

                // The writer ends lines the platform's way; a definition ends them one way everywhere.
                var text = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
                return new UTF8Encoding(false).GetBytes(text);
            }
        }

        /// <summary>Parses and validates a definition; <paramref name="origin"/> (a file path) names it in errors.</summary>
        public static DataflowDefinition Parse(string json, string origin)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException syntax)
            {
                throw Invalid(origin, "it is not valid JSON (" + syntax.Message + ")");
            }

            var result = JsonSchemaEvaluator.Validate(FormatSchema.Value, node);
            if (!result.IsValid)
            {
                throw Invalid(origin, string.Join("; ", result.Errors.Select(e => (e.InstancePath.Length == 0 ? "/" : e.InstancePath) + ": " + e.Message)));
            }

            return Read(node!.AsObject());
        }

        private static void Write(Utf8JsonWriter writer, DataflowDefinition definition)
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", DataflowDefinition.CurrentFormatVersion);
            writer.WriteString("name", definition.Name);
            WriteOptional(writer, "description", definition.Description);
            writer.WriteString("flowSpec", definition.FlowSpec);

            if (definition.Schedule is ScheduleDefinition schedule)
            {
                WriteSchedule(writer, schedule);
            }

            var source = definition.Source;
            writer.WriteStartObject("source");
            writer.WriteString("name", source.Name);
            WriteOptional(writer, "description", source.Description);
            writer.WriteString("connectionSpec", source.ConnectionSpec);
            WriteOptional(writer, "baseConnection", source.BaseConnection);
            writer.WriteString("format", source.Format);
            WriteOptional(writer, "tableName", source.TableName);
            WriteOptional(writer, "path", source.Path);
            WriteOptional(writer, "columnDelimiter", source.ColumnDelimiter);
            WriteOptional(writer, "compression", source.Compression);
            if (source.Columns != null)
            {
                writer.WriteStartArray("columns");
                foreach (var column in source.Columns)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", column.Name);
                    writer.WriteString("type", column.Type ?? "string");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();

            var target = definition.Target;
            writer.WriteStartObject("target");
            writer.WriteString("name", target.Name);
            WriteOptional(writer, "description", target.Description);
            writer.WriteString("connectionSpec", target.ConnectionSpec);
            writer.WriteString("format", target.Format);
            writer.WriteString("dataset", target.Dataset);
            writer.WriteString("schema", target.Schema);
            writer.WriteEndObject();

            if (definition.MappingSet != null)
            {
                writer.WriteStartObject("mappingSet");
                writer.WriteStartArray("mappings");
                foreach (var mapping in definition.MappingSet.Mappings)
                {
                    writer.WriteStartObject();
                    writer.WriteString("sourceType", mapping.SourceType);
                    writer.WriteString("source", mapping.Source);
                    writer.WriteString("destination", mapping.Destination);
                    WriteOptional(writer, "name", mapping.Name);
                    WriteOptional(writer, "description", mapping.Description);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void WriteSchedule(Utf8JsonWriter writer, ScheduleDefinition schedule)
        {
            writer.WriteStartObject("schedule");
            writer.WriteString("frequency", schedule.Frequency);
            if (schedule.Interval is int interval)
            {
                writer.WriteNumber("interval", interval);
            }

            if (schedule.Backfill is bool backfill)
            {
                writer.WriteBoolean("backfill", backfill);
            }

            if (schedule.StartTime is DateTimeOffset start)
            {
                writer.WriteString("startTime", start.ToUniversalTime().ToString(StartTimeFormat, CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static DataflowDefinition Read(JsonObject root)
        {
            var schedule = root["schedule"] as JsonObject;
            var source = root["source"]!.AsObject();
            var target = root["target"]!.AsObject();
            return new DataflowDefinition
            {
                Name = Text(root, "name")!,
                Description = Text(root, "description"),
                FlowSpec = Text(root, "flowSpec")!,
                Schedule = schedule is null ? null : new ScheduleDefinition
                {
                    Frequency = Text(schedule, "frequency")!,
                    Interval = (int?)schedule["interval"],
                    Backfill = (bool?)schedule["backfill"],
                    StartTime = Text(schedule, "startTime") is string start
                        ? DateTimeOffset.ParseExact(start, StartTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
                        : (DateTimeOffset?)null,
                },
                Source = new SourceDefinition
                {
                    Name = Text(source, "name")!,
                    Description = Text(source, "description"),
                    ConnectionSpec = Text(source, "connectionSpec")!,
                    BaseConnection = Text(source, "baseConnection"),
                    Format = Text(source, "format")!,
                    TableName = Text(source, "tableName"),
                    Path = Text(source, "path"),
                    ColumnDelimiter = Text(source, "columnDelimiter"),
                    Compression = Text(source, "compression"),
                    Columns = (source["columns"] as JsonArray)?.Select(c => new SourceColumn(Text(c!.AsObject(), "name")!, Text(c.AsObject(), "type")!)).ToList(),
                },
                Target = new TargetDefinition
                {
                    Name = Text(target, "name")!,
                    Description = Text(target, "description"),
                    ConnectionSpec = Text(target, "connectionSpec")!,
                    Format = Text(target, "format")!,
                    Dataset = Text(target, "dataset")!,
                    Schema = Text(target, "schema")!,
                },
                MappingSet = root["mappingSet"] is JsonObject mappingSet
                    ? new MappingSetDefinition { Mappings = mappingSet["mappings"]!.AsArray().Select(m => ReadMapping(m!.AsObject())).ToList() }
                    : null,
            };
        }

        private static Mapping ReadMapping(JsonObject mapping) => new Mapping
        {
            SourceType = Text(mapping, "sourceType")!,
            Source = Text(mapping, "source")!,
            Destination = Text(mapping, "destination")!,
            Name = Text(mapping, "name"),
            Description = Text(mapping, "description"),
        };

        private static string? Text(JsonObject parent, string member) => (string?)parent[member];

        private static FlowsAsCodeException Invalid(string origin, string problem) => new FlowsAsCodeException(
            FlowsAsCodeException.DefinitionInvalid,
            OperationErrorCategory.InvalidData,
            "The dataflow definition " + origin + " cannot be used: " + problem + ".",
            "Correct the file (its format: docs/flows-as-code.md); nothing was sent to the platform.");

        private static JsonNode LoadSchema()
        {
            using (var stream = typeof(DataflowDefinitionJson).Assembly.GetManifestResourceStream(SchemaResource)
                ?? throw new InvalidOperationException("The dataflow definition schema is missing from " + typeof(DataflowDefinitionJson).Assembly.FullName + "."))
            {
                return JsonNode.Parse(stream)!;
            }
        }
    }
}
