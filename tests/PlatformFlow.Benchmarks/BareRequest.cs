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

        public static HttpRequestMessage Create(HttpMethod method, Uri uri, string accessToken, string orgId = TokenClient.OrgId, string sandbox = "prod", string apiKey = TokenClient.ApiKey)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Add("x-api-key", apiKey);
            request.Headers.Add("x-gw-ims-org-id", orgId);
            request.Headers.Add("x-sandbox-name", sandbox);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }
    }
}
