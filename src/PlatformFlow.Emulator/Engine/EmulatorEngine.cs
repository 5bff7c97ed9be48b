using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Emulator.FlowService;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// The emulator: one engine behind both the in-process <see cref="EmulatorHttpMessageHandler"/> and the standalone host.
    /// Applies the gateway rules (auth headers, sandbox, content type), injected faults, then the service's route.
    /// Thread-safe: each handler runs under its sandbox's lock.
    /// </summary>
    public sealed class EmulatorEngine
    {
        private readonly RouteTable _routes = new RouteTable();
        private readonly ConcurrentDictionary<string, SandboxState> _sandboxes;
        private readonly RateLimit _rateLimit;
        private long _requestCounter;

        public EmulatorEngine(EmulatorOptions? options = null)
        {
            Options = options ?? new EmulatorOptions();
            StartedAt = Options.Clock.GetUtcNow();
            Faults = new FaultInjector(Options.Faults);
            _rateLimit = new RateLimit(Options.Clock);
            _sandboxes = new ConcurrentDictionary<string, SandboxState>(
                Options.Sandboxes.Select(name => new KeyValuePair<string, SandboxState>(name, new SandboxState(name))),
                StringComparer.Ordinal);
            Tokens = new TokenRegistry(Options);
            FlowService = new FlowServiceEmulator(this);
            foreach (var service in EmulatorServices.Create(this))
            {
                service.Register(_routes);
            }
        }

        public EmulatorOptions Options { get; }

        /// <summary>When the engine started: the age of its sandboxes.</summary>
        public DateTimeOffset StartedAt { get; }

        public FaultInjector Faults { get; }

        public RequestJournal Journal { get; } = new RequestJournal();

        /// <summary>The Flow Service, with the run hooks tests and rehearsals use (e.g. <c>FlowService.Runs.PlanFailure</c>).</summary>
        public FlowServiceEmulator FlowService { get; }

        /// <summary>Tokens issued by the IMS endpoint, and the check of bearer tokens against them.</summary>
        public TokenRegistry Tokens { get; }

        public IEnumerable<string> SandboxNames => _sandboxes.Keys;

        public SandboxState? Sandbox(string name) => _sandboxes.TryGetValue(name, out var state) ? state : null;

        public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
        {
            if (Options.Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Options.Faults.Latency, cancellationToken).ConfigureAwait(false);
            }

            var requestId = NewRequestId();
            var sandboxName = request.Header("x-sandbox-name");
            var match = _routes.Match(request.Method, request.RawPath, out var otherMethod);
            var response = Handle(request, requestId, sandboxName, match, otherMethod);
            response.Headers["x-request-id"] = requestId;
            Journal.Record(new JournalEntry(request.Method, request.Path, sandboxName, response.StatusCode, match?.ChangesState));
            return response;
        }

        private EmulatorResponse Handle(EmulatorRequest request, string requestId, string? sandboxName, RouteMatch? match, bool otherMethod)
        {
            var service = match?.Service ?? _routes.ServiceFor(request.Path);
            var style = service?.ErrorStyle ?? ErrorStyle.Gateway;
            try
            {
                if (service is null)
                {
                    throw EmulatorError.NotFound(ErrorCodes.RouteNotFound, "No API is served at " + request.Path + ".");
                }

                if (!service.RequiresPlatformHeaders)
                {
                    return Dispatch(request, requestId, match, otherMethod, new SandboxState("ims"));
                }

                // A service that authorizes its own requests (the streaming inlet) needs only the sandbox header here.
                var authorizesItself = service is IAuthorizingService;
                var gatewayError = authorizesItself ? null : GatewayError(request);
                if (gatewayError != null)
                {
                    return Render(ErrorStyle.Gateway, gatewayError, requestId);
                }

                var sandbox = ResolveSandbox(request, sandboxName, requireOrg: !authorizesItself);
                CheckContentType(request);

                if (Options.Faults.AllowedRate > 0 && _rateLimit.Admit(Options.Faults.AllowedRate) is int retryAfter)
                {
                    return RenderFault(new ScriptedFault(429, retryAfter), style, requestId);
                }

                var fault = Faults.Draw(request.Method);
                if (fault != null && fault.Timing == FaultTiming.BeforeHandling)
                {
                    return RenderFault(fault, style, requestId);
                }

                var response = Dispatch(request, requestId, match, otherMethod, sandbox);
                return fault != null ? RenderFault(fault, style, requestId) : response;
            }
            catch (EmulatorError error)
            {
                return Render(style, error, requestId);
            }
        }

        private EmulatorResponse Dispatch(EmulatorRequest request, string requestId, RouteMatch? match, bool otherMethod, SandboxState sandbox)
        {
            if (match is null)
            {
                throw otherMethod
                    ? new EmulatorError(405, ErrorCodes.MethodNotAllowed, "Method Not Allowed", request.Method + " is not allowed on " + request.Path + ".")
                    : EmulatorError.NotFound(ErrorCodes.RouteNotFound, "No resource is served at " + request.Path + ".");
            }

            var context = new RequestContext(this, request, match.Values, sandbox, requestId);
            EmulatorResponse response;
            lock (sandbox.Sync)
            {
                response = match.Handler(context);
            }

            return response.Finish?.Invoke() ?? response;
        }

        /// <summary>Why the gateway refuses the request's access token or API key (401, 403); null when it lets it through.</summary>
        public EmulatorError? GatewayError(EmulatorRequest request)
        {
            var authorization = request.Header("Authorization");
            const string bearer = "Bearer ";
            if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
                || !Tokens.IsValid(authorization.Substring(bearer.Length).Trim(), request.Header("x-api-key")))
            {
                return new EmulatorError(401, ErrorCodes.InvalidToken, "Unauthorized", "Oauth token is not valid");
            }

            var apiKey = request.Header("x-api-key");
            if (string.IsNullOrWhiteSpace(apiKey) || (Options.Credentials != null && apiKey != Options.Credentials.ClientId))
            {
                return new EmulatorError(403, ErrorCodes.InvalidApiKey, "Forbidden", "Api Key is invalid");
            }

            return null;
        }

        private SandboxState ResolveSandbox(EmulatorRequest request, string? sandboxName, bool requireOrg)
        {
            if (requireOrg && string.IsNullOrWhiteSpace(request.Header("x-gw-ims-org-id")))
            {
                throw EmulatorError.BadRequest(ErrorCodes.OrgHeaderMissing, "The x-gw-ims-org-id header is required.");
            }

            if (string.IsNullOrWhiteSpace(sandboxName))
            {
                throw EmulatorError.BadRequest(ErrorCodes.SandboxHeaderMissing, "The x-sandbox-name header is required.");
            }

            return Sandbox(sandboxName!)
                ?? throw EmulatorError.NotFound(ErrorCodes.SandboxNotFound, "Sandbox '" + sandboxName + "' does not exist in this organization (sandbox names are lower case).");
        }

        private static void CheckContentType(EmulatorRequest request)
        {
            if (!request.HasBody)
            {
                return;
            }

            var contentType = request.Header("Content-Type");
            if (contentType is null || contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw new EmulatorError(415, ErrorCodes.UnsupportedMediaType, "Unsupported Media Type", "A request body needs the header Content-Type: application/json.");
            }
        }

        private static EmulatorResponse RenderFault(ScriptedFault fault, ErrorStyle style, string requestId)
        {
            switch (fault.Status)
            {
                case 0:
                    return EmulatorResponse.ConnectionReset();
                case 429:
                    var throttled = Render(ErrorStyle.Gateway, new EmulatorError(429, ErrorCodes.Throttled, "Too Many Requests", "Too many requests"), requestId);
                    return fault.RetryAfterSeconds is int seconds ? throttled.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) : throttled;
                case 504:
                    return Render(style, new EmulatorError(504, ErrorCodes.GatewayTimeout, "Gateway Timeout", "The service did not answer in time."), requestId);
                default:
                    return Render(style, new EmulatorError(fault.Status, ErrorCodes.ServiceUnavailable, "Service Unavailable", "The service is temporarily unavailable."), requestId);
            }
        }

        private static EmulatorResponse Render(ErrorStyle style, EmulatorError error, string requestId) =>
            EmulatorResponse.Json(error.Status, style.Render(error, requestId));

        private string NewRequestId() =>
            "pf-" + Interlocked.Increment(ref _requestCounter).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 12);
    }
}
