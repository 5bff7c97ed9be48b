using PlatformFlow.JsonSchema;
using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// What the platform's JSON parser refuses and System.Text.Json's node model lets through until a handler trips on it:
    /// a member named twice in one object (<c>{"name":"a","name":"b"}</c>) and a string or name that is not valid
    /// UTF-16 (a lone surrogate escape such as <c>"\ud800"</c>). Each is a 400 naming where it is.
    /// </summary>
    internal static class StrictJsonBody
    {
        /// <summary>Throws a 400 (<see cref="ErrorCodes.MalformedJson"/>) at the first duplicate member or invalid string.</summary>
        public static void Check(byte[] utf8, JsonReaderOptions options)
        {
            var reader = new Utf8JsonReader(utf8, options);
            var members = new Stack<HashSet<string>?>();
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            members.Push(new HashSet<string>(StringComparer.Ordinal));
                            break;
                        case JsonTokenType.StartArray:
                            members.Push(null);
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            members.Pop();
                            break;
                        case JsonTokenType.PropertyName:
                            var name = reader.GetString()!;
                            if (members.Peek()?.Add(name) == false)
                            {
                                throw EmulatorError.BadRequest(ErrorCodes.MalformedJson, "Malformed JSON in the request body at byte " + reader.TokenStartIndex
                                    + ": the member '" + Excerpt.Of(name) + "' appears twice in one object.");
                            }

                            break;
                        case JsonTokenType.String:
                            reader.GetString();
                            break;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                throw EmulatorError.BadRequest(ErrorCodes.MalformedJson, "Malformed JSON in the request body at byte " + reader.TokenStartIndex
                    + ": a string is not valid UTF-16 (an unpaired surrogate escape).");
            }
        }
    }
}
