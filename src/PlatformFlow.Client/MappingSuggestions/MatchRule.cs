namespace PlatformFlow.Client.MappingSuggestions
{
    internal enum MatchRule
    {
        None,
        UsualName,
        FieldName,
        Shape,
    }
}
