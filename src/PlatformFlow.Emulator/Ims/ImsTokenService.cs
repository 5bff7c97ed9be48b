using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Ims
{
    /// <summary>
    /// The IMS OAuth server-to-server token endpoint (<c>POST /ims/token/v3</c>, form-encoded). Called before there is a
    /// token or a sandbox, so the platform header rules do not apply. Errors take the OAuth shape
    /// <c>{"error", "error_description"}</c>; the client secret is never echoed.
    /// </summary>
    internal sealed class ImsTokenService(EmulatorEngine engine) : EmulatorService(Path, ErrorStyle.Gateway)
    {
        public const string Path = "/ims";

        private readonly EmulatorEngine _engine = engine;

        public override bool RequiresPlatformHeaders => false;

        public override void Register(RouteTable routes) => routes.Add(this, "POST", "/token/v3", IssueToken);

        private EmulatorResponse IssueToken(RequestContext context)
        {
            var contentType = context.Request.Header("Content-Type");
            if (contentType is null || contentType.IndexOf("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return Error(400, ErrorCodes.ImsInvalidRequest, "The token request must be form-encoded (Content-Type: application/x-www-form-urlencoded).");
            }

            var form = EmulatorRequest.ParseQuery(Encoding.UTF8.GetString(context.Request.Body));
            string? Field(string name) => form.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

            if (Field("grant_type") != "client_credentials")
            {
                return Error(400, ErrorCodes.ImsUnsupportedGrantType, "grant_type must be client_credentials for OAuth server-to-server credentials.");
            }

            var clientId = Field("client_id");
            var expected = _engine.Options.Credentials;
            if (string.IsNullOrEmpty(clientId) || (expected != null && clientId != expected.ClientId))
            {
                return Error(400, ErrorCodes.ImsInvalidClient, "invalid client_id parameter");
            }

            if (string.IsNullOrWhiteSpace(Field("scope")))
            {
                return Error(400, ErrorCodes.ImsInvalidScope, "scope is required: the comma-separated scopes of the credential.");
            }

            var token = _engine.Tokens.Issue(clientId!, Field("client_secret") ?? string.Empty);
            if (token is null)
            {
                return Error(401, ErrorCodes.ImsInvalidClient, "invalid client_secret parameter");
            }

            return EmulatorResponse.Json(200, new JsonObject
            {
                ["access_token"] = token.Value,
                ["token_type"] = "bearer",
                ["expires_in"] = (long)_engine.Options.TokenLifetime.TotalSeconds,
            });
        }

        private static EmulatorResponse Error(int status, string error, string description) =>
            EmulatorResponse.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
    }
}
