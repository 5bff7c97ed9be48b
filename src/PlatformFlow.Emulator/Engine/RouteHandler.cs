namespace PlatformFlow.Emulator.Engine
{
    public delegate EmulatorResponse RouteHandler(RequestContext context);
}
