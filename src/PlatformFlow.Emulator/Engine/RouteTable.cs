using System;
using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>Maps (method, path template) to handlers. Templates use <c>{name}</c> for one path segment.</summary>
    public sealed class RouteTable
    {
        private readonly List<Route> _routes = new List<Route>();

        /// <param name="changesState">
        /// False for a POST that only checks or computes (Data Prep's validate and preview): the journal does not count it as a
        /// write. Defaults to true for every method but GET and HEAD.
        /// </param>
        public void Add(EmulatorService service, string method, string template, RouteHandler handler, bool? changesState = null)
        {
            var verb = method.ToUpperInvariant();
            _routes.Add(new Route(service, verb, Split(service.BasePath + template), handler, changesState ?? (verb != "GET" && verb != "HEAD")));
        }

        /// <summary>
        /// The route for the request. Literal segments win over <c>{name}</c> ones (<c>POST /mappingSets/validate</c> is not
        /// <c>/mappingSets/{id}</c>); when the most specific paths serve only other methods, <paramref name="pathMatchedOtherMethod"/>
        /// is set (a 405).
        /// </summary>
        /// <param name="rawPath">The path still percent-encoded; each segment is decoded after splitting.</param>
        public RouteMatch? Match(string method, string rawPath, out bool pathMatchedOtherMethod)
        {
            pathMatchedOtherMethod = false;
            var segments = Array.ConvertAll(Split(rawPath), Uri.UnescapeDataString);
            RouteMatch? best = null;
            var bestSpecificity = -1;
            var otherMethodSpecificity = -1;
            foreach (var route in _routes)
            {
                var values = route.TryMatch(segments);
                if (values is null)
                {
                    continue;
                }

                if (route.Method != method)
                {
                    otherMethodSpecificity = Math.Max(otherMethodSpecificity, route.Specificity);
                }
                else if (route.Specificity > bestSpecificity)
                {
                    best = new RouteMatch(route.Service, route.Handler, values, route.ChangesState);
                    bestSpecificity = route.Specificity;
                }
            }

            if (otherMethodSpecificity > bestSpecificity)
            {
                pathMatchedOtherMethod = true;
                return null;
            }

            return best;
        }

        /// <summary>The service whose base path starts <paramref name="path"/>, for rendering errors before routing.</summary>
        public EmulatorService? ServiceFor(string path)
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

        private static string[] Split(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        private sealed class Route
        {
            public Route(EmulatorService service, string method, string[] template, RouteHandler handler, bool changesState)
            {
                Service = service;
                Method = method;
                Template = template;
                Handler = handler;
                ChangesState = changesState;
                Specificity = Array.FindAll(template, part => !part.StartsWith("{", StringComparison.Ordinal)).Length;
            }

            public bool ChangesState { get; }

            /// <summary>How many literal segments the template has: more wins.</summary>
            public int Specificity { get; }

            public EmulatorService Service { get; }

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
                    if (part.StartsWith("{", StringComparison.Ordinal))
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
}
