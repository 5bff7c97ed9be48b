namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// Every error code the emulator answers with, in one place. Codes the contract names are the platform's; the rest
    /// follow the platform's <c>NNNN-STATUS</c> form and are listed in docs/emulator.md.
    /// </summary>
    public static class ErrorCodes
    {
        // Gateway (rendered as {"error_code", "message"}).
        public const string InvalidToken = "401013";
        public const string InvalidApiKey = "403003";
        public const string Throttled = "429001";

        // Sandbox and request headers (contract: "Rules the server enforces").
        public const string SandboxHeaderMissing = "2105-400";
        public const string SandboxNotFound = "2100-404";
        public const string OrgHeaderMissing = "2106-400";
        public const string UnsupportedMediaType = "1002-415";

        // Request body and routing.
        public const string MalformedJson = "1001-400";
        public const string RouteNotFound = "1000-404";
        public const string MethodNotAllowed = "1000-405";
        public const string ServiceUnavailable = "1503-503";
        public const string GatewayTimeout = "1504-504";

        // Updates (contract: "Updates, deletes, actions").
        public const string IfMatchMissing = "1403-400";
        public const string StaleEtag = "1404-412";

        // Flow Service (type prefix FLOW). 14xx codes up to 1458 are the platform's (its error catalogue); 147x are the emulator's own.
        public const string FlowResourceNotFound = "1439-404";
        public const string FlowListLimitWithCount = "1401-400";
        public const string FlowStateNotAllowed = "1410-400";
        public const string FlowMappingVersionInvalid = "1412-400";
        public const string FlowSpecNotFound = "1413-400";
        public const string FlowConnectionSpecImmutable = "1414-400";
        public const string FlowAuthSpecNotFound = "1415-400";
        public const string FlowBaseConnectionInUse = "1418-400";
        public const string FlowActionNotAllowedInState = "1422-400";
        public const string FlowSchemaMismatch = "1425-400";
        public const string FlowRunFlowNotFound = "1430-400";
        public const string FlowSortOrderInvalid = "1432-400";
        public const string FlowSortFieldInvalid = "1433-400";
        public const string FlowOperationUnsupported = "1434-400";
        public const string FlowFilterMultipleValues = "1443-400";
        public const string FlowRunFlowIdMissing = "1446-400";
        public const string FlowConnectionInUse = "1447-400";
        public const string FlowFilterFieldInvalid = "1449-400";
        public const string FlowFilterOperatorInvalid = "1450-400";
        public const string FlowQueryParameterInvalid = "1451-400";
        public const string FlowFilterValueInvalid = "1453-400";
        public const string FlowPatchInvalid = "1455-400";
        public const string FlowPayloadInvalid = "1470-400";
        public const string FlowReferenceNotFound = "1471-400";
        public const string FlowConnectionSpecMismatch = "1472-400";
        public const string FlowConnectionSpecNotAllowed = "1473-400";
        public const string FlowScheduleInvalid = "1474-400";
        public const string FlowTransformationInvalid = "1475-400";
        public const string FlowAuthParamsInvalid = "1476-400";
        public const string FlowRunParamsInvalid = "1477-400";
        public const string FlowExploreObjectNotFound = "1478-404";

        // Streaming ingestion (type prefix STREAM): the emulator's own codes for what the collection endpoint refuses.
        public const string StreamingInletNotFound = "1100-404";
        public const string StreamingFlowIdMissing = "1101-400";
        public const string StreamingFlowNotOnInlet = "1102-400";
        public const string StreamingPayloadTooLarge = "1103-413";
        public const string StreamingMessageInvalid = "1104-400";

        // Schema Registry (type prefix XDM). 1006, 1007 and 1012 are the platform's; the rest are the emulator's own.
        public const string SchemaAcceptListInvalid = "1006-400";
        public const string SchemaAcceptLookupInvalid = "1007-400";
        public const string SchemaResourceNotFound = "1012-404";
        public const string SchemaAcceptNotAvailable = "1013-406";
        public const string SchemaPayloadInvalid = "1014-400";
        public const string SchemaReferenceUnknown = "1015-400";
        public const string SchemaClassInvalid = "1016-400";
        public const string SchemaFieldGroupIncompatible = "1017-400";
        public const string SchemaTitleNotUnique = "1018-400";
        public const string SchemaInUse = "1019-409";
        public const string SchemaListQueryInvalid = "1020-400";

        // Catalog (type prefix CAT).
        public const string DataSetPayloadInvalid = "2001-400";
        public const string DataSetSchemaNotFound = "2002-400";
        public const string DataSetContentTypeInvalid = "2003-400";
        public const string DataSetNotFound = "2004-404";
        public const string DataSetQueryInvalid = "2005-400";
        public const string BatchNotFound = "2006-404";

        // Data Access (type prefix DAS), the emulator's own numbers.
        public const string ExportBatchNotFound = "5001-404";
        public const string ExportPathNotFound = "5002-404";
        public const string ExportQueryInvalid = "5003-400";
        public const string ExportDataSetNotFound = "5004-404";

        // The emulator's own control routes (type prefix EMU).
        public const string PlannedFailureInvalid = "6001-400";
        public const string PlannedFailureFlowNotFound = "6002-404";

        // Data Prep (type prefix DPS).
        public const string MappingSetPayloadInvalid = "3001-400";
        public const string MappingSetSchemaNotFound = "3002-400";
        public const string MappingDestinationUnknown = "3003-400";
        public const string MappingSetNotFound = "3004-404";
        public const string MappingNotFound = "3005-404";
        public const string MappingSetQueryInvalid = "3006-400";
        public const string MappingExpressionInvalid = "3007-400";

        // Sandbox API (type prefix SMS).
        public const string SandboxQueryInvalid = "4001-400";

        // IMS token endpoint: OAuth 2.0 error values, rendered as {"error", "error_description"}.
        public const string ImsInvalidRequest = "invalid_request";
        public const string ImsInvalidClient = "invalid_client";
        public const string ImsUnsupportedGrantType = "unsupported_grant_type";
        public const string ImsInvalidScope = "invalid_scope";
    }
}
