using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>A target connection (<c>/targetConnections</c>): where a flow writes, e.g. a data lake dataset.</summary>
    public sealed class TargetConnection : FlowServiceResource
    {
        public TargetData? Data { get; init; }

        public TargetParams? Params { get; init; }

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
}
