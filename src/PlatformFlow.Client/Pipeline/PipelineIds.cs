using System.Globalization;
using System.Reflection;

namespace PlatformFlow.Client.Pipeline
{
    /// <summary>
    /// The ids a flow-building step received with its pipeline input and passes on, as extra properties of what it emits,
    /// so the last step (New-Dataflow) binds everything by property name. Plain objects (CSV rows) carry them as columns.
    /// </summary>
    public sealed class PipelineIds
    {
        public const string FlowName = "FlowName";
        public const string BaseConnectionId = "BaseConnectionId";
        public const string ConnectionSpecId = "ConnectionSpecId";
        public const string SourceConnectionId = "SourceConnectionId";

        /// <summary>The source table (with BaseConnectionId, where a mapping step finds sample rows to preview).</summary>
        public const string TableName = "TableName";
        public const string TargetConnectionId = "TargetConnectionId";
        public const string DatasetId = "DatasetId";
        public const string SchemaId = "SchemaId";
        public const string MappingSetId = "MappingSetId";
        public const string MappingSetVersion = "MappingSetVersion";
        public const string FlowSpecId = "FlowSpecId";

        // What each flow-building step did with its part (a PartOutcome: Created, Reused, Planned).
        public const string SourceConnectionOutcome = "SourceConnectionOutcome";
        public const string TargetConnectionOutcome = "TargetConnectionOutcome";
        public const string MappingSetOutcome = "MappingSetOutcome";
        public const string DataflowOutcome = "DataflowOutcome";
        /// <summary>
        /// The parts the pipeline created for this row so far (<c>SourceConnection=id; TargetConnection=id; MappingSet=id</c>),
        /// so a later step that fails can remove them or name them, instead of leaving them behind unseen.
        /// </summary>
        public const string PartsCreated = "PartsCreated";

        /// <summary>Every carried name, in pipeline order.</summary>
        public static readonly IReadOnlyList<string> Names = new[]
        {
            FlowName, BaseConnectionId, ConnectionSpecId, SourceConnectionId, TableName, TargetConnectionId, DatasetId, SchemaId,
            MappingSetId, MappingSetVersion, FlowSpecId, PartsCreated, SourceConnectionOutcome,
            TargetConnectionOutcome, MappingSetOutcome, DataflowOutcome,
        };

        private readonly Dictionary<string, string> _values;

        public PipelineIds()
            : this(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
        {
        }

        private PipelineIds(Dictionary<string, string> values)
        {
            _values = values;
        }

        /// <summary>Reads the carried names from an input's properties (others are ignored; empty values are skipped).</summary>
        public static PipelineIds From(IEnumerable<KeyValuePair<string, object?>> properties)
        {
            var ids = new PipelineIds();
            foreach (var property in properties)
            {
                if (Names.Contains(property.Key, StringComparer.OrdinalIgnoreCase) && property.Value != null)
                {
                    var text = Convert.ToString(property.Value, CultureInfo.InvariantCulture);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        ids._values[Canonical(property.Key)] = text!.Trim();
                    }
                }
            }

            return ids;
        }

        public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

        /// <summary>A copy with <paramref name="name"/> set (or kept, when <paramref name="value"/> is null or empty).</summary>
        public PipelineIds With(string name, object? value)
        {
            var copy = new PipelineIds(new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase));
            // Convert.ToString gives an empty text for null, which keeps the carried value like any empty one.
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(text))
            {
                copy._values[Canonical(name)] = text!;
            }

            return copy;
        }

        /// <summary>
        /// The properties to add to <paramref name="emitted"/>: every carried id except those the object already has under
        /// the same name (its own property stays authoritative and its type and view stay intact).
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, object?>> PropertiesFor(object emitted)
        {
            var own = new HashSet<string>(
                emitted.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name),
                StringComparer.OrdinalIgnoreCase);
            return Names
                .Where(name => _values.ContainsKey(name) && !own.Contains(name))
                .Select(name => new KeyValuePair<string, object?>(name, name == MappingSetVersion && int.TryParse(_values[name], out var version) ? version : (object)_values[name]))
                .ToList();
        }

        /// <summary>A copy that also records <paramref name="id"/> as a part of <paramref name="kind"/> created for this row (not a planned one).</summary>
        public PipelineIds WithCreated(string kind, string id) =>
            Planned.IsPlanned(id) ? this : With(PartsCreated, (this[PartsCreated] is string earlier ? earlier + "; " : string.Empty) + kind + "=" + id);

        /// <summary>As <see cref="WithCreated"/> when <paramref name="created"/>: a reused part was not made for this row, and is not its to remove.</summary>
        public PipelineIds WithCreatedWhen(bool created, string kind, string id) => created ? WithCreated(kind, id) : this;

        /// <summary>The parts created for this row, in the order they were created.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Created =>
            (this[PartsCreated] ?? string.Empty)
                .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split(new[] { '=' }, 2))
                .Where(pair => pair.Length == 2)
                .Select(pair => new KeyValuePair<string, string>(pair[0].Trim(), pair[1].Trim()))
                .ToList();

        public override string ToString() => string.Join(", ", Names.Where(_values.ContainsKey).Select(n => n + "=" + _values[n]));

        private static string Canonical(string name) => Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
