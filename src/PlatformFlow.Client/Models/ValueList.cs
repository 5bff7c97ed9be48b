namespace PlatformFlow.Client.Models
{
    /// <summary>A list the platform returns, printed as its items joined (<c>a, b</c>) instead of a type name in a CSV cell or a list view.</summary>
    public sealed class ValueList<T> : List<T>
    {
        private readonly Func<T, string>? _itemText;

        public ValueList()
        {
        }

        /// <param name="itemText">How an item reads in the joined text, when not as its own text (an activity by its id and status).</param>
        public ValueList(IEnumerable<T> items, Func<T, string>? itemText = null)
            : base(items)
        {
            _itemText = itemText;
        }

        public override string ToString() => PlainValue.Shorten(string.Join(", ", this.Select(item => _itemText is null ? PlainValue.Text(item) : _itemText(item))));
    }
}
