namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>What a value must be to go into a field: the kinds the suggestion rules tell apart.</summary>
    public enum FieldKind
    {
        Text,
        Email,
        Phone,
        Date,
        DateTime,
        Integer,
        Number,
        Boolean,
        Enumeration,
    }
}
