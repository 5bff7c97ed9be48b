using System;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Connectors
{
    /// <summary>
    /// The Data Landing Zone's own endpoints, as the platform's Data Landing Zone source guide describes them:
    /// <c>GET /landingzone?type=user_drop_zone</c> (the sandbox's container and how long files stay) and
    /// <c>GET /landingzone/credentials?type=user_drop_zone</c> (a SAS token and URI to write to it). The token is made per
    /// sandbox on first read and kept, as the platform keeps it until it is refreshed.
    /// </summary>
    public sealed class LandingZoneService() : EmulatorService(Path, new ErrorStyle(ErrorBodyShape.Problem, "CONN"))
    {
        public const string Path = "/data/foundation/connectors";

        public const string ContainerName = "dlz-user-container";

        private const string CredentialsCollection = "connectors.landingZoneCredentials";

        public override void Register(RouteTable routes)
        {
            routes.Add(this, "GET", "/landingzone", context => EmulatorResponse.Json(200, new JsonObject
            {
                ["containerName"] = Container(context),
                ["containerTTL"] = "7",
            }));
            routes.Add(this, "GET", "/landingzone/credentials", Credentials);
        }

        private static EmulatorResponse Credentials(RequestContext context)
        {
            var container = Container(context);
            var stored = context.Sandbox.Collection(CredentialsCollection).Find(container);
            if (stored is null)
            {
                var expiry = context.Now.AddDays(90);
                var token = "sv=2020-10-02&si=" + container + "-" + Guid.NewGuid().ToString("N").Substring(0, 10) + "&sr=c&sp=racwdlm&sig=" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
                var account = "dlz" + context.Sandbox.Name.Replace("-", string.Empty) + "emulator";
                stored = new JsonObject
                {
                    ["containerName"] = container,
                    ["SASToken"] = token,
                    ["storageAccountName"] = account,
                    ["SASUri"] = "https://" + account + ".blob.core.windows.net/" + container + "?" + token,
                    ["expiryDate"] = expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                };
                context.Sandbox.Collection(CredentialsCollection).Add(container, stored);
            }

            return EmulatorResponse.Json(200, stored.DeepClone());
        }

        /// <summary>The container of <c>type=user_drop_zone</c>, the only landing zone type a source reads from.</summary>
        private static string Container(RequestContext context)
        {
            var type = context.Request.QueryValue("type");
            return type == "user_drop_zone"
                ? ContainerName
                : throw EmulatorError.BadRequest(ErrorCodes.FlowQueryParameterInvalid, "type=user_drop_zone is required (the landing zone a source reads from); got '" + type + "'.");
        }
    }
}
