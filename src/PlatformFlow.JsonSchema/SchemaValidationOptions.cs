namespace PlatformFlow.JsonSchema
{
    /// <summary>How <see cref="JsonSchemaEvaluator.Validate"/> reads the instance.</summary>
    public sealed class SchemaValidationOptions
    {
        /// <summary>
        /// Off by default (strict draft-07). On, a scalar that only has the wrong JSON type passes when it converts:
        /// a string of digits passes "integer" and a numeric string "number", a number or boolean passes "string",
        /// "true"/"false" pass "boolean". The schema's other keywords then apply to the converted value, and numeric
        /// keywords read numeric strings even where no type is declared. This mirrors the networknt
        /// json-schema-validator's typeLoose option the platform's Java services use: they accept the tutorial's
        /// startTime "1604961070" (schema: integer) and mappingVersion 0 (schema: string).
        /// </summary>
        public bool LooseTypes { get; set; }

        /// <summary>
        /// Off by default: draft-07 makes <c>format</c> an annotation. On, the formats XDM fields use are asserted as
        /// ingestion does (<see cref="StringFormats"/>: email, date, date-time, uri, uri-reference); other formats still pass.
        /// </summary>
        public bool AssertFormats { get; set; }
    }
}
