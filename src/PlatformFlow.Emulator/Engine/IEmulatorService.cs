namespace PlatformFlow.Emulator.Engine
{
    /// <summary>One platform service (Flow Service, Schema Registry, Catalog, Data Prep) served under its base path.</summary>
    public interface IEmulatorService
    {
        /// <summary>The platform base path, e.g. <c>/data/foundation/flowservice</c>.</summary>
        string BasePath { get; }

        ErrorStyle ErrorStyle { get; }

        /// <summary>False only for the IMS token endpoint, which is called before there is a token or a sandbox.</summary>
        bool RequiresPlatformHeaders { get; }

        /// <summary>Adds the service's routes; templates are relative to <see cref="BasePath"/>, e.g. <c>/flows/{id}</c>.</summary>
        void Register(RouteTable routes);
    }
}
