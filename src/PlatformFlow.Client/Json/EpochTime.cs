using System;
using System.Globalization;
using System.Text.Json;

namespace PlatformFlow.Client.Json
{
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
