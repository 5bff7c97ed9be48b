using System;
using System.Collections;
using System.Globalization;
using System.Security;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Auth;

namespace PlatformFlow.Client.Json
{
    /// <summary>Turns caller values (hashtables, arrays, SecureStrings, numbers) into JSON for request bodies.</summary>
    public static class JsonValues
    {
        /// <summary>A dictionary (e.g. a PowerShell hashtable, already unwrapped) as a JSON object. SecureStrings are revealed only here, into the body.</summary>
        public static JsonObject FromDictionary(IDictionary dictionary)
        {
            var result = new JsonObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)
                    ?? throw new ArgumentException("A parameter name is empty.");
                result[key] = FromValue(entry.Value);
            }

            return result;
        }

        public static JsonNode? FromValue(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case JsonNode node:
                    return node.DeepClone();
                case string text:
                    return JsonValue.Create(text);
                case SecureString secret:
                    return JsonValue.Create(SecretText.Reveal(secret));
                case bool flag:
                    return JsonValue.Create(flag);
                case int or long or short or byte:
                    return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case float or double or decimal:
                    return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case DateTime time:
                    return JsonValue.Create(new DateTimeOffset(time.ToUniversalTime()).ToUnixTimeSeconds());
                case DateTimeOffset time:
                    return JsonValue.Create(time.ToUnixTimeSeconds());
                case IDictionary dictionary:
                    return FromDictionary(dictionary);
                case IEnumerable items:
                    var array = new JsonArray();
                    foreach (var item in items)
                    {
                        array.Add(FromValue(item));
                    }

                    return array;
                default:
                    return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
    }
}
