namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>One proposed mapping: a column (or a calculated field on it) into an XDM field, how sure, and why.</summary>
    public sealed class MappingSuggestion
    {
        /// <summary>The column, or a calculated field starting with <c>=</c> (as -Mapping takes it).</summary>
        public string Source { get; init; } = string.Empty;

        /// <summary>The XDM field path.</summary>
        public string Destination { get; init; } = string.Empty;

        /// <summary>From 0 to 1; New-MappingSet -Suggest takes those at or above -MinimumConfidence (0.8 by default).</summary>
        public double Confidence { get; init; }

        /// <summary>Which rules matched, in words.</summary>
        public string Reason { get; init; } = string.Empty;

        /// <summary>The source column the suggestion reads.</summary>
        public string Column { get; init; } = string.Empty;

        /// <summary>The identity namespace the column could be (Email, Phone, CRMID); null when it is not an identity candidate.</summary>
        public string? IdentityNamespace { get; init; }

        /// <summary>The sample rows a calculated field was checked on (every one gave a value the field takes); 0 for a plain column.</summary>
        public int CheckedRows { get; init; }

        public override string ToString() => Source + " -> " + Destination + " (" + Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + ")";
    }
}
