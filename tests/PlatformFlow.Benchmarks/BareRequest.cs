using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// A request as a user of a bare <see cref="HttpClient"/> writes it, with the headers the platform asks of every call:
    /// the reference the client library is measured against.
    /// </summary>
    public static class BareRequest
    {
        public const string ConnectionsPath = "/data/foundation/flowservice/connections";

        public static HttpRequestMessage Create(HttpMethod method, Uri uri, string accessToken)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Add("x-api-key", TokenClient.ApiKey);
            request.Headers.Add("x-gw-ims-org-id", TokenClient.OrgId);
            request.Headers.Add("x-sandbox-name", "prod");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }
    }
}
