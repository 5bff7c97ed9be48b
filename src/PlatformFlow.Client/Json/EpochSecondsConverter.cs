using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlatformFlow.Client.Json
{
    /// <summary>
    /// Epoch seconds read from a number or a string (the tutorial sends <c>"startTime": "1604961070"</c>),
    /// always written as an integer, as the schedule spec requires.
    /// </summary>
    public sealed class EpochSecondsConverter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
                case JsonTokenType.String:
                    var text = reader.GetString();
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw new JsonException("'" + text + "' is not an epoch time in seconds.");
                default:
                    throw new JsonException("Expected epoch seconds as a number or a string, found " + reader.TokenType + ".");
            }
        }

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>The nullable form of <see cref="EpochSecondsConverter"/>.</summary>
    public sealed class NullableEpochSecondsConverter : JsonConverter<long?>
    {
        private static readonly EpochSecondsConverter Inner = new EpochSecondsConverter();

        public override bool HandleNull => true;

        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(long), options);

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is long seconds)
            {
                writer.WriteNumberValue(seconds);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>A string that some services send as a number (e.g. <c>mappingVersion: 0</c>); read either, write a string.</summary>
    public sealed class LooseStringConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                default:
                    throw new JsonException("Expected a string or a number, found " + reader.TokenType + ".");
            }
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }
}
