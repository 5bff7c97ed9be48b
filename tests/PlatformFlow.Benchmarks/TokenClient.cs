using System;
using System.Net.Http;
using PlatformFlow.Client;

namespace PlatformFlow.Benchmarks
{
    /// <summary>A client signed in with a given token, so no IMS call is measured, through the client's real handler chain.</summary>
    public static class TokenClient
    {
        public const string OrgId = "BENCHMARK000000000000000@AdobeOrg";
        public const string ApiKey = "platformflow-benchmarks";

        public static readonly Uri Gateway = new Uri("https://platform.benchmark.invalid");

        public static PlatformClient For(Func<HttpMessageHandler> primaryHandler, string accessToken) => new PlatformClient(new PlatformClientOptions
        {
            BaseUri = Gateway,
            OrgId = OrgId,
            Sandbox = "prod",
            AccessToken = accessToken,
            ApiKey = ApiKey,
            PrimaryHandler = primaryHandler,
        });
    }
}
