using System;
using System.Globalization;
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

    internal static class EpochTime
    {
        /// <summary>A whole number of epoch units from a number or a numeric string; null for null.</summary>
        public static long? Read(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
                case JsonTokenType.String:
                    var text = reader.GetString();
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw new JsonException("'" + text + "' is not an epoch time.");
                default:
                    throw new JsonException("Expected an epoch time as a number or a string, found " + reader.TokenType + ".");
            }
        }
    }
}
