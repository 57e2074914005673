using DocLint.Core.Engine;
using DocLint.Core.Rules;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Engine;

public class SuppressionTests
{
    private static readonly RuleSet Rules = LoadOk(
        ("DL9001.a.yaml", "id: DL9001\nname: a\nkind: existence\nmessage: m\nterms: [slammed]\n"),
        ("DL9002.b.yaml", "id: DL9002\nname: b\nkind: existence\nmessage: m\nterms: [gutted]\n"));

    /// <summary>Each finding as "line id" with "(suppressed)" when a directive silenced it.</summary>
    private static string[] Lint(string path, string text) =>
        [.. new LintEngine(Rules).LintText(path, text).Diagnostics.Select(d => $"{d.LineSpan.Start.Line + 1} {d.Id}{(d.IsSuppressed ? " (suppressed)" : "")}")];

    [Fact]
    public void Disable_and_restore_bracket_a_region_for_the_named_rule_only()
    {
        Lint("a.md", "slammed gutted\n\n<!-- doclint-disable DL9001 -->\n\nslammed gutted\n\n<!-- doclint-restore DL9001 -->\n\nslammed\n")
            .Should().Equal("1 DL9001", "1 DL9002", "5 DL9001 (suppressed)", "5 DL9002", "9 DL9001");
    }

    [Fact]
    public void Without_ids_a_directive_covers_every_rule_and_the_latest_directive_wins()
    {
        Lint("a.md", "<!-- doclint-disable -->\n\nslammed gutted\n\n<!-- doclint-restore DL9002 -->\n\nslammed gutted\n")
            .Should().Equal("3 DL9001 (suppressed)", "3 DL9002 (suppressed)", "7 DL9001 (suppressed)", "7 DL9002");
    }

    [Fact]
    public void Next_line_and_same_line_directives()
    {
        Lint("a.md", "<!-- doclint-disable-next-line DL9001 -->\nslammed gutted\n\nslammed <!-- doclint-disable-line -->\n\nslammed\n")
            .Should().Equal("2 DL9001 (suppressed)", "2 DL9002", "4 DL9001 (suppressed)", "6 DL9001");
    }

    [Fact]
    public void Plain_text_takes_the_same_words_on_a_line_of_their_own()
    {
        Lint("a.txt", "Headline\n\ndoclint-disable-next-line DL9001\nslammed and gutted.\n\nslammed again.\n")
            .Should().Equal("4 DL9001 (suppressed)", "4 DL9002", "6 DL9001");
    }

    [Fact]
    public void An_unknown_rule_in_a_directive_is_DL0003_at_the_directive()
    {
        var diagnostics = new LintEngine(Rules).LintText("a.md", "Text.\n\n<!-- doclint-disable DL9999 -->\n").Diagnostics;

        var d = diagnostics.Should().ContainSingle().Subject;
        (d.Id, d.LineSpan.Start.Line, d.LineSpan.Start.Character, d.Message).Should().Be(
            ("DL0003", 2, 0, "unknown rule 'DL9999' in a doclint directive; 'doclint rules list' shows the rules"));
    }

    [Fact]
    public void A_directive_inside_a_code_block_is_an_example_not_an_instruction()
    {
        Lint("a.md", "```\n<!-- doclint-disable -->\n```\n\nslammed\n").Should().Equal("5 DL9001");
    }
}
