using System.Text.RegularExpressions;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Rules.Loading;
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
    public void Every_pattern_of_the_built_in_packs_runs_on_the_linear_engine()
    {
        static IEnumerable<MatcherSpec> Specs(RuleDefinition rule) =>
            new[] { rule.Match, rule.Exceptions, rule.If, rule.Requires, rule.Select.Cues }
                .Concat(rule.When.Concat(rule.Unless).Select(c => c switch
                {
                    WordsCondition words => words.Words,
                    AttributionCondition attribution => attribution.Selector.Cues,
                    _ => MatcherSpec.Empty,
                }));

        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!.Rules;
        var patterns = rules.SelectMany(r => Specs(r.Definition).SelectMany(s => s.Patterns).Select(p => (r.Id, p.Pattern, r.Definition.CaseSensitive))).ToList();

        patterns.Should().HaveCountGreaterThan(50);
        patterns.Where(p => !RegexFactory.IsLinear(RegexFactory.CreateForPattern(p.Pattern, p.CaseSensitive)))
            .Select(p => $"{p.Id}: {p.Pattern}")
            .Should().BeEmpty("a lookaround or a backreference needs the backtracking engine: say it as an exception or a condition instead");
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
    public void A_pattern_moves_to_its_final_engine_once_the_interpreters_time_would_have_paid_for_it_and_finds_the_same_matches_on_both()
    {
        var regex = PatternRegex.ForPattern(@"\b(?:an?|the)\s+(?<match>senior\s+official)s?\b", caseSensitive: false);
        var text = string.Concat(Enumerable.Repeat("The senior officials said. A senior official, the SENIOR  official. ", 2_000));
        List<TextSpan> ScanAll()
        {
            var spans = new List<TextSpan>();
            regex.Scan(text, new TextSpan(0, text.Length), spans);
            return spans;
        }

        var first = ScanAll();
        var scans = 1;
        while (!regex.IsFinal && scans < 100_000)
        {
            ScanAll().Should().Equal(first);
            scans++;
        }

        regex.IsFinal.Should().BeTrue("whole texts of 140,000 characters soon spend the interpreter's time");
        ScanAll().Should().Equal(first);
        first.Should().HaveCount(6_000);
        first.Take(3).Select(s => text.Substring(s.Start, s.Length)).Should().Equal("senior official", "senior official", "SENIOR  official");
    }

    [Fact]
    public void A_pattern_stays_on_the_interpreter_until_its_time_there_reaches_the_threshold()
    {
        // The threshold is wall-clock time, so the test gives a generous one: a loaded machine must not move it.
        var regex = PatternRegex.ForPattern(@"\bexit\s+polls?\b", caseSensitive: false, TimeSpan.FromSeconds(30));
        const string text = "The exit polls were wrong.";
        var spans = new List<TextSpan>();

        for (var i = 0; i < 1_000; i++)
        {
            regex.Scan(text, new TextSpan(0, text.Length), spans);
        }

        regex.IsFinal.Should().BeFalse("a thousand scans of one sentence take far less than the threshold");
        spans.Should().HaveCount(1_000).And.AllBeEquivalentTo(new TextSpan(4, 10));
    }

    [Fact]
    public void A_pattern_moves_to_its_final_engine_with_the_scan_after_the_threshold_and_finds_the_same_matches()
    {
        var regex = PatternRegex.ForPattern(@"\bexit\s+polls?\b", caseSensitive: false, TimeSpan.FromTicks(1));
        const string text = "The exit polls were wrong; exit poll data.";
        var spans = new List<TextSpan>();

        regex.Scan(text, new TextSpan(0, text.Length), spans);
        regex.IsFinal.Should().BeFalse("the first scan runs on the interpreter, which is what crosses the threshold");
        regex.Scan(text, new TextSpan(0, text.Length), spans);

        regex.IsFinal.Should().BeTrue();
        spans.Should().Equal(new TextSpan(4, 10), new TextSpan(27, 9), new TextSpan(4, 10), new TextSpan(27, 9));
        PatternRegex.InterpreterTimeBeforeFinal.Should().Be(TimeSpan.FromMilliseconds(20), "about what building the automaton costs");
    }

    [Fact]
    public void A_pattern_whose_matches_the_automaton_may_end_elsewhere_keeps_to_the_interpreter_after_the_threshold()
    {
        // The automaton matches "abb" of "abb", the interpreter "ab": switching engines midway through a run would make a
        // file's findings depend on the files scanned before it.
        var regex = PatternRegex.ForPattern(@"\w(?:a+|ab)b", caseSensitive: false, TimeSpan.FromTicks(1));
        const string text = "xabb, xab";
        var spans = new List<TextSpan>();

        for (var i = 0; i < 3; i++)
        {
            regex.Scan(text, new TextSpan(0, text.Length), spans);
        }

        regex.IsFinal.Should().BeFalse();
        spans.Should().Equal(new TextSpan(0, 3), new TextSpan(6, 3), new TextSpan(0, 3), new TextSpan(6, 3), new TextSpan(0, 3), new TextSpan(6, 3));
        new Regex(@"\w(?:a+|ab)b", RegexOptions.NonBacktracking).Match(text).Length.Should().Be(4, "the automaton would end the first match later");
    }

    [Fact]
    public void A_pattern_that_keeps_to_the_interpreter_counts_against_the_files_budget_but_not_the_runs()
    {
        // A run whose backtracking budget is spent (by lookaround patterns, say): a pattern on the interpreter on its way
        // to an automaton moves there, one that keeps to the interpreter for its matches' sake (its time grows with the
        // text, as an automaton's would) stays and spends none of what the run has left.
        var run = new RegexBudget.Run();
        run.Charge(System.Diagnostics.Stopwatch.Frequency * (long)(Limits.BacktrackingPerRun.TotalSeconds + 1));
        const string text = "xabb, xab";
        var range = new TextSpan(0, text.Length);
        var keeps = PatternRegex.ForPattern(@"\w(?:a+|ab)b", caseSensitive: false);
        var probing = PatternRegex.ForPattern(@"\w(?:ab|a+)b", caseSensitive: false);
        var spans = new List<TextSpan>();

        using (new RegexBudget(run, TimeSpan.FromHours(1)).Enter())
        {
            keeps.Scan(text, range, spans);
            probing.Scan(text, range, spans);
        }

        (keeps.IsFinal, probing.IsFinal).Should().Be((false, true));
        spans.Should().Equal(new TextSpan(0, 3), new TextSpan(6, 3), new TextSpan(0, 4), new TextSpan(6, 3));

        // A file whose own budget is spent sends it to its automaton all the same, as any pattern on the interpreter.
        using (new RegexBudget(null, TimeSpan.Zero).Enter())
        {
            keeps.Scan(text, range, spans);
        }

        keeps.IsFinal.Should().BeTrue();
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
