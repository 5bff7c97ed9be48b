namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// A service that decides for itself whether a request needs an access token (<see cref="EmulatorEngine.GatewayError"/>):
    /// the engine requires only <c>x-sandbox-name</c> of its callers. The streaming inlet is one: the contract
    /// (<c>openapi/streaming-ingestion.yaml</c>) asks for <c>Authorization</c> only of inlets whose connection enables it.
    /// </summary>
    public interface IAuthorizingService
    {
    }
}
