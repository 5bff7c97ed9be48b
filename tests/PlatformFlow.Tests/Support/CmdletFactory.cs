using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Builds a cmdlet object with parameter values, converting as PowerShell's binder does for the cases the pipelines
    /// use (a single value into an array, numbers into nullable numbers, anything into object[]).
    /// </summary>
    public static class CmdletFactory
    {
        /// <summary>Parameter values by name, as a cmdlet would be called with them.</summary>
        public static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
            values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

        public static T Create<T>(IReadOnlyDictionary<string, object?> values)
            where T : new()
        {
            var cmdlet = new T();
            foreach (var pair in values)
            {
                var property = typeof(T).GetProperty(pair.Key) ?? throw new ArgumentException(typeof(T).Name + " has no parameter " + pair.Key);
                if (pair.Value is null || property.PropertyType.Name == "PSObject")
                {
                    continue;
                }

                property.SetValue(cmdlet, Convert(pair.Value, property.PropertyType));
            }

            return cmdlet;
        }

        private static object? Convert(object value, Type target)
        {
            if (target.IsInstanceOfType(value))
            {
                return value;
            }

            var underlying = Nullable.GetUnderlyingType(target);
            if (underlying != null)
            {
                return Convert(value, underlying);
            }

            if (target.IsArray)
            {
                var element = target.GetElementType()!;
                var items = value is System.Collections.IEnumerable sequence && !(value is string) ? sequence.Cast<object>().ToArray() : new[] { value };
                var array = Array.CreateInstance(element, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    array.SetValue(Convert(items[i], element), i);
                }

                return array;
            }

            if (target == typeof(DateTimeOffset) && value is DateTime time)
            {
                return new DateTimeOffset(time);
            }

            return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
