using System;
using System.Collections.Generic;
using System.Text;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>A handler's view of one request to the prod sandbox, for testing what a handler reads without routing it.</summary>
    public static class RequestContexts
    {
        private static readonly EmulatorEngine Engine = new EmulatorEngine();

        public static RequestContext For(string method, string path, IReadOnlyDictionary<string, string>? headers = null, string body = "")
        {
            var request = new EmulatorRequest(method, path, Array.Empty<KeyValuePair<string, string>>(), headers ?? new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
            return new RequestContext(Engine, request, new Dictionary<string, string>(), new SandboxState("prod"), "request-1");
        }
    }
}
