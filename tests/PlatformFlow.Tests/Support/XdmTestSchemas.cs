using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace PlatformFlow.Tests.Support
{
    /// <summary>Creates the tutorial's target schema (Individual Profile + demographic and personal contact details).</summary>
    public static class XdmTestSchemas
    {
        public const string ProfileClass = "https://ns.adobe.com/xdm/context/profile";
        public const string PersonDetails = "https://ns.adobe.com/xdm/context/profile-person-details";
        public const string PersonalDetails = "https://ns.adobe.com/xdm/context/profile-personal-details";
        public const string FullNoText = "application/vnd.adobe.xed-full-notext+json; version=1";

        public static string ProfileSchemaBody(string title) => @"{
  ""type"": ""object"",
  ""title"": """ + title + @""",
  ""description"": """",
  ""allOf"": [
    { ""$ref"": """ + ProfileClass + @""" },
    { ""$ref"": """ + PersonDetails + @""" },
    { ""$ref"": """ + PersonalDetails + @""" }
  ],
  ""meta:containerId"": ""tenant"",
  ""meta:resourceType"": ""schemas"",
  ""meta:xdmType"": ""object"",
  ""meta:class"": """ + ProfileClass + @"""
}";

        /// <summary>Creates the schema and returns its <c>$id</c>.</summary>
        public static async Task<string> CreateProfileSchemaAsync(HttpClient client, string title = "Shopify customers")
        {
            var response = await client.PostJsonAsync("/data/foundation/schemaregistry/tenant/schemas", ProfileSchemaBody(title));
            return (string)(await response.ExpectAsync(HttpStatusCode.Created))["$id"]!;
        }

        /// <summary>Creates a dataset on the schema and returns its id.</summary>
        public static async Task<string> CreateDataSetAsync(HttpClient client, string schemaId, string name = "Shopify customers dataset")
        {
            var response = await client.PostJsonAsync(
                "/data/foundation/catalog/dataSets",
                @"{""name"": """ + name + @""", ""schemaRef"": {""id"": """ + schemaId + @""", ""contentType"": """ + FullNoText + @"""}}");
            var reference = (string)(await response.ExpectAsync(HttpStatusCode.Created))[0]!;
            return reference.Substring("@/dataSets/".Length);
        }

        public static string Encoded(string id) => Uri.EscapeDataString(id);
    }
}
