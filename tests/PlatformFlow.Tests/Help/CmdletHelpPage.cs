using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PlatformFlow.Tests.Help
{
    /// <summary>One example of a doc page: a title, a PowerShell code block, and what it outputs or does.</summary>
    public sealed record HelpExample(string Title, string Code, string Remarks);

    /// <summary>A titled piece of text of a doc page: an input or output type and what it means.</summary>
    public sealed record HelpEntry(string Title, string Text);

    /// <summary>
    /// A cmdlet's page in docs/cmdlets (platyPS-like markdown). Writers own the prose — synopsis, description, examples,
    /// each parameter's description, inputs, outputs, notes; the syntax and each parameter's metadata block are rendered
    /// from the cmdlet's declared metadata, so a page can never disagree with the C# source.
    /// </summary>
    public sealed class CmdletHelpPage
    {
        private const string Fence = "```";

        /// <summary>Descriptions of parameters many cmdlets share, used where a page has none of its own.</summary>
        private static readonly IReadOnlyDictionary<string, string> SharedDescriptions = new Dictionary<string, string>
        {
            ["Context"] = "The signed-in context to use instead of the current one (from `Connect-Platform`), e.g. to work with two organizations or sandboxes in one script.",
            ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
            ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
            ["First"] = "Gets only the first N objects.",
            ["Skip"] = "Ignores the first N objects and then gets the remaining objects.",
            ["IncludeTotalCount"] = "Writes the total number of matching objects, as the platform counts them, before the objects themselves. Its accuracy is 1 when the count is exact, 0.5 when -Name is matched here (the platform counted the wider match) and 0 when the platform could not count.",
        };

        public string Name { get; set; } = string.Empty;

        public string Synopsis { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public List<HelpExample> Examples { get; } = new List<HelpExample>();

        /// <summary>Each parameter's description, by name (without the dash).</summary>
        public Dictionary<string, string> ParameterDescriptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public List<HelpEntry> Inputs { get; } = new List<HelpEntry>();

        /// <summary>What each output type means, by type name (the types themselves come from [OutputType]).</summary>
        public Dictionary<string, string> OutputDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string Notes { get; set; } = string.Empty;

        /// <summary>
        /// The description of <paramref name="parameter"/>: the page's own, else the shared one of a parameter many cmdlets
        /// have (-Context, -WhatIf, paging...), else empty.
        /// </summary>
        public string DescriptionOf(string parameter) =>
            ParameterDescriptions.TryGetValue(parameter, out var text) && text.Length > 0 ? text
            : SharedDescriptions.TryGetValue(parameter, out var shared) ? shared
            : string.Empty;

        /// <summary>Reads a page; the rendered parts (syntax, metadata blocks, common parameters) are skipped.</summary>
        public static CmdletHelpPage Parse(string markdown)
        {
            var page = new CmdletHelpPage();
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            string? section = null;
            string? heading = null;
            var body = new List<string>();

            void Flush()
            {
                if (section is null)
                {
                    return;
                }

                page.Take(section, heading, body);
                body.Clear();
            }

            var inFence = false;
            foreach (var line in lines)
            {
                if (line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && line.StartsWith("# ", StringComparison.Ordinal))
                {
                    page.Name = line.Substring(2).Trim();
                    continue;
                }
                else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    section = line.Substring(3).Trim();
                    heading = null;
                    continue;
                }
                else if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
                {
                    Flush();
                    heading = line.Substring(4).Trim();
                    continue;
                }

                body.Add(line);
            }

            Flush();
            return page;
        }

        /// <summary>The page as markdown: the prose from this page, the syntax and parameter metadata from <paramref name="syntax"/>.</summary>
        public string Render(HelpSyntax syntax)
        {
            var text = new StringBuilder();
            void Line(string value = "") => text.Append(value).Append('\n');
            void Block(string value)
            {
                if (value.Length > 0)
                {
                    Line(value);
                    Line();
                }
            }

            Line("# " + syntax.Name);
            Line();
            Line("## SYNOPSIS");
            Line();
            Block(Synopsis);
            Line("## SYNTAX");
            Line();
            foreach (var set in syntax.SetNames)
            {
                Line("### " + set + (syntax.IsDefault(set) ? " (Default)" : string.Empty));
                Line();
                Line(Fence);
                Line(syntax.SyntaxLine(set));
                Line(Fence);
                Line();
            }

            Line("## DESCRIPTION");
            Line();
            Block(Description);
            Line("## EXAMPLES");
            Line();
            for (var i = 0; i < Examples.Count; i++)
            {
                Line("### Example " + (i + 1) + ": " + Examples[i].Title);
                Line();
                Line(Fence + "powershell");
                Line(Examples[i].Code);
                Line(Fence);
                Line();
                Block(Examples[i].Remarks);
            }

            Line("## PARAMETERS");
            Line();
            foreach (var parameter in syntax.Parameters)
            {
                Line("### -" + parameter.Name);
                Line();
                Block(DescriptionOf(parameter.Name));
                foreach (var (sets, binding) in parameter.BindingGroups(syntax.SetNames))
                {
                    Line(Fence + "yaml");
                    Line("Type: " + parameter.TypeName);
                    Line("Parameter Sets: " + sets);
                    Line("Aliases:" + (parameter.Aliases.Count == 0 ? string.Empty : " " + string.Join(", ", parameter.Aliases)));
                    if (parameter.AcceptedValues.Count > 0)
                    {
                        Line("Accepted values: " + string.Join(", ", parameter.AcceptedValues));
                    }

                    Line();
                    Line("Required: " + binding.Mandatory);
                    Line("Position: " + binding.PositionText);
                    Line("Accept pipeline input: " + binding.PipelineInputText);
                    Line("Accept wildcard characters: " + parameter.Globbing);
                    Line(Fence);
                    Line();
                }
            }

            Line("### CommonParameters");
            Line();
            Line("This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).");
            Line();
            Line("## INPUTS");
            Line();
            foreach (var input in Inputs)
            {
                Line("### " + input.Title);
                Line();
                Block(input.Text);
            }

            Line("## OUTPUTS");
            Line();
            foreach (var output in syntax.OutputTypeNames)
            {
                Line("### " + output);
                Line();
                Block(OutputDescriptions.TryGetValue(output, out var description) ? description : string.Empty);
            }

            Line("## NOTES");
            Line();
            Block(Notes);
            return text.ToString().TrimEnd('\n') + "\n";
        }

        /// <summary>Markdown text split into paragraphs (blank-line separated), each with its lines joined.</summary>
        public static IReadOnlyList<string> Paragraphs(string text) =>
            text.Replace("\r\n", "\n").Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim('\n'))
                .Where(p => p.Trim().Length > 0)
                .ToList();

        private void Take(string section, string? heading, List<string> body)
        {
            var text = string.Join("\n", body).Trim('\n', ' ');
            switch (section)
            {
                case "SYNOPSIS":
                    Synopsis = text;
                    break;
                case "DESCRIPTION":
                    Description = text;
                    break;
                case "EXAMPLES" when heading != null:
                    Examples.Add(ParseExample(heading, body));
                    break;
                case "PARAMETERS" when heading != null && heading.StartsWith("-", StringComparison.Ordinal):
                    ParameterDescriptions[heading.Substring(1)] = WithoutFencedBlocks(body);
                    break;
                case "INPUTS" when heading != null:
                    Inputs.Add(new HelpEntry(heading, text));
                    break;
                case "OUTPUTS" when heading != null:
                    OutputDescriptions[heading] = text;
                    break;
                case "NOTES":
                    Notes = text;
                    break;
            }
        }

        private static HelpExample ParseExample(string heading, List<string> body)
        {
            var colon = heading.IndexOf(':');
            var title = heading.StartsWith("Example ", StringComparison.Ordinal) && colon > 0 ? heading.Substring(colon + 1).Trim() : heading;
            var start = body.FindIndex(l => l.StartsWith(Fence, StringComparison.Ordinal));
            var end = start < 0 ? -1 : body.FindIndex(start + 1, l => l.StartsWith(Fence, StringComparison.Ordinal));
            if (start < 0 || end < 0)
            {
                return new HelpExample(title, string.Empty, string.Join("\n", body).Trim('\n', ' '));
            }

            var code = string.Join("\n", body.Skip(start + 1).Take(end - start - 1));
            var remarks = string.Join("\n", body.Skip(end + 1)).Trim('\n', ' ');
            return new HelpExample(title, code, remarks);
        }

        private static string WithoutFencedBlocks(List<string> body)
        {
            var kept = new List<string>();
            var inFence = false;
            foreach (var line in body)
            {
                if (line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence)
                {
                    kept.Add(line);
                }
            }

            return string.Join("\n", kept).Trim('\n', ' ');
        }
    }
}
