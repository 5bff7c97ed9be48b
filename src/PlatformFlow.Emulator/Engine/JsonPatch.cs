using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>
    /// JSON Patch (RFC 6902) as the platform's PATCH endpoints take it: an array of <c>{op, path, value}</c> with the
    /// operations add, replace, remove and test (any case), on paths under the ones the resource allows.
    /// </summary>
    public static class JsonPatch
    {
        /// <summary>
        /// Applies the patch to a copy of <paramref name="target"/> and returns the copy; the original is untouched, so a
        /// caller can validate the result before storing it.
        /// </summary>
        /// <param name="allowedPaths">Pointers that may be changed, each with everything under it, e.g. <c>/name</c>, <c>/params</c>.</param>
        /// <param name="invalidPatchCode">Code for a malformed instruction, a path not allowed, a missing target or a failed test.</param>
        /// <param name="unsupportedOperationCode">Code for an operation other than add, replace, remove, test.</param>
        public static JsonObject Apply(JsonObject target, JsonNode patch, IReadOnlyCollection<string> allowedPaths, string invalidPatchCode, string unsupportedOperationCode)
        {
            if (!(patch is JsonArray instructions) || instructions.Count == 0)
            {
                throw EmulatorError.BadRequest(invalidPatchCode, "The request body must be a non-empty JSON Patch array of {op, path, value} instructions.");
            }

            var result = (JsonObject)target.DeepClone();
            foreach (var (instruction, index) in instructions.Select((node, i) => (node, i)))
            {
                var where = "patch instruction " + index;
                var op = JsonFields.Text(JsonFields.Member(instruction, "op"));
                var path = JsonFields.Text(JsonFields.Member(instruction, "path"));
                if (op is null || path is null)
                {
                    throw EmulatorError.BadRequest(invalidPatchCode, "An error has occurred while validating patch instructions: " + where + " needs the string fields op and path.");
                }

                if (!allowedPaths.Any(allowed => path == allowed || path.StartsWith(allowed + "/", StringComparison.Ordinal)))
                {
                    throw EmulatorError.BadRequest(invalidPatchCode, "An error has occurred while validating patch instructions: path '" + path + "' (" + where + ") cannot be updated; allowed: " + string.Join(", ", allowedPaths) + ".");
                }

                var hasValue = instruction is JsonObject obj && obj.ContainsKey("value");
                var value = JsonFields.Member(instruction, "value")?.DeepClone();
                var tokens = path.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
                var parent = Resolve(result, tokens.Take(tokens.Length - 1), path, invalidPatchCode);
                var last = tokens[tokens.Length - 1];
                switch (op.ToLowerInvariant())
                {
                    case "add":
                        RequireValue(hasValue, where, invalidPatchCode);
                        Add(parent, last, value, path, invalidPatchCode);
                        break;
                    case "replace":
                        RequireValue(hasValue, where, invalidPatchCode);
                        Existing(parent, last, path, invalidPatchCode);
                        Set(parent, last, value);
                        break;
                    case "remove":
                        Existing(parent, last, path, invalidPatchCode);
                        Remove(parent, last);
                        break;
                    case "test":
                        RequireValue(hasValue, where, invalidPatchCode);
                        if (!JsonNode.DeepEquals(Existing(parent, last, path, invalidPatchCode), value))
                        {
                            throw EmulatorError.BadRequest(invalidPatchCode, "An error has occurred while validating patch instructions: test failed, the value at '" + path + "' is not " + (value?.ToJsonString() ?? "null") + ".");
                        }

                        break;
                    default:
                        throw EmulatorError.BadRequest(unsupportedOperationCode, "Unsupported operation '" + op + "' received in " + where + ". Please use one of add, replace, remove, test and try again.");
                }
            }

            return result;
        }

        private static void RequireValue(bool hasValue, string where, string code)
        {
            if (!hasValue)
            {
                throw EmulatorError.BadRequest(code, "An error has occurred while validating patch instructions: " + where + " needs a value.");
            }
        }

        private static JsonNode Resolve(JsonNode root, IEnumerable<string> tokens, string path, string code)
        {
            var node = root;
            foreach (var token in tokens)
            {
                node = Child(node, token) ?? throw EmulatorError.BadRequest(code, "An error has occurred while validating patch instructions: Missing field \"" + token + "\" on the way to '" + path + "'.");
            }

            return node is JsonObject || node is JsonArray
                ? node
                : throw EmulatorError.BadRequest(code, "An error has occurred while validating patch instructions: '" + path + "' goes inside a value that is neither an object nor an array.");
        }

        private static JsonNode? Child(JsonNode node, string token)
        {
            switch (node)
            {
                case JsonObject obj:
                    return obj[token];
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                    return array[i];
                default:
                    return null;
            }
        }

        private static JsonNode? Existing(JsonNode parent, string token, string path, string code)
        {
            var exists = parent is JsonObject obj ? obj.ContainsKey(token) : Child(parent, token) != null;
            if (!exists)
            {
                throw EmulatorError.BadRequest(code, "An error has occurred while validating patch instructions: Missing field \"" + token + "\" at '" + path + "'.");
            }

            return Child(parent, token);
        }

        private static void Add(JsonNode parent, string token, JsonNode? value, string path, string code)
        {
            if (parent is JsonArray array)
            {
                if (token == "-")
                {
                    array.Add(value);
                    return;
                }

                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count)
                {
                    throw EmulatorError.BadRequest(code, "An error has occurred while validating patch instructions: '" + path + "' is not a position in the array.");
                }

                array.Insert(index, value);
                return;
            }

            Set(parent, token, value);
        }

        private static void Set(JsonNode parent, string token, JsonNode? value)
        {
            if (parent is JsonArray array)
            {
                array[int.Parse(token, CultureInfo.InvariantCulture)] = value;
            }
            else
            {
                ((JsonObject)parent)[token] = value;
            }
        }

        private static void Remove(JsonNode parent, string token)
        {
            if (parent is JsonArray array)
            {
                array.RemoveAt(int.Parse(token, CultureInfo.InvariantCulture));
            }
            else
            {
                ((JsonObject)parent).Remove(token);
            }
        }
    }
}
