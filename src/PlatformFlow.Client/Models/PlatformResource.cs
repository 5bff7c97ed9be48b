using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// Base of every model read from the platform: fields this version does not know are kept (and written back
    /// unchanged), so a newer platform answer loses nothing.
    /// </summary>
    public abstract class PlatformModel
    {
        /// <summary>Members this version does not know; kept for writing back, shown through <see cref="GetAdditionalMembers"/>.</summary>
        [JsonExtensionData]
        [JsonInclude]
        internal IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The members the platform sent that this version does not know, as plain values; null when there are none.</summary>
        public PropertyBag? GetAdditionalMembers() => PropertyBag.From(AdditionalProperties);

        /// <summary>
        /// A shallow copy, to write once per row: PowerShell attaches a row's pipeline properties to the object itself, so
        /// a cached spec or a part reused by several rows must not be written as the same object twice.
        /// </summary>
        public PlatformModel ShallowCopy() => (PlatformModel)MemberwiseClone();

        /// <summary>What a listing could not read of this resource (and left out), naming its id; null when all was read.</summary>
        [JsonIgnore]
        internal string? ReadProblems { get; set; }
    }

    /// <summary>A catalogue entry of the Flow Service (a connection spec or a flow spec): what every spec has.</summary>
    public abstract class FlowServiceSpec : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;

        [JsonPropertyName("providerId")]
        public string? ProviderId { get; init; }

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        [JsonPropertyName("attributes")]
        [JsonInclude]
        internal JsonObject? AttributesJson { get; init; }

        [JsonIgnore]
        public PropertyBag? Attributes => PropertyBag.From(AttributesJson);
    }

    /// <summary>A Flow Service resource: id, etag and audit fields.</summary>
    public abstract class FlowServiceResource : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>The etag exactly as the platform returned it (quotes included): send it back in <c>If-Match</c>.</summary>
        [JsonPropertyName("etag")]
        public string? Etag { get; init; }

        [JsonPropertyName("state")]
        public string? State { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("createdAt")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonPropertyName("updatedAt")]
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        [JsonPropertyName("createdBy")]
        public string? CreatedBy { get; init; }

        [JsonPropertyName("updatedBy")]
        public string? UpdatedBy { get; init; }
    }

    /// <summary>A reference to a spec by id and version (<c>connectionSpec</c>, <c>flowSpec</c>).</summary>
    public sealed class SpecReference : PlatformModel
    {
        public SpecReference()
        {
        }

        public SpecReference(string id, string? version = "1.0")
        {
            Id = id;
            Version = version;
        }

        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("version")]
        public string? Version { get; init; }

        public override string ToString() => Id;
    }

    /// <summary>The answer to a Flow Service create or update: <c>{id, etag}</c>.</summary>
    public sealed class ResourceWriteResult : PlatformModel
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("etag")]
        public string? Etag { get; init; }
    }

    /// <summary>One JSON Patch operation (RFC 6902), as PATCH endpoints take them.</summary>
    public sealed class JsonPatchOperation
    {
        public JsonPatchOperation()
        {
        }

        public JsonPatchOperation(string op, string path, JsonElement? value = null)
        {
            Op = op;
            Path = path;
            Value = value;
        }

        [JsonPropertyName("op")]
        public string Op { get; init; } = "replace";

        [JsonPropertyName("path")]
        public string Path { get; init; } = string.Empty;

        [JsonPropertyName("value")]
        public JsonElement? Value { get; init; }
    }

    /// <summary>A Flow Service list page: <c>{items, _links{next{href}}}</c>.</summary>
    public sealed class ListPage<T> : PlatformModel
    {
        [JsonPropertyName("items")]
        public List<T> Items { get; init; } = new List<T>();

        [JsonPropertyName("_links")]
        public PageLinks? Links { get; init; }
    }

    public sealed class PageLinks : PlatformModel
    {
        [JsonPropertyName("next")]
        public PageLink? Next { get; init; }
    }

    public sealed class PageLink : PlatformModel
    {
        [JsonPropertyName("href")]
        public string? Href { get; init; }
    }

    /// <summary>The answer to a list with <c>count=true</c>.</summary>
    public sealed class CountResult : PlatformModel
    {
        [JsonPropertyName("count")]
        public long Count { get; init; }
    }
}
