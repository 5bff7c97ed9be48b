namespace PlatformFlow.Emulator.SourceData
{
    /// <summary>
    /// A country the generated shoppers live in: its cities, currency, phone numbering and names. Each name is given as
    /// written and as the ASCII its owner would type in an email address.
    /// </summary>
    /// <param name="PhonePrefix">The country calling code with its <c>+</c>, e.g. <c>+45</c>.</param>
    /// <param name="DecimalComma">Whether people there write 129,90 rather than 129.90.</param>
    internal sealed record Locale(string CountryCode, string Currency, string PhonePrefix, int PhoneDigits, bool DecimalComma, string[] Cities, (string Name, string Ascii)[] FirstNames, (string Name, string Ascii)[] LastNames)
    {
        /// <summary>Prices in whole units (KRW, JPY).</summary>
        public bool WholePrices => Currency == "KRW" || Currency == "JPY";

        /// <summary>The countries of the generated records (realistic pools, many beyond ASCII).</summary>
        public static Locale[] All { get; } =
        {
            new Locale("DK", "DKK", "+45", 8, true, new[] { "Copenhagen", "Århus", "Odense" }, new[] { ("Mia", "mia"), ("Søren", "soren"), ("Freja", "freja"), ("Mikkel", "mikkel") }, new[] { ("Jensen", "jensen"), ("Nielsen", "nielsen"), ("Sørensen", "sorensen"), ("Møller", "moller") }),
            new Locale("FR", "EUR", "+33", 9, true, new[] { "Lyon", "Paris", "Besançon" }, new[] { ("Lucas", "lucas"), ("Chloé", "chloe"), ("Léa", "lea"), ("François", "francois") }, new[] { ("Martin", "martin"), ("Lefèvre", "lefevre"), ("Dubois", "dubois"), ("Girard", "girard") }),
            new Locale("KR", "KRW", "+82", 10, false, new[] { "Seoul", "부산", "Incheon" }, new[] { ("Jiwoo", "jiwoo"), ("민준", "minjun"), ("Seo-yeon", "seoyeon") }, new[] { ("Kim", "kim"), ("박", "park"), ("Lee", "lee") }),
            new Locale("BR", "BRL", "+55", 11, true, new[] { "São Paulo", "Rio de Janeiro", "Belo Horizonte" }, new[] { ("Ana", "ana"), ("João", "joao"), ("Luíza", "luiza") }, new[] { ("Souza", "souza"), ("Conceição", "conceicao"), ("Araújo", "araujo") }),
            new Locale("US", "USD", "+1", 10, false, new[] { "San Francisco", "New York", "Austin" }, new[] { ("Noah", "noah"), ("Emma", "emma"), ("Olivia", "olivia") }, new[] { ("Smith", "smith"), ("Johnson", "johnson"), ("O'Brien", "obrien") }),
            new Locale("DE", "EUR", "+49", 11, true, new[] { "München", "Düsseldorf", "Berlin" }, new[] { ("Jürgen", "juergen"), ("Lena", "lena"), ("Maximilian", "maximilian") }, new[] { ("Müller", "mueller"), ("Schröder", "schroeder"), ("Weiß", "weiss") }),
            new Locale("JP", "JPY", "+81", 10, false, new[] { "東京", "Osaka", "Kyoto" }, new[] { ("陽翔", "haruto"), ("Yui", "yui"), ("Sakura", "sakura") }, new[] { ("佐藤", "sato"), ("Suzuki", "suzuki"), ("Tanaka", "tanaka") }),
            new Locale("PL", "PLN", "+48", 9, true, new[] { "Kraków", "Łódź", "Warszawa" }, new[] { ("Łukasz", "lukasz"), ("Zofia", "zofia"), ("Wojciech", "wojciech") }, new[] { ("Nowak", "nowak"), ("Wiśniewski", "wisniewski"), ("Kowalczyk", "kowalczyk") }),
            new Locale("SE", "SEK", "+46", 9, true, new[] { "Malmö", "Göteborg", "Stockholm" }, new[] { ("Åsa", "asa"), ("Björn", "bjorn"), ("Elin", "elin") }, new[] { ("Andersson", "andersson"), ("Lindqvist", "lindqvist"), ("Åberg", "aberg") }),
            new Locale("MX", "MXN", "+52", 10, false, new[] { "Ciudad de México", "Guadalajara", "Monterrey" }, new[] { ("José", "jose"), ("Sofía", "sofia"), ("Mateo", "mateo") }, new[] { ("García", "garcia"), ("Hernández", "hernandez"), ("López", "lopez") }),
        };
    }
}
