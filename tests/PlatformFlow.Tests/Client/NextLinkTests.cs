using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Client
{
    /// <summary>
    /// The platform gives <c>_links.next.href</c> relative to the service (with or without its leading slash), with the
    /// service's base path, or as a full URL; the emulator only answers the first, so a handler rewrites its links into
    /// the other forms.
    /// </summary>
    public sealed class NextLinkTests
    {
        public enum LinkForm
        {
            RelativeToService,
            RelativeWithoutSlash,
            WithBasePath,
            AbsoluteUrl,
        }

        [Theory]
        [InlineData(LinkForm.RelativeToService)]
        [InlineData(LinkForm.RelativeWithoutSlash)]
        [InlineData(LinkForm.WithBasePath)]
        [InlineData(LinkForm.AbsoluteUrl)]
        public async Task Every_page_is_read_once_whatever_the_form_of_the_next_link(LinkForm form)
        {
            var engine = new EmulatorEngine(new EmulatorOptions());
            var sent = new ConcurrentQueue<string>();
            using var client = TestPlatform.NewClientThrough(engine, emulator => new NextLinkRewriter(emulator, form, sent));
            foreach (var name in new[] { "shop 1", "shop 2", "shop 3", "shop 4", "shop 5" })
            {
                await TestPlatform.CreateShopifyConnectionAsync(client, name);
            }

            while (sent.TryDequeue(out _))
            {
            }

            var listed = await client.FlowService.BaseConnections.ListAsync(new PlatformFlow.Client.Api.ListQuery { Limit = 2 }).ToListAsync();

            Assert.Equal(new[] { "shop 1", "shop 2", "shop 3", "shop 4", "shop 5" }, listed.Select(c => c.Name));

            // Three pages; the second and third carry the limit and the continuation token the link gave.
            var pages = sent.ToArray();
            Assert.Equal(3, pages.Length);
            Assert.All(pages, p => Assert.StartsWith("/data/foundation/flowservice/connections?", p, StringComparison.Ordinal));
            Assert.All(pages.Skip(1), p =>
            {
                Assert.Contains("limit=2", p, StringComparison.Ordinal);
                Assert.Contains("continuationToken=", p, StringComparison.Ordinal);
            });
            Assert.NotEqual(pages[1], pages[2]);
        }

        /// <summary>Records each list request's path and query, and rewrites each page's next link into <see cref="LinkForm"/>.</summary>
        private sealed class NextLinkRewriter : DelegatingHandler
        {
            private readonly LinkForm _form;
            private readonly ConcurrentQueue<string> _sent;

            public NextLinkRewriter(HttpMessageHandler inner, LinkForm form, ConcurrentQueue<string> sent)
                : base(inner)
            {
                _form = form;
                _sent = sent;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.EndsWith("/connections", StringComparison.Ordinal))
                {
                    return response;
                }

                _sent.Enqueue(request.RequestUri.PathAndQuery);
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                if (page["_links"]?["next"]?["href"]?.GetValue<string>() is string href)
                {
                    Assert.StartsWith("/connections?", href, StringComparison.Ordinal);
                    page["_links"]!["next"]!["href"] = _form switch
                    {
                        LinkForm.RelativeWithoutSlash => href.TrimStart('/'),
                        LinkForm.WithBasePath => "/data/foundation/flowservice" + href,
                        LinkForm.AbsoluteUrl => "https://platform.test/data/foundation/flowservice" + href,
                        _ => href,
                    };
                }

                response.Content = new StringContent(page.ToJsonString(), Encoding.UTF8, "application/json");
                return response;
            }
        }
    }
}
