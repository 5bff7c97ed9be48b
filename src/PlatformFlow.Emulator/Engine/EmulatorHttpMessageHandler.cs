using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Serves the emulator in process: an <see cref="HttpMessageHandler"/> at the end of an ordinary client pipeline.</summary>
    public sealed class EmulatorHttpMessageHandler : HttpMessageHandler
    {
        public EmulatorHttpMessageHandler(EmulatorEngine engine)
        {
            Engine = engine;
        }

        public EmulatorEngine Engine { get; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            var body = Array.Empty<byte>();
            if (request.Content != null)
            {
                foreach (var header in request.Content.Headers)
                {
                    headers[header.Key] = string.Join(", ", header.Value);
                }

                body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            var emulatorRequest = new EmulatorRequest(
                request.Method.Method,
                Uri.UnescapeDataString(uri.AbsolutePath),
                EmulatorRequest.ParseQuery(uri.Query),
                headers,
                body,
                uri.AbsolutePath);
            var answer = await Engine.HandleAsync(emulatorRequest, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (answer.IsConnectionReset)
            {
                // What a socket handler throws when the peer drops the connection.
                throw new HttpRequestException(
                    "An error occurred while sending the request.",
                    new System.IO.IOException("The emulator dropped the connection (injected fault).", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)));
            }

            var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(answer.Body),
            };
            if (answer.ContentType != null)
            {
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
            }

            foreach (var header in answer.Headers.Where(h => !response.Headers.TryAddWithoutValidation(h.Key, h.Value)))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return response;
        }
    }
}
