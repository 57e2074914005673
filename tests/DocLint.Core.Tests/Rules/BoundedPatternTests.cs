using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Rules.Matching;

namespace DocLint.Core.Tests.Rules;

public class BoundedPatternTests
{
    [Theory]
    [InlineData(@"\b(?:utilize|leverage|e-mail)\b")]
    [InlineData(@"(?i)\be-?mail\b")]
    [InlineData(@"[A-Z]{2,5}\b")]
    [InlineData(@"(?<word>colou?r)s?")]
    [InlineData(@"(?i:Jan(?:uary)?|Feb(?:ruary)?)\.?")]
    [InlineData(@"\p{Lu}\u00e9[^\]a-z-[aeiou]]\x41")]
    [InlineData(@"a{3}(?#a comment)b")]
    [InlineData(@"(?:a?){12}")] // 4,096 ways: the most that is bounded
    [InlineData(@"1{,2}")] // "{,2}" is text in .NET's syntax, not a count
    public void A_pattern_with_finitely_few_ways_through_it_is_bounded(string pattern) =>
        BoundedPattern.IsBounded(pattern, RegexOptions.None).Should().BeTrue();

    [Theory]
    [InlineData(@"\w+ly\b")]
    [InlineData(@"a*")]
    [InlineData(@"(?:ab|cd){2,}")]
    [InlineData(@"(?:a?){13}")] // 8,192 ways
    [InlineData(@"a{1,5000}")]
    [InlineData(@"it is(?!\.)")]
    [InlineData(@"(?<=\s)-\d")]
    [InlineData(@"(\w)\1")]
    [InlineData(@"(?<w>a)\k<w>")]
    [InlineData(@"(?>ab)")]
    [InlineData(@"(?(a)b|c)")]
    [InlineData(@"(?<a-b>c)")]
    [InlineData(@"(?x) a b")]
    [InlineData(@"(ab")]
    public void A_pattern_that_may_repeat_without_end_look_around_or_refer_back_is_not_bounded(string pattern) =>
        BoundedPattern.IsBounded(pattern, RegexOptions.None).Should().BeFalse();

    [Fact]
    public void White_space_ignored_by_option_is_not_read()
    {
        BoundedPattern.IsBounded("a b", RegexOptions.IgnorePatternWhitespace).Should().BeFalse();
        BoundedPattern.IsBounded("a b", RegexOptions.IgnoreCase | RegexOptions.Multiline).Should().BeTrue();
    }

    [Fact]
    public void The_factory_builds_a_bounded_pattern_on_the_interpreter_without_a_time_limit_and_others_on_the_linear_engine()
    {
        var words = RegexFactory.CreateLinearOrBacktracking(@"\b(?:utilize|leverage)\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        var suffix = RegexFactory.CreateLinearOrBacktracking(@"\b\w+ly\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        var lookahead = RegexFactory.CreateLinearOrBacktracking(@"it is(?!\.)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));

        (words.Options.HasFlag(RegexOptions.NonBacktracking), words.MatchTimeout, RegexFactory.IsLinear(words))
            .Should().Be((false, Regex.InfiniteMatchTimeout, true));
        (suffix.Options.HasFlag(RegexOptions.NonBacktracking), RegexFactory.IsLinear(suffix)).Should().Be((true, true));
        (lookahead.MatchTimeout, RegexFactory.IsLinear(lookahead)).Should().Be((TimeSpan.FromSeconds(10), false));
    }

    [Theory]
    [InlineData("[ab]?ab??", "bAAca abAcaaAabA", new[] { 4, 1, 6, 1, 10, 2, 13, 1 })]
    [InlineData("[ab]?b", "ébaAbaé  baab", new[] { 1, 1, 4, 1, 9, 1, 11, 2 })]
    public void A_bounded_pattern_matches_as_on_a_backtracking_engine_such_as_Vales(string pattern, string text, int[] matches)
    {
        // The linear-time engine finds neither "a" at 4 and 6 nor "b" at 4 and 9 here: it misses a match whose optional
        // first part must be given up. Backtracking, Vale's regexp2 included, tries the part empty there.
        var regex = RegexFactory.CreateLinearOrBacktracking(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        var linear = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        regex.Matches(text).SelectMany(m => new[] { m.Index, m.Length }).Should().Equal(matches);
        linear.Count(text).Should().BeLessThan(matches.Length / 2);
    }

    private static readonly string[] PatternParts =
    [
        "a", "b", "ab", " ", @"\b", @"\w", ".", "[ab]", "[^a]", "(?:", "(", "(?i:", ")", "|", "?", "??", "{2}", "{1,3}", "{2,}", "*", "+", "^", "$",
    ];

    private static readonly string[] Repeats = ["{2,}", "*", "+"];

    [Fact]
    public void A_valid_pattern_is_bounded_exactly_when_nothing_in_it_repeats_without_end_and_is_then_built_without_a_time_limit()
    {
        // Eight parts at most: too few for more than 4,096 ways, so the count is never what decides here.
        var bounded = 0;
        Gen.Int[0, PatternParts.Length - 1].Array[1, 8].Sample(parts =>
        {
            var pattern = string.Concat(parts.Select(i => PatternParts[i]));
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException)
            {
                return true; // not a pattern
            }

            var repeats = parts.Any(i => Repeats.Contains(PatternParts[i]));
            var isBounded = BoundedPattern.IsBounded(pattern, RegexOptions.None);
            if (isBounded)
            {
                Interlocked.Increment(ref bounded);
                var built = RegexFactory.CreateLinearOrBacktracking(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
                return !repeats && built.MatchTimeout == Regex.InfiniteMatchTimeout && !built.Options.HasFlag(RegexOptions.NonBacktracking);
            }

            return repeats;
        }, iter: 4000);

        bounded.Should().BeGreaterThan(500, "the generator makes bounded patterns often enough to test them");
    }
}
