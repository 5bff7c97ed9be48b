using System.Text.Json.Serialization;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Auth
{
    /// <summary>The answer of <c>POST /ims/token/v3</c>.</summary>
    public sealed class ImsTokenResponse : PlatformModel
    {
        [JsonPropertyName("access_token")]
        public string AccessToken { get; init; } = string.Empty;

        [JsonPropertyName("token_type")]
        public string? TokenType { get; init; }

        /// <summary>Seconds until the token expires (about a day).</summary>
        [JsonPropertyName("expires_in")]
        public long ExpiresIn { get; init; }
    }
}
