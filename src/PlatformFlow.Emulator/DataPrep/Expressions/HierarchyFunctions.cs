using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>The page's "Hierarchies - Objects", "Hierarchies - Arrays" and "JSON functions".</summary>
    internal static class HierarchyFunctions
    {
        private const string Objects = "Hierarchies - Objects";
        private const string Arrays = "Hierarchies - Arrays";
        private const string Json = "JSON";

        public static void Register(ElFunctionLibrary library)
        {
            library.Add(Objects, "is_empty", "is_empty(INPUT)", "Checks whether or not an object (or array, or string) is empty.",
                "is_empty([1, null, 2, 3])", "false", 1, 1, ElType.Boolean, a => IsEmpty(a[0]));
            library.Add(Objects, "arrays_to_object", "arrays_to_object(INPUT)", "Creates a list of objects from key and array pairs: the n-th object takes the n-th item of each array.",
                "arrays_to_object('sku', explode(\"id1|id2\", '\\\\|'), 'price', [22.5,14.35])", "[{\"sku\": \"id1\", \"price\": 22.5}, {\"sku\": \"id2\", \"price\": 14.35}]",
                2, ElFunction.Unbounded, ElType.Array, ArraysToObject);
            library.Add(Objects, "to_object", "to_object(INPUT)", "Creates an object based on the flat key/value pairs given.",
                "to_object(\"firstName\", \"John\", \"lastName\", \"Doe\")", "{\"firstName\": \"John\", \"lastName\": \"Doe\"}", 2, ElFunction.Unbounded, ElType.Object, ToObject);
            library.Add(Objects, "str_to_object", "str_to_object(STRING, VALUE_DELIMITER, FIELD_DELIMITER)", "Creates an object from the input string (\":\" between field and value and \",\" between pairs by default).",
                "str_to_object(\"firstName - John ; lastName - ; phone - 123 456 7890\", \"-\", \";\").get(\"firstName\")", "\"John\"", 1, 3, ElType.Object,
                a => a.Text(0) is string text ? Pairs(text, a.TextOr(1, ":"), a.TextOr(2, ",")) : null);
            library.Add(Objects, "get", "get(OBJECT, KEY)", "The value of a key of an object (or the item at an index of an array); usually called as OBJECT.get(KEY).",
                "to_object(\"firstName\", \"John\").get(\"firstName\")", "\"John\"", 2, 2, ElType.Any, Get);
            library.Add(Objects, "contains_key", "contains_key(INPUT)", "Checks if the path exists within the source data.",
                "contains_key(\"evars.evar.field1\")", "true", 1, 1, ElType.Boolean,
                a => a.Text(0) is string path && FieldNode.Exists(a.Scope.Row, path.Split('.')));
            library.Add(Objects, "nullify", "nullify()", "Sets the value of the attribute to null.", "nullify()", "null", 0, 0, ElType.Null, a => null);
            library.Add(Objects, "get_keys", "get_keys(OBJECT)", "Parses the key/value pairs and returns all the keys.",
                "get_keys({\"book1\": \"Pride and Prejudice\", \"book2\": \"1984\"})", "[\"book1\", \"book2\"]", 1, 1, ElType.Array,
                a => a[0] is null ? null : a.Object(0).Keys.Cast<object?>().ToList());
            library.Add(Objects, "get_values", "get_values(STRING, KEY, VALUE_DELIMITER, FIELD_DELIMITER)", "Parses the key/value pairs of the string and returns the value of the given key.",
                "get_values(\"firstName - John , lastName - Cena , phone - 555 420 8692\", \"firstName\", \"-\", \",\")", "John", 2, 4, ElType.String,
                a => a.Text(0) is string text && Pairs(text, Delimiter(a, 2, ":"), Delimiter(a, 3, ",")).TryGetValue(a.TextOr(1, string.Empty), out var value) ? value : null);

            library.Add(Arrays, "coalesce", "coalesce(INPUT)", "Returns the first non-null object in a given array.",
                "coalesce(null, null, null, \"first\", null, \"second\")", "\"first\"", 1, ElFunction.Unbounded, ElType.Any,
                a => ElValues.Items(a.Values).FirstOrDefault(v => v != null));
            library.Add(Arrays, "first", "first(INPUT)", "Retrieves the first element of the given array.", "first(\"1\", \"2\", \"3\")", "\"1\"", 1, ElFunction.Unbounded, ElType.Any,
                a => ElValues.Items(a.Values).FirstOrDefault());
            library.Add(Arrays, "last", "last(INPUT)", "Retrieves the last element of the given array.", "last(\"1\", \"2\", \"3\")", "\"3\"", 1, ElFunction.Unbounded, ElType.Any,
                a => ElValues.Items(a.Values).LastOrDefault());
            library.Add(Arrays, "add_to_array", "add_to_array(ARRAY, VALUES)", "Adds elements to the end of the array.",
                "add_to_array(['a', 'b'], 'c', 'd')", "['a', 'b', 'c', 'd']", 1, ElFunction.Unbounded, ElType.Array,
                a => a.Array(0).Concat(a.From(1)).ToList());
            library.Add(Arrays, "join_arrays", "join_arrays(ARRAY, VALUES)", "Combines the arrays with each other.",
                "join_arrays(['a', 'b'], ['c'], ['d', 'e'])", "['a', 'b', 'c', 'd', 'e']", 1, ElFunction.Unbounded, ElType.Array,
                a => Enumerable.Range(0, a.Count).SelectMany(i => a[i] is List<object?> items ? items : new List<object?> { a[i] }).ToList());
            library.Add(Arrays, "to_array", "to_array(INCLUDE_NULLS, VALUES)", "Takes a list of inputs and converts it to an array, leaving nulls out unless INCLUDE_NULLS.",
                "to_array(false, 1, null, 2, 3)", "[1, 2, 3]", 1, ElFunction.Unbounded, ElType.Array,
                a => a.From(1).Where(v => v != null || a.Boolean(0)).ToList());
            library.Add(Arrays, "size_of", "size_of(INPUT)", "Returns the size of the input (items of an array, members of an object, characters of a string).",
                "size_of([1, 2, 3, 4])", "4", 1, 1, ElType.Integer, SizeOf);
            library.Add(Arrays, "upsert_array_append", "upsert_array_append(ARRAY)", "On a profile update, appends the array to the profile's array; on an insert (as in a preview) it is the input as is.",
                "upsert_array_append([123, 456])", "[123, 456]", 1, 1, ElType.Array, a => a.Array(0));
            library.Add(Arrays, "upsert_array_replace", "upsert_array_replace(ARRAY)", "On a profile update, replaces elements of the profile's array; on an insert (as in a preview) it is the input as is.",
                "upsert_array_replace([123, 456], 1)", "[123, 456]", 1, 2, ElType.Array, a => a.Array(0));

            library.Add(Json, "json_to_object", "json_to_object(STRING)", "Deserializes JSON content from the given string (an object literal is taken as it is).",
                "json_to_object({\"info\":{\"firstName\":\"John\",\"lastName\": \"Doe\"}})", "{\"info\": {\"firstName\": \"John\", \"lastName\": \"Doe\"}}", 1, 1, ElType.Any, FromJson);
        }

        private static bool IsEmpty(object? value)
        {
            switch (value)
            {
                case null: return true;
                case string text: return text.Length == 0;
                case List<object?> items: return items.Count == 0;
                case Dictionary<string, object?> members: return members.Count == 0;
                default: return false;
            }
        }

        private static object? SizeOf(ElArguments a)
        {
            switch (a[0])
            {
                case null: return 0L;
                case string text: return (long)text.Length;
                case List<object?> items: return (long)items.Count;
                case Dictionary<string, object?> members: return (long)members.Count;
                default: throw ElValues.Mismatch(a[0], "an array, an object or a string", "size_of", -1);
            }
        }

        private static object? ArraysToObject(ElArguments a)
        {
            if (a.Count % 2 != 0)
            {
                throw a.Fail("give key and array pairs (an even number of arguments), not " + a.Count);
            }

            var columns = Enumerable.Range(0, a.Count / 2).Select(i => (Key: a.TextOr(2 * i, string.Empty), Items: a.Array((2 * i) + 1))).ToList();
            var rows = columns.Max(c => c.Items.Count);
            return Enumerable.Range(0, rows).Select(r =>
            {
                var row = ElValues.NewObject();
                foreach (var column in columns)
                {
                    row[column.Key] = r < column.Items.Count ? column.Items[r] : null;
                }

                return (object?)row;
            }).ToList();
        }

        private static object? ToObject(ElArguments a)
        {
            if (a.Count % 2 != 0)
            {
                throw a.Fail("give key and value pairs (an even number of arguments), not " + a.Count);
            }

            var result = ElValues.NewObject();
            for (var i = 0; i < a.Count; i += 2)
            {
                result[a.TextOr(i, string.Empty)] = a[i + 1];
            }

            return result;
        }

        private static object? Get(ElArguments a)
        {
            switch (a[0])
            {
                case null:
                    return null;
                case Dictionary<string, object?> members:
                    return members.TryGetValue(a.TextOr(1, string.Empty), out var value) ? value : null;
                case List<object?> items:
                    var index = a.Integer(1);
                    return index >= 0 && index < items.Count ? items[(int)index] : null;
                default:
                    throw ElValues.Mismatch(a[0], "an object or an array", "get", -1);
            }
        }

        private static string Delimiter(ElArguments a, int index, string fallback) => string.IsNullOrEmpty(a.Text(index)) ? fallback : a.Text(index)!;

        /// <summary>"k1 - v1 ; k2 - v2" into {k1: v1, k2: v2}: pairs split on the field delimiter, each on the first value delimiter, trimmed; pairs without a key are skipped.</summary>
        private static Dictionary<string, object?> Pairs(string text, string valueDelimiter, string fieldDelimiter)
        {
            var result = ElValues.NewObject();
            foreach (var pair in text.Split(new[] { fieldDelimiter }, StringSplitOptions.None))
            {
                var at = pair.IndexOf(valueDelimiter, StringComparison.Ordinal);
                var key = (at < 0 ? pair : pair.Substring(0, at)).Trim();
                if (key.Length > 0)
                {
                    result[key] = at < 0 ? null : pair.Substring(at + valueDelimiter.Length).Trim();
                }
            }

            return result;
        }

        private static object? FromJson(ElArguments a)
        {
            if (!(a[0] is string text))
            {
                return a[0];
            }

            try
            {
                return ElValues.FromJson(JsonNode.Parse(text));
            }
            catch (JsonException ex)
            {
                throw a.Fail("the string is not JSON: " + ex.Message);
            }
        }
    }
}
