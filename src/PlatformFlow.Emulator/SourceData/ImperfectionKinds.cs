namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>The kinds of flaws the source record sets have, as docs/emulator.md names them.</summary>
    public static class ImperfectionKinds
    {
        /// <summary>No value (null), as tabular sources give an empty cell.</summary>
        public const string Empty = "empty";

        /// <summary>An email address that is not one: no <c>@</c>, no top-level domain, a space, a doubled <c>@</c>, a dot before <c>@</c>.</summary>
        public const string MalformedEmail = "malformed email";

        /// <summary>A phone number that is not one: words, no <c>+</c>, a letter among the digits.</summary>
        public const string MalformedPhone = "malformed phone";

        /// <summary>A date that is not <c>yyyy-MM-ddTHH:mm:ss</c> or not a real date: <c>dd/MM/yyyy HH:mm</c>, 30 February, hour 25, a word.</summary>
        public const string MalformedDate = "malformed date";

        /// <summary>A number sent as text (<c>"129.90"</c>, with a decimal comma where the currency's country writes one: <c>"129,90"</c>).</summary>
        public const string NumberAsText = "number as text";

        /// <summary>Text with characters beyond ASCII (<c>São Paulo</c>, <c>Søren</c>, <c>東京</c>): valid, but where encodings go wrong.</summary>
        public const string NonAscii = "non-ASCII";
    }
}
