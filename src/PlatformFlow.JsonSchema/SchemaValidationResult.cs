using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.JsonSchema
{
    /// <summary>The outcome of <see cref="JsonSchemaEvaluator.Validate"/>.</summary>
    public sealed class SchemaValidationResult
    {
        public SchemaValidationResult(IEnumerable<SchemaError> errors)
        {
            Errors = errors.ToList().AsReadOnly();
        }

        public bool IsValid => Errors.Count == 0;

        public IReadOnlyList<SchemaError> Errors { get; }
    }
}
