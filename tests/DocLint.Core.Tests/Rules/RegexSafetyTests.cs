using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Rules;

public class RegexSafetyTests
{
    [Fact]
    public void Patterns_run_on_the_linear_engine_when_their_syntax_allows()
    {
        RegexFactory.IsLinear(RegexFactory.CreateForPattern("(a+)+$", caseSensitive: false)).Should().BeTrue();
        RegexFactory.IsLinear(RegexFactory.CreateForPattern(@"(\w)\1", caseSensitive: false)).Should().BeFalse("backreferences need the backtracking engine");
    }

    [Fact]
    public void A_nested_quantifier_that_would_backtrack_catastrophically_completes_on_the_linear_engine()
    {
        var rules = LoadOk(("DL9001.evil.yaml", "id: DL9001\nname: evil\nkind: existence\nvoice: any\nscope: document\nmessage: m\npatterns: ['(a+)+$']\n"));

        Lint(rules, new string('a', 50_000) + "!").Should().BeEmpty();
    }

    [Fact]
    public void A_pattern_that_backtracks_badly_on_the_interpreter_moves_to_the_linear_engine_and_completes()
    {
        var regex = PatternRegex.ForPattern("(a+)+$", caseSensitive: false);
        var text = new string('a', 50_000) + "!";
        var spans = new List<TextSpan>();

        regex.Scan(text, new TextSpan(0, text.Length), spans);

        spans.Should().BeEmpty();
        regex.IsFinal.Should().BeTrue("the scan exceeded the interpreter's short time limit");
    }

    [Fact]
    public void A_pattern_moves_to_its_final_engine_after_enough_scans_and_finds_the_same_matches_on_both()
    {
        var regex = PatternRegex.ForPattern(@"\b(?:an?|the)\s+(?<match>senior\s+official)s?\b", caseSensitive: false);
        const string text = "The senior officials said. A senior official, the SENIOR  official.";
        List<TextSpan> ScanAll()
        {
            var spans = new List<TextSpan>();
            regex.Scan(text, new TextSpan(0, text.Length), spans);
            return spans;
        }

        var first = ScanAll();
        for (var i = 1; i < PatternRegex.ScansBeforeFinal; i++)
        {
            ScanAll().Should().Equal(first);
        }

        regex.IsFinal.Should().BeFalse();
        ScanAll().Should().Equal(first);
        regex.IsFinal.Should().BeTrue();
        first.Select(s => text.Substring(s.Start, s.Length)).Should().Equal("senior official", "senior official", "SENIOR  official");
    }

    [Fact]
    public void A_backtracking_pattern_that_times_out_becomes_DL0004_and_the_rule_is_skipped_for_the_file()
    {
        // A backreference forces the backtracking engine; (a|aa)+ on a long run of a's then explodes.
        var rules = LoadOk(("DL9001.evil.yaml", "id: DL9001\nname: evil\nkind: existence\nvoice: any\nscope: document\nmessage: m\npatterns: ['^(a|aa)+(b)\\2$']\n"));

        var diagnostic = Lint(rules, new string('a', 5_000) + "c").Should().ContainSingle().Subject;

        diagnostic.Id.Should().Be("DL0004");
        diagnostic.Message.Should().StartWith("rule DL9001 was skipped for this file: its pattern '^(a|aa)+(b)\\2$' took longer than 2 s");
    }
}
