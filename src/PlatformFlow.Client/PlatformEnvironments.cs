namespace PlatformFlow.Client
{
    /// <summary>The platform's published hosts (contract README): the gateway and IMS, for production and stage.</summary>
    public static class PlatformEnvironments
    {
        public static readonly Uri Production = new Uri("https://platform.adobe.io");
        public static readonly Uri Stage = new Uri("https://platform-stage.adobe.io");
        public static readonly Uri ProductionIms = new Uri("https://ims-na1.adobelogin.com");
        public static readonly Uri StageIms = new Uri("https://ims-na1-stg1.adobelogin.com");

        /// <summary>Gateway and IMS hosts for a named environment (<c>Production</c> or <c>Stage</c>, any case).</summary>
        public static (Uri Gateway, Uri Ims) Resolve(string environment)
        {
            switch (environment.ToLowerInvariant())
            {
                case "production":
                case "prod":
                    return (Production, ProductionIms);
                case "stage":
                    return (Stage, StageIms);
                default:
                    throw new ArgumentException("Unknown environment '" + environment + "': use Production or Stage, or give a base URI.", nameof(environment));
            }
        }
    }
}
