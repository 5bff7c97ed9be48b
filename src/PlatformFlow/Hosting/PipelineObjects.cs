using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PlatformFlow.Hosting
{
    /// <summary>Moves values between PowerShell objects and the plain values operations take.</summary>
    internal static class PipelineObjects
    {
        /// <summary>
        /// The object with the pipeline's ids as note properties; its own type (and format view) stays. PowerShell keeps
        /// note properties with the object itself, not the wrapper, so a model is copied first: the same spec or reused
        /// part written for several rows (runspaces, -ThrottleLimit) must not carry the ids of whichever row came last.
        /// </summary>
        public static object WithProperties(object value, IReadOnlyList<KeyValuePair<string, object?>>? properties)
        {
            value = ForPowerShell(value);
            if (properties is null || properties.Count == 0)
            {
                return value;
            }

            var wrapped = new PSObject(value is PlatformModel model ? model.ShallowCopy() : value);
            foreach (var property in properties)
            {
                wrapped.Properties.Add(new PSNoteProperty(property.Key, property.Value));
            }

            return wrapped;
        }

        /// <summary>
        /// Records as PowerShell objects, the one place rows become objects: a JSON object (a dataset's record) or a
        /// plain-value dictionary (a mapped record) becomes an ordered object with one property per member, nested objects
        /// nested (<c>$record.personalEmail.address</c>); so do a failed record's input record and the rows an
        /// <see cref="IRecordRows"/> carries. They print as tables, and Export-Csv and ConvertTo-Json write them as they read.
        /// </summary>
        private static object ForPowerShell(object value)
        {
            switch (value)
            {
                case JsonObject record:
                    return RecordObject(PropertyBag.From(record)!);
                case IDictionary record:
                    return RecordObject(record);
                case FailedRecord failed when failed.Record is JsonObject input:
                    failed.Record = RecordObject(PropertyBag.From(input)!);
                    return failed;
                case IRecordRows rows when rows.Preview != null:
                    rows.Preview = new ValueList<object>(rows.Preview.Select(row => RecordValue(row)!));
                    return value;
                default:
                    return value;
            }
        }

        private static PSObject RecordObject(IDictionary dictionary)
        {
            var record = new PSObject();
            foreach (DictionaryEntry member in dictionary)
            {
                record.Properties.Add(new PSNoteProperty(member.Key.ToString(), RecordValue(member.Value)));
            }

            return record;
        }

        private static object? RecordValue(object? value) => value switch
        {
            IDictionary nested => RecordObject(nested),
            string text => text,
            IEnumerable items => items.Cast<object?>().Select(RecordValue).ToArray(),
            _ => value,
        };

        /// <summary>The carried ids on a pipeline input (note properties, CSV columns, own properties).</summary>
        public static PipelineIds CarriedBy(PSObject? input)
        {
            if (input is null)
            {
                return new PipelineIds();
            }

            return PipelineIds.From(PipelineIds.Names.Select(name => new KeyValuePair<string, object?>(name, ValueOf(input, name))));
        }

        /// <summary>
        /// The named properties that have a value, as text, read here on the pipeline thread (a hashtable's keys count as
        /// properties), so an operation can use them from its own thread.
        /// </summary>
        public static IReadOnlyDictionary<string, string> TextProperties(PSObject input, IEnumerable<string> names)
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                var value = input.BaseObject is IDictionary dictionary ? KeyIgnoringCase(dictionary, name) : ValueOf(input, name);
                var text = value is null ? null : LanguagePrimitives.ConvertTo<string>(value);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    found[name] = text!.Trim();
                }
            }

            return found;
        }

        private static object? KeyIgnoringCase(IDictionary dictionary, string name) =>
            dictionary.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k?.ToString(), name, StringComparison.OrdinalIgnoreCase)) is object key
                ? Unwrap(dictionary[key])
                : null;

        /// <summary>The value of a property, or null when the object has none (or its getter fails).</summary>
        public static object? ValueOf(PSObject input, string name)
        {
            try
            {
                return Unwrap(input.Properties[name]?.Value);
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        /// <summary>Strips PSObject wrappers, deeply through hashtables and arrays, so operations see plain .NET values.</summary>
        public static object? Unwrap(object? value)
        {
            switch (value)
            {
                case PSObject wrapped:
                    return Unwrap(wrapped.BaseObject);
                case IDictionary dictionary:
                    var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        copy[Unwrap(entry.Key)!] = Unwrap(entry.Value);
                    }

                    return copy;
                case string text:
                    return text;
                case IEnumerable items:
                    return items.Cast<object?>().Select(Unwrap).ToArray();
                default:
                    return value;
            }
        }
    }
}
