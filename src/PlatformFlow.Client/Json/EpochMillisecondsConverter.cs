using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Json
{
    /// <summary>
    /// A time the platform sends as epoch milliseconds (<c>createdAt</c>, <c>startedAtUTC</c>), as a UTC
    /// <see cref="DateTimeOffset"/>: scripts compare it with <c>Get-Date</c>. Written back as milliseconds.
    /// </summary>
    public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EpochTime.Read(ref reader) is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : (DateTimeOffset?)null;

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is DateTimeOffset time)
            {
                writer.WriteNumberValue(time.ToUnixTimeMilliseconds());
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
