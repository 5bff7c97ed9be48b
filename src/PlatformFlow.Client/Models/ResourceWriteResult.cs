using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>The answer to a Flow Service create or update: <c>{id, etag}</c>.</summary>
    public sealed class ResourceWriteResult : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("etag")]
        public string? Etag { get; init; }
    }
}
