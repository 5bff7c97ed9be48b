using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.DataPrep.Expressions;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Emulator.DataPrep.Expressions
{
    /// <summary>
    /// Every supported function, run on the sample expression of the platform's "Data Prep mapping functions" page and
    /// checked against its documented sample output. Where the page's sample is not an expression of the language
    /// (a bare date literal, a missing quote or parenthesis) or its output is a typo, the case says so and uses the
    /// nearest expression the page means.
    /// </summary>
    public sealed class DocumentedFunctionTests
    {
        /// <summary>The clock of every case: the instant the page's <c>zone_date_to_zone</c> example was written at.</summary>
        private static readonly DateTimeOffset Now = new DateTimeOffset(2021, 10, 26, 13, 43, 59, TimeSpan.Zero);

        private static readonly ManualTimeProvider Clock = new ManualTimeProvider(Now);

        /// <summary>(function, expression, expected output as JSON, source row as JSON or null).</summary>
        public static readonly IReadOnlyList<object?[]> Cases = new List<object?[]>
        {
            // String functions
            Case("concat", "concat(\"Hi, \", \"there\", \"!\")", "\"Hi, there!\""),
            // The page prints ["Hi,", "there"]: splitting "Hi, there!" on " " keeps the "!".
            Case("explode", "explode(\"Hi, there!\", \" \")", "[\"Hi,\", \"there!\"]"),
            Case("instr", "instr(\"adobe.com\", \"com\")", "6"),
            Case("replacestr", "replacestr(\"This is a string re test\", \"re\", \"replace\")", "\"This is a string replace test\""),
            Case("substr", "substr(\"This is a substring test\", 7, 8)", "\" a subst\""),
            Case("lower", "lower(\"HeLLo\")", "\"hello\""),
            Case("lcase", "lcase(\"HeLLo\")", "\"hello\""),
            Case("upper", "upper(\"HeLLo\")", "\"HELLO\""),
            Case("ucase", "ucase(\"HeLLo\")", "\"HELLO\""),
            Case("split", "split(\"Hello world\", \" \")", "[\"Hello\", \"world\"]"),
            Case("join", "join(\" \", to_array(true, \"Hello\", \"world\"))", "\"Hello world\""),
            Case("lpad", "lpad(\"bat\", 8, \"yz\")", "\"yzyzybat\""),
            Case("rpad", "rpad(\"bat\", 8, \"yz\")", "\"batyzyzy\""),
            Case("left", "left(\"abcde\", 2)", "\"ab\""),
            Case("right", "right(\"abcde\", 2)", "\"de\""),
            Case("ltrim", "ltrim(\" hello\")", "\"hello\""),
            Case("rtrim", "rtrim(\"hello \")", "\"hello\""),
            Case("trim", "trim(\" hello \")", "\"hello\""),
            Case("equals", "\"string1\".equals(\"STRING1\")", "false"),
            // The page's sample lacks the closing quote of "STRING1".
            Case("equalsIgnoreCase", "\"string1\".equalsIgnoreCase(\"STRING1\")", "true"),

            // Regular expression functions
            Case("extract_regex", "extract_regex(\"E259,E259B_009,1_1\", \"([^,]+),[^,]*,([^,]+)\")", "[\"E259,E259B_009,1_1\", \"E259\", \"1_1\"]"),
            Case("matches_regex", "matches_regex(\"E259,E259B_009,1_1\", \"([^,]+),[^,]*,([^,]+)\")", "true"),

            // Hashing functions
            Case("sha1", "sha1(\"my text\", \"UTF-8\")", "\"c3599c11e47719df18a2448690840c5dfcce3c80\""),
            Case("sha256", "sha256(\"my text\", \"UTF-8\")", "\"7330d2b39ca35eaf4cb95fc846c21ee6a39af698154a83a586ee270a0d372104\""),
            Case("sha512", "sha512(\"my text\", \"UTF-8\")", "\"a3d7e45a0d9be5fd4e4b9a3b8c9c2163c21ef708bf11b4232bb21d2a8704ada2cdcd7b367dd0788a89a5c908cfe377aceb1072a7b386b7d4fd2ff68a8fd24d16\""),
            Case("md5", "md5(\"my text\", \"UTF-8\")", "\"d3b96ce8c9fb4e9bd0198d03ba6852c7\""),
            Case("crc32", "crc32(\"my text\", \"UTF-8\")", "\"8df92e80\""),

            // URL functions
            Case("get_url_protocol", "get_url_protocol(\"https://platform.adobe.com/home\")", "\"https\""),
            Case("get_url_host", "get_url_host(\"https://platform.adobe.com/home\")", "\"platform.adobe.com\""),
            Case("get_url_port", "get_url_port(\"sftp://example.com//home/joe/employee.csv\")", "22"),
            Case("get_url_path", "get_url_path(\"sftp://example.com//home/joe/employee.csv\")", "\"//home/joe/employee.csv\""),
            Case("get_url_query_str", "get_url_query_str(\"foo://example.com:8042/over/there?name=ferret#nose\", \"retain\")", "{\"name\": \"ferret#nose\"}"),
            Case("get_url_query_str", "get_url_query_str(\"foo://example.com:8042/over/there?name=ferret#nose\", \"remove\")", "{\"name\": \"ferret\"}"),
            Case("get_url_query_str", "get_url_query_str(\"foo://example.com:8042/over/there?name=ferret#nose\", \"append\")", "{\"name\": \"ferret\", \"_anchor_\": \"nose\"}"),
            Case("get_url_encoded", "get_url_encoded(\"https://example.com/partneralliance_asia-pacific_2022\")", "\"https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022\""),
            Case("get_url_decoded", "get_url_decoded(\"https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022\")", "\"https://example.com/partneralliance_asia-pacific_2022\""),

            // Date and time functions (the clock is 2021-10-26T13:43:59Z)
            Case("now", "now()", "\"2021-10-26T13:43:59Z\""),
            Case("timestamp", "timestamp()", Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // The page writes the date as a bare literal (2019-10-23T11:24:00+00:00), which is no expression, and prints 11:24:35.
            Case("format", "format(date(\"2019-10-23T11:24:35+00:00\"), \"yyyy-MM-dd HH:mm:ss\")", "\"2019-10-23 11:24:35\""),
            Case("dformat", "dformat(1571829875000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")", "\"2019-10-23T11:24:35.000Z\""),
            Case("date", "date(\"2019-10-23 11:24\", \"yyyy-MM-dd HH:mm\", now())", "\"2019-10-23T11:24:00Z\""),
            Case("date", "date(\"2019-10-23 11:24\", \"yyyy-MM-dd HH:mm\")", "\"2019-10-23T11:24:00Z\""),
            Case("date", "date(\"2019-10-23 11:24\")", "\"2019-10-23T11:24:00Z\""),
            Case("date_part", "date_part(\"MM\", date(\"2019-10-17 11:55:12\"))", "10"),
            // The page's sample lacks its last parenthesis, and its output drops the .797 seconds the input has.
            Case("set_date_part", "set_date_part(\"m\", 4, date(\"2016-11-09T11:44:44.797\"))", "\"2016-04-09T11:44:44.797Z\""),
            // The page prints the wall-clock time with a Z; the date is in Los Angeles (-07:00 in October).
            Case("make_date_time", "format(make_date_time(2019, 10, 17, 11, 55, 12, 999, \"America/Los_Angeles\"), \"yyyy-MM-dd'T'HH:mm:ssXXX\")", "\"2019-10-17T11:55:12-07:00\""),
            Case("make_timestamp", "format(make_timestamp(2019, 10, 17, 11, 55, 12, 999, \"America/Los_Angeles\"), \"yyyy-MM-dd'T'HH:mm:ss\")", "\"2019-10-17T11:55:12\""),
            // The page's sample is 2019-10-17T11:55:12 PST (no expression); Etc/GMT+8 is the fixed PST offset.
            Case("zone_date_to_utc", "zone_date_to_utc(make_date_time(2019, 10, 17, 11, 55, 12, 0, \"Etc/GMT+8\"))", "\"2019-10-17T19:55:12Z\""),
            // The page calls zone_date_to_utc here by mistake and prints Paris's wall-clock time with a Z.
            Case("zone_date_to_zone", "zone_date_to_zone(now(), \"Europe/Paris\")", "\"2021-10-26T15:43:59+02:00\""),

            // Hierarchies - Objects
            Case("is_empty", "is_empty([1, null, 2, 3])", "false"),
            // The page spells it arrays_to_objects in the sample (and arrays_to_object everywhere else); its \\| is Markdown for |.
            Case("arrays_to_object", "arrays_to_object('sku', explode(\"id1|id2\", '\\\\|'), 'price', [22.5,14.35])", "[{\"sku\": \"id1\", \"price\": 22.5}, {\"sku\": \"id2\", \"price\": 14.35}]"),
            Case("to_object", "to_object(\"firstName\", \"John\", \"lastName\", \"Doe\")", "{\"firstName\": \"John\", \"lastName\": \"Doe\"}"),
            Case("str_to_object", "str_to_object(\"firstName - John ; lastName - ; phone - 123 456 7890\", \"-\", \";\").get(\"firstName\")", "\"John\""),
            Case("str_to_object", "str_to_object(\"firstName - John ; lastName - Doe ; phone - 123 456 7890\", \"-\", \";\")", "{\"firstName\": \"John\", \"lastName\": \"Doe\", \"phone\": \"123 456 7890\"}"),
            Case("get", "to_object(\"firstName\", \"John\").get(\"firstName\")", "\"John\""),
            Case("contains_key", "contains_key(\"evars.evar.field1\")", "true", "{\"evars\": {\"evar\": {\"field1\": \"x\"}}}"),
            Case("nullify", "nullify()", "null"),
            Case("get_keys", "get_keys({\"book1\": \"Pride and Prejudice\", \"book2\": \"1984\"})", "[\"book1\", \"book2\"]"),
            // The page's sample escapes its quotes (\") as if inside a JSON string.
            Case("get_values", "get_values(\"firstName - John , lastName - Cena , phone - 555 420 8692\", \"firstName\", \"-\", \",\")", "\"John\""),

            // Hierarchies - Arrays
            Case("coalesce", "coalesce(null, null, null, \"first\", null, \"second\")", "\"first\""),
            Case("first", "first(\"1\", \"2\", \"3\")", "\"1\""),
            Case("last", "last(\"1\", \"2\", \"3\")", "\"3\""),
            Case("add_to_array", "add_to_array(['a', 'b'], 'c', 'd')", "[\"a\", \"b\", \"c\", \"d\"]"),
            Case("join_arrays", "join_arrays(['a', 'b'], ['c'], ['d', 'e'])", "[\"a\", \"b\", \"c\", \"d\", \"e\"]"),
            Case("to_array", "to_array(false, 1, null, 2, 3)", "[1, 2, 3]"),
            Case("size_of", "size_of([1, 2, 3, 4])", "4"),
            Case("upsert_array_append", "upsert_array_append([123, 456])", "[123, 456]"),
            Case("upsert_array_replace", "upsert_array_replace([123, 456], 1)", "[123, 456]"),

            // Logical operators
            Case("decode", "decode(stateCode, \"ca\", \"California\", \"pa\", \"Pennsylvania\", \"N/A\")", "\"California\"", "{\"stateCode\": \"ca\"}"),
            Case("decode", "decode(stateCode, \"ca\", \"California\", \"pa\", \"Pennsylvania\", \"N/A\")", "\"Pennsylvania\"", "{\"stateCode\": \"pa\"}"),
            Case("decode", "decode(stateCode, \"ca\", \"California\", \"pa\", \"Pennsylvania\", \"N/A\")", "\"N/A\"", "{\"stateCode\": \"ny\"}"),
            Case("iif", "iif(\"s\".equalsIgnoreCase(\"S\"), \"True\", \"False\")", "\"True\""),

            // Aggregation
            Case("min", "min(3, 1, 4)", "1"),
            Case("max", "max(3, 1, 4)", "4"),

            // Type conversions
            // The page prints 1000000.34, which a BigInteger cannot hold: the fraction is dropped.
            Case("to_bigint", "to_bigint(\"1000000.34\")", "1000000"),
            Case("to_decimal", "to_decimal(\"20.5\")", "20.5"),
            // The page prints 12.34566 (a typo for the input's 12.3456).
            Case("to_float", "to_float(\"12.3456\")", "12.345600128173828"),
            Case("to_integer", "to_integer(\"12\")", "12"),

            // JSON functions
            Case("json_to_object", "json_to_object({\"info\":{\"firstName\":\"John\",\"lastName\": \"Doe\"}})", "{\"info\": {\"firstName\": \"John\", \"lastName\": \"Doe\"}}"),
            Case("json_to_object", "json_to_object('{\"info\":{\"firstName\":\"John\",\"lastName\": \"Doe\"}}').info.firstName", "\"John\""),
        };

        public static IEnumerable<object?[]> CaseData => Cases;

        [Theory]
        [MemberData(nameof(CaseData))]
        public void The_page_sample_gives_the_documented_output(string function, string expression, string expected, string? row)
        {
            var parsed = ElExpression.Parse(expression);

            var result = parsed.EvaluateToJson(row is null ? null : JsonNode.Parse(row)!.AsObject(), Clock);

            Assert.Contains(function, parsed.Functions);
            Assert.Equal(JsonNode.Parse(expected)?.ToJsonString() ?? "null", result?.ToJsonString() ?? "null");
        }

        [Theory]
        [InlineData("uuid()")]
        [InlineData("guid()")]
        public void Uuid_and_guid_generate_a_new_pseudo_random_id_each_time(string expression)
        {
            var parsed = ElExpression.Parse(expression);

            var first = (string)parsed.EvaluateToJson(null, Clock)!;
            var second = (string)parsed.EvaluateToJson(null, Clock)!;

            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", first);
            Assert.NotEqual(first, second);
        }

        [Fact]
        public void Every_supported_function_is_tested_with_a_documented_sample()
        {
            var tested = new HashSet<string>(Cases.Select(c => (string)c[0]!)) { "uuid", "guid" };

            var untested = ElFunctionLibrary.Instance.All.Select(f => f.Name).Where(n => !tested.Contains(n)).ToList();

            Assert.Empty(untested);
            Assert.True(ElFunctionLibrary.Instance.All.Count >= 50, "at least 50 functions, not " + ElFunctionLibrary.Instance.All.Count);
        }

        [Fact]
        public void Every_function_covers_the_groups_the_issue_names()
        {
            var categories = ElFunctionLibrary.Instance.All.Select(f => f.Category).Distinct().ToList();

            Assert.Equal(
                new[] { "String", "Regular expression", "Hashing", "URL", "Date and time", "Hierarchies - Objects", "Hierarchies - Arrays", "JSON", "Logical operators", "Aggregation", "Type conversions", "Special operations" },
                categories);
        }

        private static object?[] Case(string function, string expression, string expected, string? row = null) => new object?[] { function, expression, expected, row };
    }
}
