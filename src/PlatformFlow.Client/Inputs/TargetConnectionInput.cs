namespace PlatformFlow.Client.Inputs
{
    public sealed class TargetConnectionInput
    {
        public string FlowName { get; set; } = string.Empty;

        public string DatasetId { get; set; } = string.Empty;

        /// <summary>The target schema's <c>$id</c>; the dataset's schema when null.</summary>
        public string? SchemaId { get; set; }

        /// <summary>The target connection spec (id or name); the data lake when null.</summary>
        public string? ConnectionSpec { get; set; }

        public string Format { get; set; } = "parquet_xdm";

        public string? Description { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        /// <summary>Change a part of the same name that differs (where it can be changed) instead of refusing it.</summary>
        public bool UpdateExisting { get; set; }

        public object? Target { get; set; }
    }
}
