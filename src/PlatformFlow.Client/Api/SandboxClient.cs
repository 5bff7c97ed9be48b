using System.Globalization;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>The Sandbox API (<c>/data/foundation/sandbox-management</c>): the organization's sandboxes.</summary>
    public sealed class SandboxClient(PlatformHttp http)
    {
        public const string BasePath = "/data/foundation/sandbox-management";
        private const int PageSize = 50;

        private readonly PlatformHttp _http = http;

        /// <summary><c>GET /sandboxes?limit=&amp;offset=</c>, page by page until a page comes back short.</summary>
        public IAsyncEnumerable<Sandbox> ListSandboxesAsync(CancellationToken cancellationToken = default) =>
            _http.PagesAsync<SandboxPage, Sandbox>(
                PagePath(0),
                PlatformJsonContext.Default.SandboxPage,
                (page, path) =>
                {
                    var offset = int.Parse(path.Substring(path.LastIndexOf('=') + 1), CultureInfo.InvariantCulture);
                    return (page.Sandboxes, page.Sandboxes.Count < PageSize ? null : PagePath(offset + page.Sandboxes.Count));
                },
                cancellationToken);

        private static string PagePath(int offset) =>
            "/sandboxes?limit=" + PageSize.ToString(CultureInfo.InvariantCulture) + "&offset=" + offset.ToString(CultureInfo.InvariantCulture);
    }
}
