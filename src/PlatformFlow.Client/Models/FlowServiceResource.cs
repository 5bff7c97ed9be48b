using System.Reflection;
using System.Text.Json.Serialization;
using PlatformFlow.Client.Json;

namespace PlatformFlow.Client.Models
{
    /// <summary>A Flow Service resource: id, etag and audit fields.</summary>
    public abstract class FlowServiceResource : PlatformModel
    {
        private string _id = string.Empty;
        private string? _etag;
        private string? _state;

        public string Id { get => _id; init => _id = value; }

        public string? Name { get; init; }

        public string? Description { get; init; }

        /// <summary>The etag exactly as the platform returned it (quotes included): send it back in <c>If-Match</c>.</summary>
        public string? Etag { get => _etag; init => _etag = value; }

        public string? State { get => _state; init => _state = value; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>UTC; the platform sends epoch milliseconds.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? UpdatedAt { get; init; }

        public string? CreatedBy { get; init; }

        public string? UpdatedBy { get; init; }

        /// <summary>
        /// Gives a part built from its request (not read back) the id, etag and state its write answered with, or a plan's
        /// stand-ins: the one place they change after the part is made.
        /// </summary>
        internal void TakeIdentity(string id, string? etag, string state)
        {
            _id = id;
            _etag = etag;
            _state = state;
        }

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
