using System.Text.RegularExpressions;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>
/// A Vale pattern bound for the linear-time automaton, whose matches cannot depend on the engine, searches on the
/// backtracking interpreter until the automaton pays for itself: only the time differs.
/// </summary>
public sealed class InterpreterFirstTests
{
    private const string Text = "We quickly and gladly agreed, but only partly, and then hastily left.";

    [Fact]
    public void A_pattern_bound_for_the_automaton_searches_on_the_interpreter_and_builds_nothing_for_a_few_searches()
    {
        // A threshold no test run reaches: a cold first search can take a few milliseconds.
        var pattern = new ValePattern(@"(?i)\b\w+ly\b", RegexOptions.None, TimeSpan.FromHours(1));

        pattern.IsProbing.Should().BeTrue();
        pattern.AllMatches(Text).Select(m => m.Value).Should().Equal("quickly", "gladly", "only", "partly", "hastily");
        pattern.Count(Text).Should().Be(5);
        pattern.IsMatch("nothing here").Should().BeFalse();
        pattern.MatchAt(Text, 15).Value.Should().Be("gladly");
        pattern.MatchAt(Text, 16).Value.Should().Be("only", "the search starts at the position, within a word");
        var found = new List<(int Index, int Length)>();
        pattern.Collect(Text, found);
        found.Should().Equal((3, 7), (15, 6), (34, 4), (39, 6), (56, 7));
        pattern.IsBuilt.Should().BeFalse("a few short searches cost less than building the automaton");
        pattern.Relaxed.Should().BeNull("a pattern on the automaton needs no relaxation, and asking builds nothing");
        pattern.IsBuilt.Should().BeFalse();
    }

    [Fact]
    public void A_pattern_the_interpreter_has_spent_enough_time_on_moves_to_the_automaton_and_finds_the_same_matches()
    {
        var pattern = new ValePattern(@"(?i)\b\w+ly\b", RegexOptions.None, TimeSpan.FromMilliseconds(1));
        var text = string.Concat(Enumerable.Repeat(Text + " ", 200));
        var first = pattern.AllMatches(text).Select(m => (m.Index, m.Length)).ToList();

        for (var i = 0; i < 100_000 && pattern.IsProbing; i++)
        {
            pattern.Count(text);
        }

        pattern.IsBuilt.Should().BeTrue();
        pattern.Regex.Options.Should().HaveFlag(RegexOptions.NonBacktracking);
        pattern.AllMatches(text).Select(m => (m.Index, m.Length)).Should().Equal(first);
        first.Should().HaveCount(1000);
    }

    [Fact]
    public void A_search_that_backtracks_too_long_on_the_interpreter_is_redone_on_the_automaton()
    {
        // Ten repetitions in a row that overlap: the interpreter tries every way to share the a's among them before failing.
        var pattern = new ValePattern(@"^[a-z]*[a-m]*[a-z]*[a-m]*[a-z]*[a-m]*[a-z]*[a-m]*[a-z]*[a-m]*!", RegexOptions.None, TimeSpan.FromHours(1));
        var text = new string('a', 60) + " !";

        pattern.IsProbing.Should().BeTrue();
        pattern.IsMatch(text).Should().BeFalse();
        pattern.IsBuilt.Should().BeTrue("the interpreter's search timed out, so the pattern moved to the automaton for good");
        pattern.IsMatch("aaa!").Should().BeTrue();
        pattern.AllMatches("ab!").Select(m => (m.Index, m.Length)).Should().Equal((0, 3));
    }

    [Theory]
    [InlineData(@"(?:\d+|\da*)\wb", "1é1abbb1", "1ab")]
    [InlineData(@"(?:a|ab)+b", "ababb", "ab ab")]
    [InlineData(@"\b(?:a|aa)+\b", "aaa a", "aaa a")]
    [InlineData(@"\b(?:\w+ )+now", "so and now", "so and now")]
    public void A_pattern_whose_matches_the_automaton_may_end_elsewhere_runs_on_the_backtracking_engine_as_in_Vale(string regex, string text, string matches)
    {
        // On "1é1abbb1" the linear-time engine finds "1abb", the interpreter and Vale "1ab".
        var pattern = new ValePattern(regex);

        pattern.IsProbing.Should().BeFalse();
        BoundedPattern.MayEndMatchesElsewhereOnLinearEngine(regex, RegexOptions.CultureInvariant).Should().BeTrue();
        string.Join(' ', pattern.AllMatches(text).Select(m => m.Value)).Should().Be(matches);
        pattern.Regex.Options.HasFlag(RegexOptions.NonBacktracking).Should().BeFalse();
    }

    [Theory]
    [InlineData(@"(?i)\b\w+ly\b")]
    [InlineData(@"\b(?:ab)+c")]
    [InlineData(@"[(|)+]\w+")]
    [InlineData(@"(?:ab|a+)b")]
    [InlineData(@"\b(?:is|are|was|were|has\s+been|have\s+been)\s+\w+")]
    public void A_pattern_whose_matches_cannot_depend_on_the_engine_starts_on_the_interpreter(string regex)
    {
        var pattern = new ValePattern(regex);

        pattern.IsProbing.Should().BeTrue();
        RegexFactory.BuildsAutomaton(regex, RegexOptions.CultureInvariant).Should().BeTrue();
    }

    [Fact]
    public void A_pattern_with_lookaround_searches_without_its_relaxation_at_first_and_finds_the_same_matches()
    {
        var pattern = new ValePattern(@"\b\w+ly(?=,)", RegexOptions.None, TimeSpan.FromHours(1));

        pattern.IsProbing.Should().BeFalse("lookaround runs on the backtracking engine");
        pattern.MayMatch("ly, then").Should().BeTrue("the relaxation (a word before 'ly,') is not used until the backtracking engine has spent time on the pattern");
        pattern.Matches("ly, then").Should().BeEmpty();
        pattern.Matches(Text).Select(m => m.Value).Should().Equal("partly");
        pattern.Relaxed.Should().NotBeNull();
        pattern.MayMatch("ly, then").Should().BeFalse("once built, the relaxation turns the text away");
        pattern.Matches(Text).Select(m => m.Value).Should().Equal("partly");
    }
}
