using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Auth;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Json
{
    /// <summary>
    /// Source-generated serialization for every model (no reflection at run time, which also keeps the module fast to load).
    /// Reading is tolerant: property names ignore case, numbers may come as strings, unknown fields are kept.
    /// Writing is strict: nulls are left out. A member's JSON name is its property's name in camelCase, as the platform
    /// names its fields; a model says <c>[JsonPropertyName]</c> only where the platform's name is another.
    /// </summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(JsonNode))]
    [JsonSerializable(typeof(JsonObject))]
    [JsonSerializable(typeof(JsonArray))]
    [JsonSerializable(typeof(List<string>))]
    [JsonSerializable(typeof(List<JsonPatchOperation>))]
    [JsonSerializable(typeof(ResourceWriteResult))]
    [JsonSerializable(typeof(CountResult))]
    [JsonSerializable(typeof(BaseConnection))]
    [JsonSerializable(typeof(BaseConnectionRequest))]
    [JsonSerializable(typeof(ListPage<BaseConnection>))]
    [JsonSerializable(typeof(ConnectionSpec))]
    [JsonSerializable(typeof(ListPage<ConnectionSpec>))]
    [JsonSerializable(typeof(ListPage<ExploreItem>))]
    [JsonSerializable(typeof(List<ExploreItem>))]
    [JsonSerializable(typeof(TableDetails))]
    [JsonSerializable(typeof(SourceConnection))]
    [JsonSerializable(typeof(SourceConnectionRequest))]
    [JsonSerializable(typeof(ListPage<SourceConnection>))]
    [JsonSerializable(typeof(TargetConnection))]
    [JsonSerializable(typeof(TargetConnectionRequest))]
    [JsonSerializable(typeof(ListPage<TargetConnection>))]
    [JsonSerializable(typeof(XdmSchema))]
    [JsonSerializable(typeof(XdmSchemaRequest))]
    [JsonSerializable(typeof(Dataset))]
    [JsonSerializable(typeof(DatasetRequest))]
    [JsonSerializable(typeof(Dictionary<string, Dataset>))]
    [JsonSerializable(typeof(Dictionary<string, Batch>))]
    [JsonSerializable(typeof(MappingSet))]
    [JsonSerializable(typeof(MappingSetRequest))]
    [JsonSerializable(typeof(DataPrepPage<MappingSet>))]
    [JsonSerializable(typeof(FlowSpec))]
    [JsonSerializable(typeof(ListPage<FlowSpec>))]
    [JsonSerializable(typeof(Dataflow))]
    [JsonSerializable(typeof(DataflowRequest))]
    [JsonSerializable(typeof(ListPage<Dataflow>))]
    [JsonSerializable(typeof(FlowRun))]
    [JsonSerializable(typeof(FlowRunRequest))]
    [JsonSerializable(typeof(ListPage<FlowRun>))]
    [JsonSerializable(typeof(ImsTokenResponse))]
    [JsonSerializable(typeof(SandboxPage))]
    public sealed partial class PlatformJsonContext : JsonSerializerContext
    {
    }
}
