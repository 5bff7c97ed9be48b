using System.Globalization;

namespace PlatformFlow.JsonSchema
{
    /// <summary>Where a value sits in the instance: as a JSON Pointer for programs and as a dotted path for people.</summary>
    internal sealed class InstanceLocation
    {
        public static InstanceLocation Root { get; } = new InstanceLocation(string.Empty, string.Empty);

        private InstanceLocation(string pointer, string display)
        {
            Pointer = pointer;
            Display = display;
        }

        /// <summary>RFC 6901 pointer: "" for the root, "/deltaColumn/name".</summary>
        public string Pointer { get; }

        /// <summary>The same place as a user reads it: "", "deltaColumn.name", "columns[0].type".</summary>
        public string Display { get; }

        public InstanceLocation Property(string name)
        {
            var pointer = Pointer + "/" + name.Replace("~", "~0").Replace("/", "~1");
            var needsBrackets = name.Length == 0 || name.IndexOfAny(new[] { '.', '[', ']', ' ', '\'' }) >= 0;
            var display = needsBrackets
                ? Display + "['" + name + "']"
                : Display.Length == 0 ? name : Display + "." + name;
            return new InstanceLocation(pointer, display);
        }

        public InstanceLocation Item(int index)
        {
            var text = index.ToString(CultureInfo.InvariantCulture);
            return new InstanceLocation(Pointer + "/" + text, Display + "[" + text + "]");
        }

        /// <summary>Prefixes a rule with the place it applies to; the root needs no prefix.</summary>
        public string Describe(string rule) => Display.Length == 0 ? rule : Display + ": " + rule;
    }
}
