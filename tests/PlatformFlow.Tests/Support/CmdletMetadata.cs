using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// A cmdlet's declared metadata read with CustomAttributeData (the stub System.Management.Automation's attribute
    /// bodies are never run): its name, parameters, parameter sets, pipeline bindings and output types.
    /// </summary>
    public sealed class CmdletMetadata
    {
        public const string AllSets = "__AllParameterSets";

        private CmdletMetadata(Type type)
        {
            Type = type;
            var cmdlet = type.GetCustomAttributesData().Single(a => a.AttributeType.Name == "CmdletAttribute");
            Verb = (string)cmdlet.ConstructorArguments[0].Value!;
            Noun = (string)cmdlet.ConstructorArguments[1].Value!;
            SupportsShouldProcess = Named<bool>(cmdlet, "SupportsShouldProcess");
            SupportsPaging = Named<bool>(cmdlet, "SupportsPaging");
            DefaultParameterSetName = Named<string>(cmdlet, "DefaultParameterSetName");
            ConfirmImpact = cmdlet.NamedArguments.Where(a => a.MemberName == "ConfirmImpact").Select(a => EnumName(a.TypedValue)).FirstOrDefault();
            OutputTypes = type.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten))
                .OfType<Type>()
                .ToList();
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new ParameterMetadata(p))
                .Where(p => p.Sets.Count > 0)
                .ToList();
        }

        public Type Type { get; }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => Verb + "-" + Noun;

        public bool SupportsShouldProcess { get; }

        public bool SupportsPaging { get; }

        public string? DefaultParameterSetName { get; }

        public string? ConfirmImpact { get; }

        public IReadOnlyList<Type> OutputTypes { get; }

        public IReadOnlyList<ParameterMetadata> Parameters { get; }

        /// <summary>Named parameter sets (the all-sets pseudo set only when no other exists).</summary>
        public IReadOnlyList<string> ParameterSets
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets.Keys).Where(s => s != AllSets).Distinct().ToList();
                if (named.Count > 0 && DefaultParameterSetName != null && !named.Contains(DefaultParameterSetName))
                {
                    // As PowerShell does: a default set no parameter names is still a set (only the all-sets parameters).
                    named.Insert(0, DefaultParameterSetName);
                }

                return named.Count > 0 ? named : new List<string> { AllSets };
            }
        }

        public ParameterMetadata Parameter(string name) => Parameters.Single(p => p.Name == name);

        public static IReadOnlyList<CmdletMetadata> All() =>
            typeof(PlatformFlow.PlatformCmdlet).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType.Name == "CmdletAttribute"))
                .Select(t => new CmdletMetadata(t))
                .OrderBy(c => c.Name)
                .ToList();

        public static CmdletMetadata Of<T>() => new CmdletMetadata(typeof(T));

        public static CmdletMetadata Named(string name) => All().Single(c => c.Name == name);

        internal static T? Named<T>(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

        // An enum argument is stored as its underlying number; name it as PowerShell would.
        private static string? EnumName(CustomAttributeTypedArgument argument) =>
            argument.ArgumentType.IsEnum && argument.Value != null
                ? Enum.ToObject(argument.ArgumentType, argument.Value).ToString()
                : argument.Value?.ToString();

        private static IEnumerable<object?> Flatten(CustomAttributeTypedArgument argument) =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };

        public override string ToString() => Name;
    }

    public sealed class ParameterMetadata
    {
        public ParameterMetadata(PropertyInfo property)
        {
            Property = property;
            Name = property.Name;
            var attributes = property.GetCustomAttributesData();
            Aliases = attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : new[] { (string)arg.Value! }))
                .ToList();
            Sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute")
                .ToDictionary(
                    a => CmdletMetadata.Named<string>(a, "ParameterSetName") ?? CmdletMetadata.AllSets,
                    a => new ParameterSetBinding(
                        CmdletMetadata.Named<bool>(a, "Mandatory"),
                        CmdletMetadata.Named<bool>(a, "ValueFromPipeline"),
                        CmdletMetadata.Named<bool>(a, "ValueFromPipelineByPropertyName"),
                        CmdletMetadata.Named<bool>(a, "DontShow")));
        }

        public PropertyInfo Property { get; }

        public string Name { get; }

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>Per parameter set (or <see cref="CmdletMetadata.AllSets"/>): how it binds.</summary>
        public IReadOnlyDictionary<string, ParameterSetBinding> Sets { get; }

        public bool HasAttribute(string attributeName) => Property.GetCustomAttributesData().Any(a => a.AttributeType.Name == attributeName);

        public bool IsIn(string set) => Sets.ContainsKey(set) || Sets.ContainsKey(CmdletMetadata.AllSets);

        public ParameterSetBinding BindingIn(string set) => Sets.TryGetValue(set, out var binding) ? binding : Sets[CmdletMetadata.AllSets];

        /// <summary>
        /// The property of <paramref name="propertyNames"/> that binds this parameter by property name, as PowerShell looks
        /// for it: the parameter's name first, then its aliases, ignoring case.
        /// </summary>
        public string? MatchingProperty(IEnumerable<string> propertyNames)
        {
            var names = propertyNames.ToList();
            foreach (var candidate in new[] { Name }.Concat(Aliases))
            {
                var match = names.FirstOrDefault(n => string.Equals(n, candidate, StringComparison.OrdinalIgnoreCase));
                if (match != null)
                {
                    return match;
                }
            }

            return null;
        }

        public override string ToString() => Name;
    }

    public sealed class ParameterSetBinding
    {
        public ParameterSetBinding(bool mandatory, bool valueFromPipeline, bool byPropertyName, bool dontShow)
        {
            Mandatory = mandatory;
            ValueFromPipeline = valueFromPipeline;
            ByPropertyName = byPropertyName;
            DontShow = dontShow;
        }

        public bool Mandatory { get; }

        public bool ValueFromPipeline { get; }

        public bool ByPropertyName { get; }

        public bool DontShow { get; }
    }
}
