using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// Why a flow cannot be exported, planned or applied, with the error id and category its ErrorRecord gets. Raised
    /// before anything is written.
    /// </summary>
    public sealed class FlowsAsCodeException(string errorId, OperationErrorCategory category, string message, string? recommendedAction = null)
        : Exception(message)
    {
        /// <summary>A definition file that is not JSON or breaks the format's schema.</summary>
        public const string DefinitionInvalid = "DataflowDefinitionInvalid";

        /// <summary>Two definitions of one import name the same flow.</summary>
        public const string DefinitionDuplicate = "DataflowDefinitionDuplicate";

        /// <summary>A base connection, dataset, schema or spec the definition names is not in the sandbox.</summary>
        public const string ReferenceNotFound = "DataflowReferenceNotFound";

        /// <summary>A name several resources of the sandbox share, or a resource that does not fit (another connection spec, another schema).</summary>
        public const string ReferenceInvalid = "DataflowReferenceInvalid";

        /// <summary>Two flows of the sandbox share the definition's name.</summary>
        public const string NameAmbiguous = "DataflowNameAmbiguous";

        /// <summary>The definition changes what the platform cannot change on an existing flow (its flow spec, a base connection).</summary>
        public const string ChangeNotSupported = "DataflowChangeNotSupported";

        /// <summary>The flow to export or copy is not in the sandbox it is read from.</summary>
        public const string FlowNotFound = "DataflowNotFound";

        /// <summary>A flow the format cannot describe (several sources, other transformations).</summary>
        public const string NotExportable = "DataflowNotExportable";

        /// <summary>Two flows of one export would be written to the same file.</summary>
        public const string ExportPathConflict = "DataflowExportPathConflict";

        public string ErrorId { get; } = errorId;

        public OperationErrorCategory Category { get; } = category;

        public string? RecommendedAction { get; } = recommendedAction;

        /// <summary>Describes any failure of one flow for its ErrorRecord: this type's own id, else the usual classification.</summary>
        public static OperationError ToOperationError(Exception exception, object? target, string step, string? subject) =>
            exception is FlowsAsCodeException own
                ? new OperationError(own, own.ErrorId, own.Category, target, own.RecommendedAction, subject)
                : OperationError.From(exception, target, step, subject);
    }
}
