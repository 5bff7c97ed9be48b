namespace PlatformFlow.Client.Models
{
    public static class MappingSourceType
    {
        public const string Attribute = "ATTRIBUTE";
        public const string Expression = "EXPRESSION";
        public const string Static = "STATIC";

        public static readonly IReadOnlyList<string> All = new[] { Attribute, Expression, Static };
    }
}
