using System.Text.Json;
using System.Text.Json.Serialization;

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
}
