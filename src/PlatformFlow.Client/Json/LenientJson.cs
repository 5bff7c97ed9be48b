using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PlatformFlow.Client.Models;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Json
{
    /// <summary>
    /// Reads one listed resource so that a field this client cannot read (an interval beyond an integer, a name that is
    /// not text) costs that field, not the listing: the field is left out, the rest is read, and what was left out is
    /// noted on the model (<see cref="PlatformModel.ReadProblems"/>) for the listing to warn about, naming the id.
    /// </summary>
    internal static class LenientJson
    {
        // Each pass removes one unreadable field; a resource with more than this many is read as its id alone.
        private const int MaxFieldsLeftOut = 16;

        public static T Read<T>(JsonNode? item, JsonTypeInfo<T> type)
            where T : PlatformModel
        {
            var problems = new List<string>();
            var resource = item?.DeepClone() as JsonObject;
            if (resource is null)
            {
                problems.Add("it is " + (item is null ? "null" : item.GetValueKind().ToString().ToLowerInvariant()) + ", not a JSON object");
                resource = new JsonObject();
            }

            var id = resource["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
            for (var pass = 0; ; pass++)
            {
                try
                {
                    return WithProblems(JsonSerializer.Deserialize(resource, type), id, problems);
                }
                catch (JsonException unreadable) when (pass < MaxFieldsLeftOut && RemoveAt(resource, unreadable.Path))
                {
                    problems.Add(unreadable.Path!.TrimStart('$').TrimStart('.') + " left out (" + Reason(unreadable) + ")");
                }
                catch (JsonException unreadable)
                {
                    problems.Add("only its id could be read (" + Reason(unreadable) + ")");
                    return WithProblems(JsonSerializer.Deserialize(new JsonObject { ["id"] = id }, type), id, problems);
                }
            }
        }

        private static T WithProblems<T>(T? model, string? id, List<string> problems)
            where T : PlatformModel
        {
            var read = model ?? throw new JsonException("The resource is JSON null.");
            if (problems.Count > 0)
            {
                read.ReadProblems = (id is null ? "a resource without an id" : Excerpt.Of(id)) + ": " + string.Join("; ", problems);
            }

            return read;
        }

        private static string Reason(JsonException unreadable)
        {
            var message = unreadable.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return Excerpt.Of(cut > 0 ? message.Substring(0, cut) : message);
        }

        /// <summary>Removes the node at a serializer path (<c>$.scheduleParams.interval</c>, <c>$.ids[2]</c>, <c>$['a.b']</c>).</summary>
        private static bool RemoveAt(JsonObject root, string? path)
        {
            var steps = Steps(path);
            if (steps is null || steps.Count == 0)
            {
                return false;
            }

            JsonNode? parent = root;
            for (var i = 0; i < steps.Count - 1 && parent != null; i++)
            {
                parent = steps[i] is int index ? (parent is JsonArray array && index < array.Count ? array[index] : null) : (parent as JsonObject)?[(string)steps[i]];
            }

            switch (steps[steps.Count - 1])
            {
                case int last when parent is JsonArray items && last < items.Count:
                    items.RemoveAt(last);
                    return true;
                case string name when parent is JsonObject obj && obj.ContainsKey(name):
                    return obj.Remove(name);
                default:
                    return false;
            }
        }

        private static List<object>? Steps(string? path)
        {
            if (path is null || !path.StartsWith("$", StringComparison.Ordinal))
            {
                return null;
            }

            var steps = new List<object>();
            var at = 1;
            while (at < path.Length)
            {
                if (path[at] == '.')
                {
                    var end = path.IndexOfAny(new[] { '.', '[' }, at + 1);
                    end = end < 0 ? path.Length : end;
                    steps.Add(path.Substring(at + 1, end - at - 1));
                    at = end;
                }
                else if (string.CompareOrdinal(path, at, "['", 0, 2) == 0)
                {
                    var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return null;
                    }

                    steps.Add(path.Substring(at + 2, end - at - 2));
                    at = end + 2;
                }
                else if (path[at] == '[')
                {
                    var end = path.IndexOf(']', at);
                    if (end < 0 || !int.TryParse(path.Substring(at + 1, end - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        return null;
                    }

                    steps.Add(index);
                    at = end + 1;
                }
                else
                {
                    return null;
                }
            }

            return steps;
        }
    }
}
