namespace PlatformFlow.Client.Models
{
    /// <summary>Ids and values the platform publishes (contract README, "Well-known ids").</summary>
    public static class WellKnown
    {
        public const string ShopifyConnectionSpecId = "4f63aa36-bd48-4e33-bb83-49fbcd11c708";
        public const string DataLakeConnectionSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
        public const string CrmToAepFlowSpecId = "14518937-270c-4525-bdec-c2ba7cce3860";

        /// <summary>The schema content type datasets, target connections and mapping sets refer to.</summary>
        public const string XedFullNoTextContentType = "application/vnd.adobe.xed-full-notext+json; version=1";

        /// <summary>Accept header for a fully resolved schema (all properties merged in).</summary>
        public const string XedFullContentType = "application/vnd.adobe.xed-full+json; version=1";

        public const string MappingTransformationName = "Mapping";

        /// <summary>The state the platform gives new connections and flows (not in its create answer).</summary>
        public const string EnabledState = "enabled";

        public const string XdmNamespace = "https://ns.adobe.com/xdm/context/";
    }
}
