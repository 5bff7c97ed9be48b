using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PlatformFlow.Tests.Help
{
    /// <summary>
    /// An about_ topic: written as markdown in docs/about/about_NAME.md, shipped as the plain text PowerShell's Get-Help
    /// reads (src/PlatformFlow/en-US/about_NAME.help.txt). Headings become the topic's upper-case section names, prose is
    /// wrapped at 80 columns under a four-space indent, list items hang, code blocks are kept as written.
    /// </summary>
    public static class AboutTopic
    {
        private const string Fence = "```";
        private const int Width = 80;
        private const string Indent = "    ";

        public static string DocsFolder => Path.Combine(ContractFiles.RepositoryRoot, "docs", "about");

        public static string HelpFolder => Path.Combine(ContractFiles.RepositoryRoot, "src", "PlatformFlow", "en-US");

        public static IReadOnlyList<string> Names() =>
            Directory.GetFiles(DocsFolder, "about_*.md").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(n => n, StringComparer.Ordinal).ToList();

        public static string SourcePath(string name) => Path.Combine(DocsFolder, name + ".md");

        public static string HelpPath(string name) => Path.Combine(HelpFolder, name + ".help.txt");

        /// <summary>The section headings of a page, in order (the text after <c>## </c>).</summary>
        public static IReadOnlyList<string> Sections(string markdown) =>
            Lines(markdown).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Substring(3).Trim()).ToList();

        public static string Render(string markdown)
        {
            var text = new StringBuilder();
            var paragraph = new List<string>();
            var inFence = false;

            void Flush()
            {
                if (paragraph.Count == 0)
                {
                    return;
                }

                var joined = string.Join(" ", paragraph.Select(l => l.Trim())).Replace("`", string.Empty);
                var bullet = joined.StartsWith("- ", StringComparison.Ordinal);
                Wrap(text, bullet ? joined.Substring(2) : joined, bullet ? Indent + "- " : Indent, bullet ? Indent + "  " : Indent);
                text.Append('\n');
                paragraph.Clear();
            }

            foreach (var line in Lines(markdown))
            {
                if (line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    Flush();
                    inFence = !inFence;
                    if (!inFence)
                    {
                        text.Append('\n');
                    }

                    continue;
                }

                if (inFence)
                {
                    text.Append(line.Length == 0 ? string.Empty : Indent + Indent + line).Append('\n');
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    text.Append("TOPIC\n").Append(Indent).Append(line.Substring(2).Trim()).Append("\n\n");
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    text.Append(line.Substring(3).Trim().ToUpperInvariant()).Append('\n');
                }
                else if (line.Trim().Length == 0)
                {
                    Flush();
                }
                else if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    // Each list item is a paragraph of its own.
                    Flush();
                    paragraph.Add(line);
                }
                else
                {
                    paragraph.Add(line);
                }
            }

            Flush();
            return text.ToString().TrimEnd('\n') + "\n";
        }

        private static IEnumerable<string> Lines(string markdown) => markdown.Replace("\r\n", "\n").Split('\n');

        private static void Wrap(StringBuilder text, string words, string firstIndent, string nextIndent)
        {
            var line = new StringBuilder(firstIndent);
            var lineHasWords = false;
            foreach (var word in words.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWords && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(nextIndent);
                    lineHasWords = false;
                }

                line.Append(lineHasWords ? " " : string.Empty).Append(word);
                lineHasWords = true;
            }

            text.Append(line).Append('\n');
        }
    }
}
