using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PlatformFlow.Tests.Support;

namespace PlatformFlow.Tests.Help
{
    /// <summary>
    /// What help says about a cmdlet's parameters, read from its declared metadata (CustomAttributeData only): the
    /// parameters a user sees (the cmdlet's own, without DontShow ones, plus -WhatIf/-Confirm and the paging parameters
    /// PowerShell adds), their types, aliases, and how each binds in each parameter set.
    /// </summary>
    public sealed class HelpSyntax
    {
        private HelpSyntax(CmdletMetadata cmdlet)
        {
            Cmdlet = cmdlet;
            var declared = cmdlet.Parameters
                .Where(p => !p.Sets.Values.All(s => s.DontShow))
                .Select(p => HelpParameter.Declared(p))
                .ToList();
            var automatic = new List<HelpParameter>();
            if (cmdlet.SupportsPaging)
            {
                automatic.Add(HelpParameter.Automatic("IncludeTotalCount", typeof(System.Management.Automation.SwitchParameter)));
                automatic.Add(HelpParameter.Automatic("Skip", typeof(ulong)));
                automatic.Add(HelpParameter.Automatic("First", typeof(ulong)));
            }

            if (cmdlet.SupportsShouldProcess)
            {
                automatic.Add(HelpParameter.Automatic("WhatIf", typeof(System.Management.Automation.SwitchParameter), "wi"));
                automatic.Add(HelpParameter.Automatic("Confirm", typeof(System.Management.Automation.SwitchParameter), "cf"));
            }

            Parameters = declared.Concat(automatic).ToList();
            var outputs = cmdlet.Type.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { arg.Value })
                .Select(value => value is Type type ? type.FullName ?? type.Name : value?.ToString() ?? string.Empty)
                .Distinct()
                .ToList();
            OutputTypeNames = outputs.Count == 0 ? new[] { "None" } : outputs;
            var named = cmdlet.ParameterSets;
            SetNames = named
                .OrderBy(s => s == cmdlet.DefaultParameterSetName ? 0 : 1)
                .ToList();
        }

        public CmdletMetadata Cmdlet { get; }

        public string Name => Cmdlet.Name;

        /// <summary>Every parameter help documents, in the order of the syntax's first parameter set.</summary>
        public IReadOnlyList<HelpParameter> Parameters { get; }

        /// <summary>What [OutputType] declares (types or type names), or None when it declares nothing.</summary>
        public IReadOnlyList<string> OutputTypeNames { get; }

        /// <summary>The parameter sets, default first (<see cref="CmdletMetadata.AllSets"/> when none is named).</summary>
        public IReadOnlyList<string> SetNames { get; }

        public bool IsDefault(string set) => set == Cmdlet.DefaultParameterSetName;

        public static HelpSyntax Of(CmdletMetadata cmdlet) => new HelpSyntax(cmdlet);

        /// <summary>
        /// The parameters of <paramref name="set"/> in the order PowerShell shows them: positional ones by position, then
        /// mandatory named ones, then the rest; automatic ones (-WhatIf, paging) last.
        /// </summary>
        public IReadOnlyList<HelpParameter> InSet(string set) =>
            Parameters
                .Where(p => p.IsIn(set))
                .Select((p, index) => (Parameter: p, Index: index))
                .OrderBy(x => x.Parameter.IsAutomatic ? 1 : 0)
                .ThenBy(x => x.Parameter.BindingIn(set).Position is int ? 0 : x.Parameter.BindingIn(set).Mandatory ? 1 : 2)
                .ThenBy(x => x.Parameter.BindingIn(set).Position ?? 0)
                .ThenBy(x => x.Index)
                .Select(x => x.Parameter)
                .ToList();

        /// <summary>One syntax line, as Get-Command -Syntax writes it.</summary>
        public string SyntaxLine(string set)
        {
            var parts = new List<string> { Name };
            foreach (var parameter in InSet(set))
            {
                var binding = parameter.BindingIn(set);
                var name = binding.Position is int ? "[-" + parameter.Name + "]" : "-" + parameter.Name;
                var text = parameter.IsSwitch ? "-" + parameter.Name : name + " <" + parameter.TypeName + ">";
                parts.Add(binding.Mandatory ? text : "[" + text + "]");
            }

            parts.Add("[<CommonParameters>]");
            return string.Join(" ", parts);
        }
    }

    /// <summary>One parameter as help describes it.</summary>
    public sealed class HelpParameter
    {
        private readonly IReadOnlyDictionary<string, HelpBinding> _sets;

        private HelpParameter(string name, Type type, IReadOnlyList<string> aliases, IReadOnlyDictionary<string, HelpBinding> sets, IReadOnlyList<string> acceptedValues, bool globbing, bool isAutomatic)
        {
            Name = name;
            Type = Nullable.GetUnderlyingType(type) ?? type;
            Aliases = aliases;
            _sets = sets;
            AcceptedValues = acceptedValues;
            Globbing = globbing;
            IsAutomatic = isAutomatic;
        }

        public string Name { get; }

        public Type Type { get; }

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The values a ValidateSet allows; empty when any value goes.</summary>
        public IReadOnlyList<string> AcceptedValues { get; }

        public bool Globbing { get; }

        /// <summary>Added by PowerShell (-WhatIf, -Confirm, -First, -Skip, -IncludeTotalCount), not declared by the cmdlet.</summary>
        public bool IsAutomatic { get; }

        public bool IsSwitch => Type.Name == "SwitchParameter";

        /// <summary>The short type name help shows, e.g. String[] or PlatformContext.</summary>
        public string TypeName => Type.Name;

        /// <summary>The full type name, e.g. System.String[].</summary>
        public string FullTypeName => Type.FullName ?? Type.Name;

        public IEnumerable<string> Sets => _sets.Keys;

        public bool IsIn(string set) => _sets.ContainsKey(set) || _sets.ContainsKey(CmdletMetadata.AllSets);

        public HelpBinding BindingIn(string set) => _sets.TryGetValue(set, out var binding) ? binding : _sets[CmdletMetadata.AllSets];

        /// <summary>
        /// The parameter sets grouped by identical binding, in <paramref name="setOrder"/>: one group, "(All)", when the
        /// parameter binds the same way everywhere.
        /// </summary>
        public IReadOnlyList<(string Sets, HelpBinding Binding)> BindingGroups(IReadOnlyList<string> setOrder)
        {
            if (_sets.Count == 1 && _sets.ContainsKey(CmdletMetadata.AllSets))
            {
                return new[] { ("(All)", _sets[CmdletMetadata.AllSets]) };
            }

            return setOrder.Where(IsIn)
                .GroupBy(BindingIn)
                .Select(g => (string.Join(", ", g), g.Key))
                .ToList();
        }

        internal static HelpParameter Declared(ParameterMetadata parameter)
        {
            var attributes = parameter.Property.GetCustomAttributesData();
            var sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute")
                .ToDictionary(
                    a => CmdletMetadata.Named<string>(a, "ParameterSetName") ?? CmdletMetadata.AllSets,
                    a =>
                    {
                        var position = a.NamedArguments.Where(n => n.MemberName == "Position").Select(n => (int?)n.TypedValue.Value).FirstOrDefault();
                        return new HelpBinding(
                            CmdletMetadata.Named<bool>(a, "Mandatory"),
                            position,
                            CmdletMetadata.Named<bool>(a, "ValueFromPipeline"),
                            CmdletMetadata.Named<bool>(a, "ValueFromPipelineByPropertyName"));
                    });
            var acceptedValues = attributes.Where(a => a.AttributeType.Name == "ValidateSetAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : new[] { (string)arg.Value! })
                .ToList();
            return new HelpParameter(
                parameter.Name,
                parameter.Property.PropertyType,
                parameter.Aliases,
                sets,
                acceptedValues,
                parameter.HasAttribute("SupportsWildcardsAttribute"),
                isAutomatic: false);
        }

        internal static HelpParameter Automatic(string name, Type type, params string[] aliases) =>
            new HelpParameter(
                name,
                type,
                aliases,
                new Dictionary<string, HelpBinding> { [CmdletMetadata.AllSets] = new HelpBinding(false, null, false, false) },
                Array.Empty<string>(),
                globbing: false,
                isAutomatic: true);

        public override string ToString() => Name;
    }

    /// <summary>How a parameter binds in one parameter set.</summary>
    public sealed record HelpBinding(bool Mandatory, int? Position, bool ValueFromPipeline, bool ByPropertyName)
    {
        /// <summary>"named", or the position as a number.</summary>
        public string PositionText => Position is int position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named";

        /// <summary>As help writes it: False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName).</summary>
        public string PipelineInputText
        {
            get
            {
                var ways = new List<string>();
                if (ValueFromPipeline)
                {
                    ways.Add("ByValue");
                }

                if (ByPropertyName)
                {
                    ways.Add("ByPropertyName");
                }

                return ways.Count == 0 ? "False" : "True (" + string.Join(", ", ways) + ")";
            }
        }
    }
}
