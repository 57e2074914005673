using System.Text;
using System.Text.Json;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class MarkupEndToEndTests
{
    [Fact]
    public void A_markdown_file_with_a_bom_crlf_and_emoji_reports_utf16_columns_from_after_the_bom()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# Title\r\n\r\n😀 They **slammed** it. © Courier\r\n")]);

        var result = CliRunner.Run(folder.Path, "check", "a.md", "--relative-paths");

        // 😀 is two UTF-16 code units (columns 1-2), then " They " (3-8) and "**" (9-10): "slammed" starts at column 11.
        result.Out.Should().Be("a.md(3,11,3,18): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void Loaded_terms_in_code_urls_and_quotations_stay_quiet_in_link_text_headings_and_captions_they_do_not()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "# Critics slammed the plan\n\nNot `slammed`, nor [x](https://x.org/slammed), nor “slammed”. But [it was slammed](https://x.org).\n\n© Courier\n");

        var result = CliRunner.Run(folder.Path, "check", "a.md", "--relative-paths");

        result.Out.Should().Be(
            "a.md(1,11,1,18): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n"
            + "a.md(3,75,3,82): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void Raw_html_in_markdown_is_read_as_html_its_text_linted_its_markup_not()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "# Title\n\n<figure><img src=\"slammed.png\"><figcaption>Rebels gutted the town.</figcaption></figure>\n\n<div class=\"slammed\">They slammed it &amp; left.</div>\n\n© Courier\n");

        var result = CliRunner.Run(folder.Path, "check", "a.md", "--relative-paths");

        result.Out.Should().Be(
            "a.md(3,51,3,57): warning DL3001: 'gutted' is a loaded term; consider 'devastated' or 'severely damaged'.\n"
            + "a.md(5,27,5,34): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void Suppressed_findings_are_counted_hidden_from_text_and_listed_in_sarif()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "Title\n\n<!-- doclint-disable-next-line DL3001 -->\nThey slammed it.\n\nThey gutted it. © Courier\n");

        var text = CliRunner.Run(folder.Path, "check", "a.md", "--relative-paths");
        var sarif = CliRunner.Run(folder.Path, "check", "a.md", "--format", "sarif");

        text.Out.Should().Be("a.md(6,6,6,12): warning DL3001: 'gutted' is a loaded term; consider 'devastated' or 'severely damaged'.\n");
        text.Error.Should().Be("1 warning in 1 file, 1 suppressed finding (0.3 seconds)\n");
        using var log = JsonDocument.Parse(sarif.Out);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), r.GetProperty("suppressions").GetArrayLength()))
            .ToList();
        results.Should().Equal((4, 1), (6, 0));
    }
}
