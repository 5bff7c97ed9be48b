using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>One transformation of a flow, e.g. <c>{name: "Mapping", params: {mappingId, mappingVersion}}</c>.</summary>
    public sealed class Transformation : PlatformModel
    {
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("params"), JsonInclude]
        internal JsonObject? ParamsJson { get; init; }

        [JsonIgnore]
        public PropertyBag? Params => PropertyBag.From(ParamsJson);

        public override string ToString() => Params is null ? Name : Name + " (" + Params + ")";

        /// <summary>The Mapping transformation that applies a mapping set's version (sent as a string, as the platform does).</summary>
        public static Transformation ForMappingSet(string mappingSetId, int version) => new Transformation
        {
            Name = WellKnown.MappingTransformationName,
            ParamsJson = new JsonObject
            {
                ["mappingId"] = mappingSetId,
                ["mappingVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}
