using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PlatformFlow.Tests.Support;

namespace PlatformFlow.Tests.Help
{
    /// <summary>
    /// Builds the module's help (src/PlatformFlow/en-US/PlatformFlow.dll-Help.xml, MAML as Get-Help reads it) from the
    /// pages in docs/cmdlets and the cmdlets' declared metadata. HelpTests keeps the committed file and the pages in step.
    /// </summary>
    public static class MamlHelpGenerator
    {
        public const string HelpFileName = "PlatformFlow.dll-Help.xml";

        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static string DocsFolder => Path.Combine(ContractFiles.RepositoryRoot, "docs", "cmdlets");

        public static string HelpFilePath => Path.Combine(ContractFiles.RepositoryRoot, "src", "PlatformFlow", "en-US", HelpFileName);

        public static string PagePath(string cmdletName) => Path.Combine(DocsFolder, cmdletName + ".md");

        /// <summary>The committed page of a cmdlet, or an empty one (to fill in) when it has none yet.</summary>
        public static CmdletHelpPage ReadPage(HelpSyntax syntax) =>
            File.Exists(PagePath(syntax.Name)) ? CmdletHelpPage.Parse(File.ReadAllText(PagePath(syntax.Name))) : new CmdletHelpPage { Name = syntax.Name };

        /// <summary>The MAML document for every cmdlet, each with its page, as the text of the help file.</summary>
        public static string Generate(IEnumerable<(HelpSyntax Syntax, CmdletHelpPage Page)> cmdlets)
        {
            var document = new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute("xmlns", Msh.NamespaceName),
                    cmdlets.OrderBy(c => c.Syntax.Name, System.StringComparer.Ordinal).Select(c => CommandElement(c.Syntax, c.Page))));
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings))
            {
                document.Save(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static XElement CommandElement(HelpSyntax syntax, CmdletHelpPage page) =>
            new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "command", Command.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "dev", Dev.NamespaceName),
                new XElement(Command + "details",
                    new XElement(Command + "name", syntax.Name),
                    new XElement(Command + "verb", syntax.Cmdlet.Verb),
                    new XElement(Command + "noun", syntax.Cmdlet.Noun),
                    Description(page.Synopsis)),
                Description(page.Description),
                new XElement(Command + "syntax",
                    syntax.SetNames.Select(set => new XElement(Command + "syntaxItem",
                        new XElement(Maml + "name", syntax.Name),
                        syntax.InSet(set).Select(p => ParameterElement(p, p.BindingIn(set), page, inSyntax: true))))),
                new XElement(Command + "parameters",
                    syntax.Parameters.Select(p => ParameterElement(p, p.BindingGroups(syntax.SetNames)[0].Binding, page, inSyntax: false))),
                new XElement(Command + "inputTypes",
                    page.Inputs.Select(input => new XElement(Command + "inputType", TypeElement(input.Title), Description(input.Text)))),
                new XElement(Command + "returnValues",
                    syntax.OutputTypeNames.Select(output => new XElement(Command + "returnValue",
                        TypeElement(output),
                        Description(page.OutputDescriptions.TryGetValue(output, out var text) ? text : string.Empty)))),
                new XElement(Maml + "alertSet",
                    new XElement(Maml + "alert", Paragraphs(page.Notes))),
                new XElement(Command + "examples",
                    page.Examples.Select((example, index) => new XElement(Command + "example",
                        new XElement(Maml + "title", "-------------------------- Example " + (index + 1) + ": " + example.Title + " --------------------------"),
                        new XElement(Dev + "code", example.Code),
                        new XElement(Dev + "remarks", Paragraphs(example.Remarks))))));

        private static XElement ParameterElement(HelpParameter parameter, HelpBinding binding, CmdletHelpPage page, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", binding.Mandatory ? "true" : "false"),
                new XAttribute("variableLength", "true"),
                new XAttribute("globbing", parameter.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", binding.PipelineInputText),
                new XAttribute("position", binding.PositionText),
                new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(page.DescriptionOf(parameter.Name)));
            if (parameter.AcceptedValues.Count > 0)
            {
                element.Add(new XElement(Command + "parameterValueGroup",
                    parameter.AcceptedValues.Select(value => new XElement(Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(Command + "variableLength", "false"),
                        value))));
            }

            if (!(inSyntax && parameter.IsSwitch))
            {
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", parameter.IsSwitch ? "false" : "true"),
                    new XAttribute("variableLength", "false"),
                    parameter.TypeName));
            }

            element.Add(TypeElement(parameter.FullTypeName));
            return element;
        }

        private static XElement TypeElement(string typeName) =>
            new XElement(Dev + "type", new XElement(Maml + "name", typeName));

        private static XElement Description(string text) => new XElement(Maml + "description", Paragraphs(text));

        /// <summary>One maml:para per markdown paragraph, its wrapped lines joined as markdown renders them.</summary>
        private static IEnumerable<XElement> Paragraphs(string text) =>
            CmdletHelpPage.Paragraphs(text).Select(p => new XElement(Maml + "para", string.Join(" ", p.Split('\n').Select(line => line.Trim()))));
    }
}
