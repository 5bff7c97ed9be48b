using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>One reason a record failed: the platform's code, a message naming the field, the field (XDM path) and, for a mapping failure, the mapping.</summary>
    public sealed class RowError
    {
        internal RowError(string code, string message, string field, JsonObject? mapping)
        {
            Code = code;
            Message = message;
            Field = field;
            Mapping = mapping;
        }

        public string Code { get; }

        public string Message { get; }

        public string Field { get; }

        /// <summary>The mapping that failed (<c>{sourceType, source, destination}</c>); null for a schema failure.</summary>
        internal JsonObject? Mapping { get; }

        /// <summary><c>{code, message, field}</c>, as a Data Access row error lists it.</summary>
        public JsonObject ToJson() => new JsonObject { ["code"] = Code, ["message"] = Message, ["field"] = Field };
    }
}
