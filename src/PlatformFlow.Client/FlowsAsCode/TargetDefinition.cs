namespace PlatformFlow.Client.FlowsAsCode
{
    public sealed class TargetDefinition
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The connection spec's name, e.g. <c>DataLake</c>.</summary>
        public string ConnectionSpec { get; init; } = string.Empty;

        /// <summary><c>data.format</c>, e.g. <c>parquet_xdm</c>.</summary>
        public string Format { get; init; } = "parquet_xdm";

        /// <summary>The dataset's name.</summary>
        public string Dataset { get; init; } = string.Empty;

        /// <summary>The XDM schema's title.</summary>
        public string Schema { get; init; } = string.Empty;
    }
}
