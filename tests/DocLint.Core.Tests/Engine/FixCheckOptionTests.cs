using DocLint.Core.Engine;
using DocLint.Core.Rules;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Engine;

public class FixCheckOptionTests
{
    private static readonly RuleSet SwapAndJudge = LoadOk(
        ("DL9001.swap.yaml", "id: DL9001\nname: swap\nkind: substitution\nmessage: m\nswap:\n  fiasco: failure\n"),
        ("DL9002.judge.yaml", "id: DL9002\nname: judge\nkind: existence\nmessage: m\nterms: [utter failure]\n"));

    private static IEnumerable<(int Column, string? Fix)> Fixes(LintOptions options) =>
        [.. LintFile(SwapAndJudge, options, "Headline\n\nIt was an utter fiasco. It was a fiasco.\n")
            .Where(d => d.Id == "DL9001")
            .Select(d => (d.LineSpan.Start.Character + 1, d.Fix?.NewText))];

    [Fact]
    public void Fixes_are_checked_by_default_and_a_fix_that_would_be_reported_is_dropped()
    {
        Fixes(new LintOptions()).Should().Equal((17, null), (34, "failure"));
    }

    [Fact]
    public void Without_the_check_the_findings_are_the_same_and_no_fix_is_tried()
    {
        Fixes(new LintOptions { CheckFixes = false }).Should().Equal((17, "failure"), (34, "failure"));
    }
}
