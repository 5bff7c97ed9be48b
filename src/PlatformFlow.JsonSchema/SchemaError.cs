namespace PlatformFlow.JsonSchema
{
    /// <summary>One rule an instance breaks.</summary>
    public sealed class SchemaError(string instancePath, string keyword, string message)
    {
        /// <summary>JSON Pointer of the failing value: "" for the root, "/interval", "/items/0/name".</summary>
        public string InstancePath { get; } = instancePath;

        /// <summary>The schema keyword that failed ("minimum", "required", "anyOf", ...; "false" for the false schema).</summary>
        public string Keyword { get; } = keyword;

        /// <summary>A sentence for the user that names the field and the rule.</summary>
        public string Message { get; } = message;

        public override string ToString() => Message;
    }
}
