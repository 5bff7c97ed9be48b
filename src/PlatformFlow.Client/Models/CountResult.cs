using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>The answer to a list with <c>count=true</c>.</summary>
    public sealed class CountResult : PlatformModel
    {
        [JsonPropertyName("count")]
        public long Count { get; init; }
    }
}
