using System.Reflection;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Flow Service resource: id, etag and audit fields.</summary>
    public abstract class FlowServiceResource : PlatformModel
    {
        public string Id { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string? Description { get; init; }

        /// <summary>The etag exactly as the platform returned it (quotes included): send it back in <c>If-Match</c>.</summary>
        public string? Etag { get; init; }

        public string? State { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        public string? CreatedBy { get; init; }

        public string? UpdatedBy { get; init; }

        /// <summary>
        /// Takes on every member of <paramref name="current"/> (etag, state, what was changed), the same resource as read
        /// after this module changed it: the object a script holds (<c>$flow</c>) stays usable for its next change, while
        /// a change made by anyone else still makes its etag stale.
        /// </summary>
        public void TakeStateOf(FlowServiceResource current)
        {
            if (current.GetType() != GetType() || !string.Equals(current.Id, Id, StringComparison.Ordinal))
            {
                throw new ArgumentException("Only the same resource, read again, can update " + GetType().Name + " " + Id + ".", nameof(current));
            }

            for (var type = GetType(); type != null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    field.SetValue(this, field.GetValue(current));
                }
            }
        }
    }
}
