using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Host
{
    /// <summary>
    /// One <see cref="EmulatorEngine"/> served over real HTTP by Kestrel, on the loopback interface only. The standalone
    /// host runs one; tests start their own to drive the same engine through sockets.
    /// </summary>
    public sealed class EmulatorServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EmulatorServer(WebApplication app, EmulatorEngine engine, Uri baseAddress)
        {
            _app = app;
            Engine = engine;
            BaseAddress = baseAddress;
        }

        public EmulatorEngine Engine { get; }

        /// <summary>Where the server answers, e.g. <c>http://127.0.0.1:5055/</c>.</summary>
        public Uri BaseAddress { get; }

        /// <param name="engine">The engine every request goes to.</param>
        /// <param name="port">The loopback port; 0 picks a free one (see <see cref="BaseAddress"/>).</param>
        public static async Task<EmulatorServer> StartAsync(EmulatorEngine engine, int port = 0, CancellationToken cancellationToken = default)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
            builder.Logging.ClearProviders();
            builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
            builder.WebHost.UseKestrel(options =>
            {
                options.AddServerHeader = false;
                options.Listen(IPAddress.Loopback, port);
            });
            var app = builder.Build();
            app.Run(context => ForwardAsync(engine, context));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new EmulatorServer(app, engine, new Uri(address.TrimEnd('/') + "/"));
        }

        /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
        public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        private static async Task ForwardAsync(EmulatorEngine engine, HttpContext context)
        {
            var request = context.Request;

            // The raw target keeps percent-encoding, so an encoded id (a schema's $id) stays one path segment.
            var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var query = rawTarget.IndexOf('?');
            var rawPath = query < 0 ? rawTarget : rawTarget.Substring(0, query);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value.ToArray());
            }

            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                body = buffer.ToArray();
            }

            var answer = await engine.HandleAsync(
                new EmulatorRequest(request.Method, Uri.UnescapeDataString(rawPath), EmulatorRequest.ParseQuery(request.QueryString.Value), headers, body, rawPath),
                context.RequestAborted).ConfigureAwait(false);

            if (answer.IsConnectionReset)
            {
                context.Abort();
                return;
            }

            var response = context.Response;
            response.StatusCode = answer.StatusCode;
            foreach (var header in answer.Headers)
            {
                response.Headers[header.Key] = header.Value;
            }

            if (answer.ContentType != null)
            {
                response.ContentType = answer.ContentType;
            }

            if (answer.Body.Length > 0)
            {
                response.ContentLength = answer.Body.Length;
                await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
