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
    }
}
