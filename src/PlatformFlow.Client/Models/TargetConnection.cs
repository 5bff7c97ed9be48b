using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A target connection (<c>/targetConnections</c>): where a flow writes, e.g. a data lake dataset.</summary>
    public sealed class TargetConnection : FlowServiceResource
    {
        [JsonPropertyName("data")]
        public TargetData? Data { get; init; }

        [JsonPropertyName("params")]
        public TargetParams? Params { get; init; }

        [JsonPropertyName("connectionSpec")]
        public SpecReference? ConnectionSpec { get; init; }

        /// <summary>The dataset the flow writes into.</summary>
        [JsonIgnore]
        public string? DatasetId => Params?.DataSetId;

        /// <summary>The <c>$id</c> of the XDM schema the data is written in.</summary>
        [JsonIgnore]
        public string? SchemaId => Data?.Schema?.Id;

        /// <summary>The title of that schema, as a listing looked it up (once per schema); null when not looked up.</summary>
        [JsonIgnore]
        public string? SchemaTitle { get; set; }
    }

    public sealed class TargetData : PlatformModel
    {
        [JsonPropertyName("format")]
        public string Format { get; init; } = "parquet_xdm";

        [JsonPropertyName("schema")]
        public TargetSchemaReference? Schema { get; init; }

        public override string ToString() => Format + (Schema is null ? string.Empty : " " + Schema);
    }

    /// <summary><c>data.schema</c>: the target XDM schema's <c>$id</c> and the content type version.</summary>
    public sealed class TargetSchemaReference : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        public override string ToString() => Id;
    }

    public sealed class TargetParams : PlatformModel
    {
        [JsonPropertyName("dataSetId")]
        public string? DataSetId { get; init; }

        public override string ToString() => DataSetId ?? string.Empty;
    }

    /// <summary>The body of <c>POST /targetConnections</c>.</summary>
    public sealed class TargetConnectionRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("data")]
        public TargetData Data { get; init; } = new TargetData();

        [JsonPropertyName("params")]
        public TargetParams Params { get; init; } = new TargetParams();

        [JsonPropertyName("connectionSpec")]
        public SpecReference ConnectionSpec { get; init; } = new SpecReference();
    }
}
