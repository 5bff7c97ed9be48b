using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Binds one pipeline step as PowerShell would: explicit parameters first, then, from the previous step's output, every
    /// ValueFromPipelineByPropertyName parameter whose name or alias is a property of it. A parameter set is usable when all
    /// its mandatory parameters end up bound.
    /// </summary>
    public static class PipelineBinder
    {
        public static BindingResult Bind(CmdletMetadata cmdlet, IReadOnlyDictionary<string, object?> explicitValues, EmittedObject? input)
        {
            var failures = new List<string>();
            var sets = cmdlet.ParameterSets.OrderBy(s => s == cmdlet.DefaultParameterSetName ? 0 : 1).ToList();
            foreach (var set in sets)
            {
                var values = new Dictionary<string, object?>(explicitValues, StringComparer.OrdinalIgnoreCase);
                if (explicitValues.Keys.Any(name => !cmdlet.Parameters.Any(p => p.Name == name && p.IsIn(set))))
                {
                    failures.Add(set + ": an explicit parameter is not in this set");
                    continue;
                }

                foreach (var parameter in cmdlet.Parameters.Where(p => p.IsIn(set) && !values.ContainsKey(p.Name) && input != null))
                {
                    var binding = parameter.BindingIn(set);
                    if (binding.ValueFromPipeline)
                    {
                        values[parameter.Name] = input!.Value;
                    }
                    else if (binding.ByPropertyName && parameter.MatchingProperty(input!.PropertyNames) is string property && input[property] != null)
                    {
                        values[parameter.Name] = input[property];
                    }
                }

                var missing = cmdlet.Parameters.Where(p => p.IsIn(set) && p.BindingIn(set).Mandatory && !values.ContainsKey(p.Name)).Select(p => p.Name).ToList();
                if (missing.Count == 0)
                {
                    return new BindingResult(set, values, Array.Empty<string>());
                }

                failures.Add(set + ": no value for " + string.Join(", ", missing));
            }

            return new BindingResult(null, new Dictionary<string, object?>(), failures);
        }
    }

    public sealed class BindingResult
    {
        public BindingResult(string? parameterSet, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> failures)
        {
            ParameterSet = parameterSet;
            Values = values;
            Failures = failures;
        }

        public string? ParameterSet { get; }

        public IReadOnlyDictionary<string, object?> Values { get; }

        public IReadOnlyList<string> Failures { get; }

        public bool Succeeded => ParameterSet != null;

        public string? Text(string name) => Values.TryGetValue(name, out var value) ? value?.ToString() : null;

        public override string ToString() => Succeeded ? "bound with set " + ParameterSet : string.Join("; ", Failures);
    }
}
