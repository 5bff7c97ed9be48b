using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>
    /// JSON Patch as the PATCH endpoints apply it, on one resource with an object, an array, escaped member names and a
    /// null: each operation's result written out, and each refusal with its code and words.
    /// </summary>
    public sealed class JsonPatchTests
    {
        private const string Resource = @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}";
        private const string Prefix = "An error has occurred while validating patch instructions: ";

        private static readonly string[] Allowed = { "/name", "/params" };

        [Theory]
        [InlineData(@"[{""op"":""replace"",""path"":""/name"",""value"":""b""}]", @"{""id"":""f1"",""name"":""b"",""params"":{""list"":[1,2,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""REPLACE"",""path"":""/params/list/2"",""value"":9}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,9],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/extra"",""value"":{""x"":1}}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null,""extra"":{""x"":1}}}")]
        [InlineData(@"[{""op"":""Add"",""path"":""/params/list/0"",""value"":0}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[0,1,2,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/list/3"",""value"":4}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3,4],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/list/-"",""value"":4}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3,4],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""add"",""path"":""/name"",""value"":null}]", @"{""id"":""f1"",""name"":null,""params"":{""list"":[1,2,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""remove"",""path"":""/params/list/1""}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,3],""a/b"":""slash"",""c~d"":""tilde"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""remove"",""path"":""/params/a~1b""},{""op"":""replace"",""path"":""/params/c~0d"",""value"":""~""}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3],""c~d"":""~"",""nothing"":null}}")]
        [InlineData(@"[{""op"":""remove"",""path"":""/params/nothing""}]", @"{""id"":""f1"",""name"":""a"",""params"":{""list"":[1,2,3],""a/b"":""slash"",""c~d"":""tilde""}}")]
        [InlineData(@"[{""op"":""test"",""path"":""/params/list"",""value"":[1,2,3]},{""op"":""test"",""path"":""/params/nothing"",""value"":null},{""op"":""replace"",""path"":""/params"",""value"":{}}]", @"{""id"":""f1"",""name"":""a"",""params"":{}}")]
        public void Each_operation_changes_a_copy_of_the_resource(string patch, string expected)
        {
            var original = JsonNode.Parse(Resource)!.AsObject();

            var patched = Apply(original, patch);

            Assert.Equal(expected, patched.ToJsonString());
            Assert.Equal(Resource, original.ToJsonString());
        }

        [Theory]
        [InlineData(@"{""op"":""replace""}", "invalid", "The request body must be a non-empty JSON Patch array of {op, path, value} instructions.")]
        [InlineData(@"[]", "invalid", "The request body must be a non-empty JSON Patch array of {op, path, value} instructions.")]
        [InlineData(@"[{""op"":""test"",""path"":""/name"",""value"":""a""},1]", "invalid", Prefix + "patch instruction 1 needs the string fields op and path.")]
        [InlineData(@"[{""op"":""replace"",""value"":""b""}]", "invalid", Prefix + "patch instruction 0 needs the string fields op and path.")]
        [InlineData(@"[{""path"":""/name"",""value"":""b""}]", "invalid", Prefix + "patch instruction 0 needs the string fields op and path.")]
        [InlineData(@"[{""op"":1,""path"":""/name"",""value"":""b""}]", "invalid", Prefix + "patch instruction 0 needs the string fields op and path.")]
        [InlineData(@"[{""op"":""replace"",""path"":""/id"",""value"":""x""}]", "invalid", Prefix + "path '/id' (patch instruction 0) cannot be updated; allowed: /name, /params.")]
        [InlineData(@"[{""op"":""replace"",""path"":""/names"",""value"":""x""}]", "invalid", Prefix + "path '/names' (patch instruction 0) cannot be updated; allowed: /name, /params.")]
        [InlineData(@"[{""op"":""move"",""path"":""/name"",""from"":""/id""}]", "unsupported", "Unsupported operation 'move' received in patch instruction 0. Please use one of add, replace, remove, test and try again.")]
        [InlineData(@"[{""op"":""add"",""path"":""/name""}]", "invalid", Prefix + "patch instruction 0 needs a value.")]
        [InlineData(@"[{""op"":""replace"",""path"":""/name""}]", "invalid", Prefix + "patch instruction 0 needs a value.")]
        [InlineData(@"[{""op"":""test"",""path"":""/name""}]", "invalid", Prefix + "patch instruction 0 needs a value.")]
        [InlineData(@"[{""op"":""replace"",""path"":""/params/missing"",""value"":1}]", "invalid", Prefix + "Missing field \"missing\" at '/params/missing'.")]
        [InlineData(@"[{""op"":""remove"",""path"":""/params/missing""}]", "invalid", Prefix + "Missing field \"missing\" at '/params/missing'.")]
        [InlineData(@"[{""op"":""replace"",""path"":""/params/list/3"",""value"":1}]", "invalid", Prefix + "Missing field \"3\" at '/params/list/3'.")]
        [InlineData(@"[{""op"":""remove"",""path"":""/params/list/x""}]", "invalid", Prefix + "Missing field \"x\" at '/params/list/x'.")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/list/4"",""value"":1}]", "invalid", Prefix + "'/params/list/4' is not a position in the array.")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/list/-1"",""value"":1}]", "invalid", Prefix + "'/params/list/-1' is not a position in the array.")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/missing/x"",""value"":1}]", "invalid", Prefix + "Missing field \"missing\" on the way to '/params/missing/x'.")]
        [InlineData(@"[{""op"":""add"",""path"":""/params/list/3/x"",""value"":1}]", "invalid", Prefix + "Missing field \"3\" on the way to '/params/list/3/x'.")]
        [InlineData(@"[{""op"":""add"",""path"":""/name/x"",""value"":1}]", "invalid", Prefix + "'/name/x' goes inside a value that is neither an object nor an array.")]
        [InlineData(@"[{""op"":""test"",""path"":""/name"",""value"":""b""}]", "invalid", Prefix + "test failed, the value at '/name' is not \"b\".")]
        [InlineData(@"[{""op"":""test"",""path"":""/name"",""value"":null}]", "invalid", Prefix + "test failed, the value at '/name' is not null.")]
        public void A_patch_it_cannot_apply_is_refused_and_changes_nothing(string patch, string code, string detail)
        {
            var original = JsonNode.Parse(Resource)!.AsObject();

            var refusal = Assert.Throws<EmulatorError>(() => Apply(original, patch));

            Assert.Equal((400, code), (refusal.Status, refusal.Code));
            Assert.Equal(detail, refusal.Detail);
            Assert.Equal(Resource, original.ToJsonString());
        }

        private static JsonObject Apply(JsonObject target, string patch) => JsonPatch.Apply(target, JsonNode.Parse(patch)!, Allowed, "invalid", "unsupported");
    }
}
