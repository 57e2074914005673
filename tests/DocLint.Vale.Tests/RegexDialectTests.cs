using DocLint.Core.Rules.Matching;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>What Go writes differently from .NET, rewritten; what both write alike, kept.</summary>
public sealed class RegexDialectTests
{
    [Theory]
    [InlineData(@"(?P<word>\w+)", @"(?<word>\w+)")]
    [InlineData(@"[[:alpha:]]+", @"[\p{L}]+")]
    [InlineData(@"[[:digit:][:upper:]]", @"[\d\p{Lu}]")]
    [InlineData(@"\Qa.b*c\E+", @"a\.b\*c+")]
    [InlineData(@"\x{2014}", @"\u2014")]
    [InlineData(@"(?i)\bfoo(?=bar)\b", @"(?i)\bfoo(?=bar)\b")]
    [InlineData(@"\z", @"\z")]
    public void Go_syntax_is_rewritten(string vale, string dotnet) => ValeRegex.Translate(vale).Should().Be(dotnet);

    [Theory]
    [InlineData(@"(?P<w>é\w+)", "x éte y", "éte")]
    [InlineData(@"[[:alpha:]]+\d", "ab1", "ab1")]
    [InlineData(@"\Q(C)\E", "a (C) b", "(C)")]
    [InlineData(@"\bnaïve\b", "a naïve b", "naïve")]
    public void Rewritten_patterns_match_as_in_vale(string vale, string text, string match) =>
        ValeRegex.Compile(vale).Match(text).Value.Should().Be(match);

    [Fact]
    public void Lookaround_and_backreferences_run_on_the_backtracking_engine() =>
        ValeRegex.Compile(@"\b(\w+) \1\b(?! end)").Matches("the the cat and and end").Select(m => m.Value).Should().Equal("the the");

    [Theory]
    [InlineData(@"(?i)(?m)\b(?:was|were|been)\b\s+\w+ed\b")]
    [InlineData(@"(?m)(?:[[:upper:]]{2,}s?)")]
    [InlineData(@"(?i)(?m)\b(?:(?<vale0>utilize)|(?<vale1>e-mail))\b")]
    public void Go_syntax_runs_on_the_linear_engine_with_no_time_limit(string vale)
    {
        var regex = ValeRegex.Compile(vale, System.Text.RegularExpressions.RegexOptions.ExplicitCapture);
        (RegexFactory.IsLinear(regex), regex.MatchTimeout, ValeRegex.NeedsBacktracking(vale)).Should().Be((true, System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, false));
    }

    [Theory]
    [InlineData(@"'that''s(?=\.)'")]
    [InlineData(@"(?<=\s)-\d+")]
    [InlineData(@"\b(\w+) \1\b")]
    public void Lookaround_and_backreferences_keep_the_backtracking_engine_and_its_time_limit(string vale)
    {
        var regex = ValeRegex.Compile(vale);
        (RegexFactory.IsLinear(regex), regex.MatchTimeout, ValeRegex.NeedsBacktracking(vale)).Should().Be((false, ValeRegex.Timeout, true));
    }

    [Fact]
    public void Named_groups_report_which_alternative_matched_on_the_linear_engine()
    {
        var regex = ValeRegex.Compile(@"(?i)(?m)\b(?:(?<vale0>e-mail)|(?<vale1>utilize))\b", System.Text.RegularExpressions.RegexOptions.ExplicitCapture);
        var m = regex.Match("Please Utilize it.");
        (RegexFactory.IsLinear(regex), m.Groups["vale0"].Success, m.Groups["vale1"].Value, m.Index).Should().Be((true, false, "Utilize", 7));
    }

    [Fact]
    public void Word_template_puts_case_flag_first_and_raw_where_append_says() =>
        (ValeRule.WordPattern("a|b", ignoreCase: true, word: true, raw: "x", append: true), ValeRule.WordPattern("a", ignoreCase: false, word: false, raw: "y"))
            .Should().Be((@"(?i)(?m)\b(?:a|b)\bx", "y(?m)(?:a)"));

    [Fact]
    public void Message_formatting_fills_each_placeholder_in_turn_only_when_there_are_enough_values()
    {
        ValeRule.FormatMessage("Use '%s' instead of '%s'.", "a", "b").Should().Be("Use 'a' instead of 'b'.");
        ValeRule.FormatMessage("Use '%s' instead of '%s'.", "a").Should().Be("Use '%s' instead of '%s'.");
        // Vale counts every '%' against the values, "%%" included.
        ValeRule.FormatMessage("100%% sure about '%s'", "x").Should().Be("100%% sure about '%s'");
        ValeRule.FormatMessage("100%% sure about '%s'", "x", "y", "z").Should().Be("100% sure about 'x'");
    }
}
