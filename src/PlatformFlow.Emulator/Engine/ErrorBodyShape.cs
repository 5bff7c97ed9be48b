
namespace PlatformFlow.Emulator.Engine
{
    /// <summary>The error body shapes of the contract (README, "Errors").</summary>
    public enum ErrorBodyShape
    {
        /// <summary><c>{"error_code", "message"}</c>: the API gateway (auth, throttling).</summary>
        Gateway,

        /// <summary><c>{"type", "title", "status", "report": {"detailed-message", "request-id"}, "errorMessage"}</c>.</summary>
        FlowService,

        /// <summary><c>{"type", "status", "title", "detail"}</c>: Catalog, Schema Registry, Data Prep.</summary>
        Problem,
    }
}
