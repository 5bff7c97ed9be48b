namespace PlatformFlow.Client.Inputs
{
    public sealed class XdmSchemaInput
    {
        public string Title { get; set; } = string.Empty;

        /// <summary>The XDM class: a short name (<c>profile</c>) or its URI.</summary>
        public string Class { get; set; } = string.Empty;

        /// <summary>Field groups: short names (<c>profile-person-details</c>) or URIs.</summary>
        public IReadOnlyList<string> FieldGroups { get; set; } = Array.Empty<string>();

        public string? Description { get; set; }

        public object? Target { get; set; }
    }
}
