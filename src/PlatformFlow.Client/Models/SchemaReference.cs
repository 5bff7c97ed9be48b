using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Models
{
    /// <summary>One <c>allOf</c> entry: a class, field group or data type by <c>$ref</c>.</summary>
    public sealed class SchemaReference : PlatformModel
    {
        public SchemaReference()
        {
        }

        public SchemaReference(string reference)
        {
            Ref = reference;
        }

        [JsonPropertyName("$ref")]
        public string Ref { get; init; } = string.Empty;

        public override string ToString() => Ref;
    }
}
