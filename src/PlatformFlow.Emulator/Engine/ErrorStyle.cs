using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>How one service renders an <see cref="EmulatorError"/>.</summary>
    public sealed class ErrorStyle(ErrorBodyShape shape, string codePrefix)
    {
        public ErrorBodyShape Shape { get; } = shape;

        /// <summary>Prefix of the error type's last segment, e.g. <c>FLOW</c> gives <c>.../errors/FLOW-1439-404</c>.</summary>
        public string CodePrefix { get; } = codePrefix;

        public static ErrorStyle Gateway { get; } = new ErrorStyle(ErrorBodyShape.Gateway, string.Empty);

        public JsonObject Render(EmulatorError error, string requestId)
        {
            var type = "https://ns.adobe.com/aep/errors/" + CodePrefix + "-" + error.Code;
            switch (Shape)
            {
                case ErrorBodyShape.Gateway:
                    return new JsonObject { ["error_code"] = error.Code, ["message"] = error.Detail };
                case ErrorBodyShape.FlowService:
                    return new JsonObject
                    {
                        ["type"] = type,
                        ["title"] = error.Title,
                        ["status"] = error.Status,
                        ["report"] = new JsonObject { ["detailed-message"] = error.Detail, ["request-id"] = requestId },
                        ["errorMessage"] = error.Detail,
                    };
                default:
                    return new JsonObject
                    {
                        ["type"] = type,
                        ["status"] = error.Status,
                        ["title"] = error.Title,
                        ["detail"] = error.Detail,
                    };
            }
        }
    }
}
