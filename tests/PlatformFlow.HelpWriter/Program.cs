using System;
using System.IO;
using System.Linq;
using PlatformFlow.Tests.Help;
using PlatformFlow.Tests.Support;

// Rewrites each cmdlet page's generated parts (syntax, parameter metadata; a new cmdlet gets a skeleton page to fill in),
// then the MAML help file from the pages, then the about_ topics' text files from docs/about. The prose stays as written.
var cmdlets = CmdletMetadata.All().Select(HelpSyntax.Of).ToList();
Directory.CreateDirectory(MamlHelpGenerator.DocsFolder);
foreach (var syntax in cmdlets)
{
    File.WriteAllText(MamlHelpGenerator.PagePath(syntax.Name), MamlHelpGenerator.ReadPage(syntax).Render(syntax));
}

Directory.CreateDirectory(Path.GetDirectoryName(MamlHelpGenerator.HelpFilePath)!);
File.WriteAllText(MamlHelpGenerator.HelpFilePath, MamlHelpGenerator.Generate(cmdlets.Select(s => (s, MamlHelpGenerator.ReadPage(s)))));
foreach (var topic in AboutTopic.Names())
{
    File.WriteAllText(AboutTopic.HelpPath(topic), AboutTopic.Render(File.ReadAllText(AboutTopic.SourcePath(topic))));
}

Console.WriteLine("Wrote " + cmdlets.Count + " pages in " + MamlHelpGenerator.DocsFolder + ", " + MamlHelpGenerator.HelpFilePath + " and " + AboutTopic.Names().Count + " about topics");
