namespace PlatformFlow.Emulator.DataPrep
{
    /// <summary>The JSON Schema <c>type</c> and <c>format</c> of an XDM field a mapping writes to.</summary>
    internal sealed class XdmFieldType
    {
        public XdmFieldType(string type, string? format)
        {
            Type = type;
            Format = format;
        }

        public string Type { get; }

        public string? Format { get; }

        public bool IsDate => Type == "string" && (Format == "date-time" || Format == "date");

        public string Describe() => Format is null ? Type + " values" : Type + " values (" + Format + ")";
    }
}
