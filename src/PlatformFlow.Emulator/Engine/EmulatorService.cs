namespace PlatformFlow.Emulator.Engine
{
    /// <summary>One platform service (Flow Service, Schema Registry, Catalog, Data Prep) served under its base path.</summary>
    /// <param name="basePath">The platform base path, e.g. <c>/data/foundation/flowservice</c>.</param>
    /// <param name="errorStyle">How the service's error bodies look.</param>
    public abstract class EmulatorService(string basePath, ErrorStyle errorStyle)
    {
        /// <summary>The platform base path, e.g. <c>/data/foundation/flowservice</c>.</summary>
        public string BasePath { get; } = basePath;

        public ErrorStyle ErrorStyle { get; } = errorStyle;

        /// <summary>False only for the IMS token endpoint, which is called before there is a token or a sandbox.</summary>
        public virtual bool RequiresPlatformHeaders => true;

        /// <summary>Adds the service's routes; templates are relative to <see cref="BasePath"/>, e.g. <c>/flows/{id}</c>.</summary>
        public abstract void Register(RouteTable routes);
    }
}
