using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PlatformFlow.Tests.Support;
using Xunit;

namespace PlatformFlow.Tests.Help
{
    /// <summary>
    /// The cmdlet docs (docs/cmdlets/*.md) and the module's MAML help (src/PlatformFlow/en-US/PlatformFlow.dll-Help.xml)
    /// are complete and in step with the cmdlets' declared metadata.
    ///
    /// To create or refresh them after changing a cmdlet or a page: `dotnet pwsh ./build.ps1 -Task UpdateHelp` (the
    /// tests/PlatformFlow.HelpWriter program) rewrites each page's generated parts (syntax, parameter metadata blocks; a
    /// new cmdlet gets a skeleton page to fill in) and the help file. Then write what the completeness tests ask for.
    /// These tests only compare: none of them writes what it compares against.
    /// </summary>
    [Trait(TestCategory.Name, TestCategory.Metadata)]
    public sealed class HelpTests
    {
        private const string UpdateCommand = "run `dotnet pwsh ./build.ps1 -Task UpdateHelp`";

        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        public static TheoryData<string> DocumentedCmdlets()
        {
            var data = new TheoryData<string>();
            foreach (var name in AllCmdletNames())
            {
                data.Add(name);
            }

            return data;
        }

        [Fact]
        public void The_committed_help_file_is_generated_from_the_pages_and_the_metadata()
        {
            var cmdlets = CmdletMetadata.All().Select(HelpSyntax.Of).Select(s => (s, MamlHelpGenerator.ReadPage(s))).ToList();
            var expected = MamlHelpGenerator.Generate(cmdlets);
            Assert.True(File.Exists(MamlHelpGenerator.HelpFilePath), "No help file: " + UpdateCommand + ".");
            Assert.True(
                expected == File.ReadAllText(MamlHelpGenerator.HelpFilePath),
                MamlHelpGenerator.HelpFileName + " is out of date: " + UpdateCommand + ".");
        }

        [Theory]
        [MemberData(nameof(DocumentedCmdlets))]
        public void The_page_shows_the_syntax_and_parameters_the_cmdlet_declares(string name)
        {
            var syntax = HelpSyntax.Of(CmdletMetadata.Named(name));
            var page = MamlHelpGenerator.ReadPage(syntax);
            var rendered = page.Render(syntax);
            Assert.True(File.Exists(MamlHelpGenerator.PagePath(name)), "docs/cmdlets has no page for " + name + ".");
            Assert.True(
                rendered == File.ReadAllText(MamlHelpGenerator.PagePath(name)).Replace("\r\n", "\n"),
                "docs/cmdlets/" + name + ".md is out of step with the cmdlet (syntax, parameters or layout): " + UpdateCommand + ".");
        }

        [Theory]
        [MemberData(nameof(DocumentedCmdlets))]
        public void The_page_has_a_synopsis_a_description_examples_and_every_parameter_described(string name)
        {
            var syntax = HelpSyntax.Of(CmdletMetadata.Named(name));
            var page = MamlHelpGenerator.ReadPage(syntax);

            Assert.False(string.IsNullOrWhiteSpace(page.Synopsis), name + ": no SYNOPSIS.");
            Assert.False(string.IsNullOrWhiteSpace(page.Description), name + ": no DESCRIPTION.");
            Assert.NotEmpty(page.Examples);
            Assert.All(page.Examples, example =>
            {
                Assert.False(string.IsNullOrWhiteSpace(example.Title), name + ": an example has no title.");
                Assert.False(string.IsNullOrWhiteSpace(example.Remarks), name + ", " + example.Title + ": no words on what the example outputs or does.");
                Assert.Contains(name, example.Code);
            });
            var undescribed = syntax.Parameters.Where(p => string.IsNullOrWhiteSpace(page.DescriptionOf(p.Name))).Select(p => "-" + p.Name).ToList();
            Assert.True(undescribed.Count == 0, name + ": no description for " + string.Join(", ", undescribed) + ".");
            Assert.NotEmpty(page.Inputs);
            Assert.All(page.Inputs, input => Assert.False(string.IsNullOrWhiteSpace(input.Text), name + ": input " + input.Title + " is not described."));
            Assert.All(syntax.OutputTypeNames, output =>
                Assert.True(page.OutputDescriptions.TryGetValue(output, out var text) && text.Trim().Length > 0, name + ": output " + output + " is not described."));
            Assert.False(string.IsNullOrWhiteSpace(page.Notes), name + ": no NOTES.");
        }

        [Fact]
        public void Every_exported_cmdlet_is_a_cmdlet_of_the_assembly_with_a_page()
        {
            var declared = CmdletMetadata.All().Select(c => c.Name).ToList();
            Assert.Empty(ManifestCmdletNames().Except(declared));
            Assert.DoesNotContain(ManifestCmdletNames(), n => !File.Exists(MamlHelpGenerator.PagePath(n)));
        }

        [Fact]
        public void The_docs_index_links_every_page_and_no_other()
        {
            var index = File.ReadAllText(Path.Combine(MamlHelpGenerator.DocsFolder, "README.md"));
            var linked = Regex.Matches(index, @"\]\(([A-Za-z]+-[A-Za-z]+)\.md\)").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();
            var pages = Directory.GetFiles(MamlHelpGenerator.DocsFolder, "*-*.md").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(n => n).ToList();

            Assert.Equal(AllCmdletNames().OrderBy(n => n), pages);
            Assert.Equal(pages, linked);
        }

        [Fact]
        public void The_help_file_is_MAML_with_a_command_for_every_cmdlet_and_each_parameter_typed()
        {
            var help = XDocument.Load(MamlHelpGenerator.HelpFilePath);
            var commands = help.Root!.Elements(Command + "command").ToList();

            Assert.Equal("helpItems", help.Root.Name.LocalName);
            Assert.Equal("maml", (string?)help.Root.Attribute("schema"));
            Assert.Equal(AllCmdletNames().OrderBy(n => n, StringComparer.Ordinal), commands.Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value));
            var connect = commands.Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == "Connect-Platform");
            Assert.Equal(5, connect.Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count());
            var clientId = connect.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "ClientId");
            Assert.Equal("true", (string?)clientId.Attribute("required"));
            Assert.Equal("ApiKey", (string?)clientId.Attribute("aliases"));
            Assert.Equal("String", clientId.Element(Command + "parameterValue")!.Value);
        }

        [Fact]
        public void A_parameter_in_several_sets_shows_its_binding_in_each_syntax_line()
        {
            var syntax = HelpSyntax.Of(CmdletMetadata.Named("New-SourceConnection"));

            Assert.Equal(new[] { "TableOrFile", "Table", "Stream", "File" }, syntax.SetNames);
            Assert.Equal(
                "New-SourceConnection [-FlowName] <String> -BaseConnectionId <String> -TableName <String> [-Column <Object[]>] [-Format <String>] [-Description <String>] [-UpdateExisting] [-ThrottleLimit <Int32>] [-Context <PlatformContext>] [-WhatIf] [-Confirm] [<CommonParameters>]",
                syntax.SyntaxLine("Table"));
            Assert.Equal("True (ByPropertyName)", syntax.Parameters.Single(p => p.Name == "Path").BindingIn("File").PipelineInputText);
            Assert.DoesNotContain(syntax.Parameters, p => p.Name == "InputObject");
        }

        private static IReadOnlyList<string> AllCmdletNames() =>
            CmdletMetadata.All().Select(c => c.Name).Union(ManifestCmdletNames()).ToList();

        private static IReadOnlyList<string> ManifestCmdletNames()
        {
            var manifest = File.ReadAllText(Path.Combine(ContractFiles.RepositoryRoot, "PlatformFlow.psd1"));
            var list = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
            return Regex.Matches(list, @"'([A-Za-z]+-[A-Za-z]+)'").Select(m => m.Groups[1].Value).ToList();
        }
    }
}
