namespace PlatformFlow.Client.Inputs
{
    public sealed class SourceFileQuery
    {
        /// <summary>The base connection to explore; null for a source that has none (the Data Landing Zone).</summary>
        public string? BaseConnectionId { get; set; }

        /// <summary>A source without a base connection, by connection spec name or id (<c>landing-zone</c>); used when there is no base connection.</summary>
        public string? ConnectionSpec { get; set; }

        /// <summary>The file to describe; with none, the files under <see cref="Folder"/> are listed.</summary>
        public string? Path { get; set; }

        /// <summary>Where a listing starts (every folder under it is walked); the source's root when null.</summary>
        public string? Folder { get; set; }

        /// <summary>How to read the file: delimited, json or parquet; from its extension when null.</summary>
        public string? Format { get; set; }

        /// <summary>Also read the file's sample rows.</summary>
        public bool Preview { get; set; }

        public object? Target { get; set; }
    }
}
