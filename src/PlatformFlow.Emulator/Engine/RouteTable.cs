using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    public delegate EmulatorResponse RouteHandler(RequestContext context);

    /// <summary>Maps (method, path template) to handlers. Templates use <c>{name}</c> for one path segment.</summary>
    public sealed class RouteTable
    {
        private readonly List<Route> _routes = new List<Route>();

        public void Add(IEmulatorService service, string method, string template, RouteHandler handler) =>
            _routes.Add(new Route(service, method.ToUpperInvariant(), Split(service.BasePath + template), handler));

        /// <param name="rawPath">The path still percent-encoded; each segment is decoded after splitting.</param>
        public RouteMatch? Match(string method, string rawPath, out bool pathMatchedOtherMethod)
        {
            pathMatchedOtherMethod = false;
            var segments = Array.ConvertAll(Split(rawPath), Uri.UnescapeDataString);
            foreach (var route in _routes)
            {
                var values = route.TryMatch(segments);
                if (values is null)
                {
                    continue;
                }

                if (route.Method == method)
                {
                    return new RouteMatch(route.Service, route.Handler, values);
                }

                pathMatchedOtherMethod = true;
            }

            return null;
        }

        /// <summary>The service whose base path starts <paramref name="path"/>, for rendering errors before routing.</summary>
        public IEmulatorService? ServiceFor(string path)
        {
            foreach (var route in _routes)
            {
                if (path.StartsWith(route.Service.BasePath + "/", StringComparison.Ordinal) || path == route.Service.BasePath)
                {
                    return route.Service;
                }
            }

            return null;
        }

        private static string[] Split(string path) => path.Trim('/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        private sealed class Route
        {
            public Route(IEmulatorService service, string method, string[] template, RouteHandler handler)
            {
                Service = service;
                Method = method;
                Template = template;
                Handler = handler;
            }

            public IEmulatorService Service { get; }

            public string Method { get; }

            public string[] Template { get; }

            public RouteHandler Handler { get; }

            public Dictionary<string, string>? TryMatch(string[] segments)
            {
                if (segments.Length != Template.Length)
                {
                    return null;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < segments.Length; i++)
                {
                    var part = Template[i];
                    if (part.StartsWith("{", StringComparison.Ordinal) && part.EndsWith("}", StringComparison.Ordinal))
                    {
                        values[part.Substring(1, part.Length - 2)] = segments[i];
                    }
                    else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
                    {
                        return null;
                    }
                }

                return values;
            }
        }
    }

    public sealed class RouteMatch
    {
        public RouteMatch(IEmulatorService service, RouteHandler handler, IReadOnlyDictionary<string, string> values)
        {
            Service = service;
            Handler = handler;
            Values = values;
        }

        public IEmulatorService Service { get; }

        public RouteHandler Handler { get; }

        public IReadOnlyDictionary<string, string> Values { get; }
    }
}
