namespace PlatformFlow.Emulator.Engine
{
    /// <summary>The codes a service answers list-query mistakes with (each service has its own numbering).</summary>
    public sealed class ListQueryErrorCodes
    {
        /// <param name="code">The code of every mistake, unless a property below is set to another.</param>
        public ListQueryErrorCodes(string code)
        {
            InvalidParameter = LimitWithCount = InvalidOperator = InvalidField = InvalidValue = MultipleValuesNotAllowed = InvalidSortOrder = InvalidSortField = code;
        }

        /// <summary>An unknown query parameter, a bad <c>limit</c>/<c>count</c>, or a continuation token that is not ours.</summary>
        public string InvalidParameter { get; set; }

        /// <summary><c>limit</c> together with <c>count=true</c>.</summary>
        public string LimitWithCount { get; set; }

        public string InvalidOperator { get; set; }

        public string InvalidField { get; set; }

        public string InvalidValue { get; set; }

        /// <summary>A comparison operator (<c>&gt;</c>, <c>&lt;</c>...) given several values.</summary>
        public string MultipleValuesNotAllowed { get; set; }

        /// <summary><c>orderby</c> with a prefix other than <c>+</c> or <c>-</c>.</summary>
        public string InvalidSortOrder { get; set; }

        /// <summary><c>orderby</c> naming no field, or several.</summary>
        public string InvalidSortField { get; set; }
    }
}
