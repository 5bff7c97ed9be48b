using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PlatformFlow.Tests.Help
{
    /// <summary>
    /// The about_ topics (docs/about/*.md) are complete, and the text files the module ships (src/PlatformFlow/en-US) are
    /// generated from them. PLATFORMFLOW_UPDATE_HELP=1 rewrites the text files, as it does the cmdlet help.
    /// </summary>
    public sealed class AboutTopicTests
    {
        private static readonly bool Updating = Environment.GetEnvironmentVariable("PLATFORMFLOW_UPDATE_HELP") == "1";

        public static TheoryData<string> Topics()
        {
            var data = new TheoryData<string>();
            foreach (var name in AboutTopic.Names())
            {
                data.Add(name);
            }

            return data;
        }

        [Fact]
        public void The_module_has_its_two_about_topics_and_ships_no_other()
        {
            Assert.Equal(new[] { "about_PlatformFlow", "about_PlatformFlow_Emulator" }, AboutTopic.Names());
            var shipped = Directory.GetFiles(AboutTopic.HelpFolder, "about_*.help.txt").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(AboutTopic.Names().Select(n => n + ".help.txt"), shipped);
        }

        [Theory]
        [MemberData(nameof(Topics))]
        public void The_shipped_text_is_generated_from_the_page(string name)
        {
            var rendered = AboutTopic.Render(File.ReadAllText(AboutTopic.SourcePath(name)));
            if (Updating)
            {
                File.WriteAllText(AboutTopic.HelpPath(name), rendered);
            }

            Assert.True(File.Exists(AboutTopic.HelpPath(name)), name + ".help.txt is missing: run the help tests once with PLATFORMFLOW_UPDATE_HELP=1.");
            Assert.True(
                rendered == File.ReadAllText(AboutTopic.HelpPath(name)).Replace("\r\n", "\n"),
                name + ".help.txt is out of step with docs/about/" + name + ".md: run the help tests once with PLATFORMFLOW_UPDATE_HELP=1.");
        }

        [Theory]
        [MemberData(nameof(Topics))]
        public void The_page_names_its_topic_and_has_the_sections_of_an_about_topic(string name)
        {
            var markdown = File.ReadAllText(AboutTopic.SourcePath(name));
            var sections = AboutTopic.Sections(markdown);

            Assert.StartsWith("# " + name + "\n", markdown.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.Equal(new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" }, sections.Take(2));
            Assert.Equal("SEE ALSO", sections.Last());
            Assert.All(sections, s => Assert.Equal(s.ToUpperInvariant(), s));
        }

        [Fact]
        public void Rendering_wraps_prose_hangs_list_items_and_keeps_code_as_written()
        {
            var text = AboutTopic.Render("# about_X\n\n## SHORT DESCRIPTION\n\nOne `short` line.\n\n## LONG DESCRIPTION\n\n" + new string('a', 40) + " " + new string('b', 40) + "\n\n- item\n  goes on\n\n```powershell\nGet-Thing |\n    Set-Thing\n```\n");

            Assert.Equal(
                "TOPIC\n    about_X\n\nSHORT DESCRIPTION\n    One short line.\n\nLONG DESCRIPTION\n    " + new string('a', 40) + "\n    " + new string('b', 40) + "\n\n    - item goes on\n\n        Get-Thing |\n            Set-Thing\n\n",
                text + "\n");
        }
    }
}
