using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Json
{
    /// <summary>
    /// A schedule's start time: epoch seconds read from a number or a string (the tutorial sends
    /// <c>"startTime": "1604961070"</c>), as a UTC <see cref="DateTimeOffset"/>; always written as an integer, as the
    /// schedule spec requires.
    /// </summary>
    public sealed class EpochSecondsTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.FromUnixTimeSeconds(EpochTime.Read(ref reader) ?? throw new JsonException("Expected epoch seconds, found null."));

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}
