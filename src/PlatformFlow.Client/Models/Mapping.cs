using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// One mapping in the current format. Also reads the tutorial's older names
    /// (<c>sourceAttribute</c>, <c>destinationXdmPath</c>), always writes the current ones.
    /// </summary>
    [JsonConverter(typeof(MappingConverter))]
    public sealed class Mapping
    {
        public Mapping()
        {
        }

        public Mapping(string source, string destination, string sourceType = MappingSourceType.Attribute)
        {
            Source = source;
            Destination = destination;
            SourceType = sourceType;
        }

        /// <summary><c>ATTRIBUTE</c> (a source field), <c>EXPRESSION</c> (a Data Prep function) or <c>STATIC</c> (a constant).</summary>
        public string SourceType { get; init; } = MappingSourceType.Attribute;

        public string Source { get; init; } = string.Empty;

        /// <summary>The XDM field path, e.g. <c>personalEmail.address</c>.</summary>
        public string Destination { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string? Description { get; init; }

        public override string ToString() => (SourceType == MappingSourceType.Expression ? "=" : string.Empty) + Source + " -> " + Destination;

        /// <summary>
        /// A <c>source = destination</c> pair as -Mapping takes it: a source starting with <c>=</c> is a calculated field
        /// (an <c>EXPRESSION</c> mapping, e.g. <c>'=lower(Email)'</c>), anything else a source field (<c>ATTRIBUTE</c>).
        /// </summary>
        public static Mapping FromPair(string source, string destination) =>
            source.StartsWith("=", StringComparison.Ordinal)
                ? new Mapping(source.Substring(1).Trim(), destination, MappingSourceType.Expression)
                : new Mapping(source, destination);
    }
}
