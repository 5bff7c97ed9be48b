namespace PlatformFlow.Emulator.Ingestion
{
    /// <summary>
    /// The codes of record-level failures, the same in a run's errors, in Data Access row errors and in
    /// <c>POST /mappingSets/preview</c>. Families as the platform reports them: <c>MAPPER-…</c> for Data Prep failures on a
    /// record (the contract's monitoring facts, ../shared/contract/README.md, quote <c>MAPPER-3700-400</c>), and the
    /// ingestion family for a mapped record the XDM schema refuses (the platform's "Retrieving data ingestion error
    /// diagnostics" guide, experienceleague.adobe.com/docs/experience-platform/ingestion/quality/error-diagnostics).
    /// The numbers after 3700 and the ingestion number are the emulator's own, documented in docs/emulator.md.
    /// </summary>
    public static class IngestionCodes
    {
        /// <summary>A value could not be converted to its destination's type (a text into a number, a malformed date into a date).</summary>
        public const string MapperConversion = "MAPPER-3700-400";

        /// <summary>A calculated field failed on the record (e.g. <c>to_integer("Mia")</c>).</summary>
        public const string MapperEvaluation = "MAPPER-3701-400";

        /// <summary>The mapped record breaks its XDM schema: type, format, enum, minimum/maximum, maxLength, pattern, required.</summary>
        public const string SchemaValidation = "INGEST-1401-400";

        /// <summary>A fault no record caused (a planned connector error or outage): the run reads nothing.</summary>
        public const string ConnectorFailure = "CONNECTOR-2001-500";
    }
}
