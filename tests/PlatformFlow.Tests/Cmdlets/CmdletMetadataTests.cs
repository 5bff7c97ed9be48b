using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Cmdlets
{
    /// <summary>PowerShell manners, checked on every cmdlet from its declared metadata.</summary>
    public sealed class CmdletMetadataTests
    {
        private static readonly string[] ChangingVerbs = { "New", "Set", "Remove", "Enable", "Disable", "Start", "Restart" };

        public static TheoryData<string> CmdletNames()
        {
            var data = new TheoryData<string>();
            foreach (var cmdlet in CmdletMetadata.All())
            {
                data.Add(cmdlet.Name);
            }

            return data;
        }

        [Fact]
        public void The_module_has_the_cmdlets_of_the_tutorial_pipeline()
        {
            var names = CmdletMetadata.All().Select(c => c.Name).ToList();
            Assert.Subset(names.ToHashSet(), new[]
            {
                "Connect-Platform", "Disconnect-Platform", "Get-PlatformContext", "Get-ConnectionSpec", "New-BaseConnection",
                "New-SourceConnection", "New-XdmSchema", "New-Dataset", "New-TargetConnection", "New-MappingSet", "Get-FlowSpec", "New-Dataflow",
            }.ToHashSet());
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Uses_an_approved_verb(string name)
        {
            var approved = typeof(System.Management.Automation.VerbsCommon).Assembly.GetTypes()
                .Where(t => t.Name.StartsWith("Verbs", StringComparison.Ordinal) && t.IsClass)
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
                .ToHashSet();
            Assert.Contains(CmdletMetadata.Named(name).Verb, approved);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Is_one_sealed_class_named_after_the_cmdlet_in_its_own_file(string name)
        {
            var cmdlet = CmdletMetadata.Named(name);
            Assert.True(cmdlet.Type.IsSealed);
            Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
            Assert.Equal("PlatformFlow.Commands", cmdlet.Type.Namespace);
            Assert.True(File.Exists(Path.Combine(ContractFiles.RepositoryRoot, "src", "PlatformFlow", "Commands", cmdlet.Type.Name + ".cs")));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Declares_what_it_outputs(string name)
        {
            var cmdlet = CmdletMetadata.Named(name);
            if (cmdlet.Verb == "Disconnect")
            {
                Assert.Empty(cmdlet.OutputTypes);
                return;
            }

            Assert.NotEmpty(cmdlet.OutputTypes);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_change_supports_WhatIf_and_deletes_confirm_by_default(string name)
        {
            var cmdlet = CmdletMetadata.Named(name);
            if (ChangingVerbs.Contains(cmdlet.Verb))
            {
                Assert.True(cmdlet.SupportsShouldProcess, name + " changes something but has no -WhatIf/-Confirm");
            }

            if (cmdlet.Verb == "Remove")
            {
                Assert.Equal("High", cmdlet.ConfirmImpact);
                Assert.Contains(cmdlet.Parameters, p => p.Name == "Force");
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_cmdlet_that_calls_the_platform_takes_Context(string name)
        {
            var cmdlet = CmdletMetadata.Named(name);
            if (cmdlet.Noun == "Platform" || cmdlet.Noun == "PlatformContext")
            {
                return;
            }

            Assert.True(typeof(PlatformFlow.PlatformCmdlet).IsAssignableFrom(cmdlet.Type));
            Assert.Contains(cmdlet.Parameters, p => p.Name == "Context");
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Its_default_parameter_set_exists(string name)
        {
            var cmdlet = CmdletMetadata.Named(name);
            if (cmdlet.DefaultParameterSetName != null)
            {
                Assert.Contains(cmdlet.DefaultParameterSetName, cmdlet.ParameterSets);
            }
        }

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlets_the_assembly_has()
        {
            var manifest = File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "PlatformFlow.psd1"));
            var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
            var exported = Regex.Matches(block, @"'([A-Za-z]+-[A-Za-z]+)'").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();

            Assert.Equal(CmdletMetadata.All().Select(c => c.Name).OrderBy(n => n), exported);
            Assert.Contains("FormatsToProcess", manifest);
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Core', 'Desktop'\)", manifest);
        }

        [Fact]
        public void The_format_file_has_a_table_view_for_every_output_type()
        {
            var format = XDocument.Load(Path.Combine(ContractFiles.RepositoryRoot, "src", "PlatformFlow", "PlatformFlow.format.ps1xml"));
            var viewed = format.Descendants("TypeName").Select(t => t.Value).ToHashSet();
            // PowerShell formats .NET's own types (Test-*'s bool, Test-MappingSet's ordered dictionaries, Export-Dataflow's FileInfo).
            var outputs = CmdletMetadata.All().SelectMany(c => c.OutputTypes).Where(t => t != typeof(void) && t.Namespace!.StartsWith("PlatformFlow", StringComparison.Ordinal)).Select(t => t.FullName!).Distinct();

            Assert.All(outputs, type => Assert.Contains(type, viewed));
            Assert.All(viewed, type => Assert.NotNull(typeof(PlatformFlow.Client.PlatformClient).Assembly.GetType(type)));
        }
    }
}
