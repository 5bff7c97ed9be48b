namespace PlatformFlow.Client.Models
{
    public sealed class TargetData : PlatformModel
    {
        public string Format { get; init; } = "parquet_xdm";

        public TargetSchemaReference? Schema { get; init; }

        public override string ToString() => Format + (Schema is null ? string.Empty : " " + Schema);
    }
}
