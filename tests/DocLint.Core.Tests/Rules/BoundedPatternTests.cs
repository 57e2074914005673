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
    [InlineData(@"a{2000}")] // one way, but longer than a count of 1,000: read as a repetition without end
    [InlineData(@"(?:a|aa){0,1000000}c")] // a count of seven digits is a count
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

    [Theory]
    [InlineData(@",?\w+")]
    [InlineData(@"(?:,?)\w+")]
    [InlineData(@"(?:,|)\w+")]
    [InlineData(@",{0,1}\w+")]
    [InlineData(@"\w*\s*\b")] // no optional part, but it can match the empty string
    [InlineData(@",*\w* +")] // its first element can be skipped
    [InlineData(@"a(?:b?)+")]
    [InlineData(@" \b(?:a )?")] // an optional part of two characters after \b
    [InlineData(@"a\Ba?")] // any optional part after \B
    [InlineData(@"\d(?:a|\B)\d?")] // after an alternative that can be \B
    [InlineData(@"(?:, +\b| \B)+")] // a repeated anchor
    [InlineData(@".+?,?b")] // an optional part after a lazy quantifier
    [InlineData(@"(?:,+\w+?)+[ab]")] // a repeated lazy quantifier
    [InlineData(@"a+(?:,??|)")] // a lazy quantifier among alternatives
    [InlineData(@"\w+,?a(?:,?a)??")] // a lazy optional part that opens with an optional element
    [InlineData(@"(?x),?\w+")] // what the reading does not follow
    [InlineData(@"it is(?!\.)")]
    public void A_pattern_of_a_shape_the_linear_engine_mishandles_may_lose_matches_there(string pattern) =>
        BoundedPattern.MayDropMatchesOnLinearEngine(pattern, RegexOptions.None).Should().BeTrue();

    [Theory]
    [InlineData(@"(?:a+|ab)b", "abb", "ab", "abb")] // a choice of length before a branch that may start alike
    [InlineData(@"(?:a{1,2}|ab)b", "abb", "ab", "abb")]
    [InlineData(@"(?:(?:a1|a)|ab)b", "abb", "ab", "abb")]
    [InlineData(@"(?:ac|a|ab)b", "abb acb", "ab acb", "abb acb")] // three branches that may start alike, of different lengths
    [InlineData(@"(?:a1|(?:a|ab))b", "abb", "ab", "abb")]
    [InlineData(@"(?:\wc\s|\w|b\w+)\w", "b1bbab", "b1 bb ab", "b1bbab")]
    [InlineData(@"b+(?:a\w1|a|(?:ab)+)?\w", "baba1ab", "bab", "baba")]
    [InlineData(@"(?:a|ab)+b", "ababb", "ab ab", "ababb")] // a repetition of branches that may start alike
    [InlineData(@"b(?:\w{1,2}\w)+a", "babbaab", "babba", "babbaa")] // a repetition of a choice of length
    [InlineData(@"(?:ac|a|ab)\w", "abb", "ab", "abb")] // what follows may go on where the shorter stopped
    public void A_pattern_whose_alternatives_the_linear_engine_ranks_otherwise_may_end_matches_elsewhere_there(string pattern, string text, string backtracking, string linear)
    {
        BoundedPattern.MayEndMatchesElsewhereOnLinearEngine(pattern, RegexOptions.None).Should().BeTrue();
        string.Join(' ', Regex.Matches(text, pattern).Select(m => m.Value)).Should().Be(backtracking);
        string.Join(' ', new Regex(pattern, RegexOptions.NonBacktracking).Matches(text).Select(m => m.Value)).Should().Be(linear);
    }

    [Theory]
    [InlineData(@"(?:ab|a+)b")] // the choice of length comes last
    [InlineData(@"(?:a|ab)b")] // two branches of fixed length
    [InlineData(@"(?:ac|a|ab)$")] // nothing after the branches
    [InlineData(@"(?:a+|ab)\b")]
    [InlineData(@"\b(?:in|in order|in order to)\b")]
    [InlineData(@"\b(?:an?|the)\s+\w+")] // branches that start with literals of their own
    [InlineData(@"\b(?:the|a|an|their|his|her)\s+\w+")] // "the" or "their": a space rules one out
    [InlineData(@"\b(?:in|into|to)\b\s*\w")] // "in" or "into": a word boundary rules one out
    [InlineData(@"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+\w+")]
    [InlineData(@"(?i)\b\w+ly\b")]
    public void A_pattern_without_such_alternatives_ends_its_matches_on_the_linear_engine_where_the_backtracking_engine_does(string pattern) =>
        BoundedPattern.MayEndMatchesElsewhereOnLinearEngine(pattern, RegexOptions.None).Should().BeFalse();

    [Theory]
    [InlineData(@"\w+ly\b")]
    [InlineData(@"(?i)\b\w+,*")]
    [InlineData(@"\w+ ?")]
    [InlineData(@"\bexit\s+polls?\b")]
    [InlineData(@"(?i)\b(?:\w+)nised?\b")]
    [InlineData(@"(?m)(?:[a-z][.?!] {2,}[A-Z]|[a-z][.?!][A-Z])")]
    [InlineData(@"(?i)\b(?:,*\w+|a)")] // an anchor before the first element pins where a match begins
    [InlineData(@"(?m:^)[ \t]*copyright\b")]
    [InlineData(@"(?:^|[\s(]),?\w+")]
    [InlineData(@"Getty\b[^\n]*")] // one optional character after \b
    [InlineData(@"\b(?:paint|cast)\w*\b[^.!?]{0,60}?\bas\b")] // what follows the lazy quantifier is not optional
    [InlineData(@"a+()b")] // an empty group matches nothing, anywhere
    [InlineData(@"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)")]
    public void A_pattern_without_one_is_left_to_the_linear_engine(string pattern) =>
        BoundedPattern.MayDropMatchesOnLinearEngine(pattern, RegexOptions.None).Should().BeFalse();

    [Theory]
    [InlineData(@",?\w+", ",\n\nx\n,,AA,é a", new[] { 3, 1, 6, 3, 9, 2, 12, 1 })]
    [InlineData(@"a?b+c*", "xa é \nbab  ", new[] { 6, 1, 7, 2 })]
    [InlineData(@"(?:,|)\w+", "xé, é\néAAé", new[] { 0, 2, 4, 1, 6, 4 })]
    [InlineData(@",*\w* +", "ax\nAaA ,  a ", new[] { 3, 4, 7, 3, 10, 2 })]
    public void An_unbounded_pattern_that_can_skip_its_first_element_runs_on_the_backtracking_engine_and_finds_every_match(string pattern, string text, int[] matches)
    {
        var vale = RegexFactory.CreateLinearOrBacktracking(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        var rule = RegexFactory.CreateForPattern(pattern, caseSensitive: true);
        var linear = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

        (vale.Options.HasFlag(RegexOptions.NonBacktracking), vale.MatchTimeout).Should().Be((false, TimeSpan.FromSeconds(10)));
        (rule.Options.HasFlag(RegexOptions.NonBacktracking), rule.MatchTimeout).Should().Be((false, RegexFactory.PatternTimeout));
        vale.Matches(text).SelectMany(m => new[] { m.Index, m.Length }).Should().Equal(matches);
        rule.Matches(text).SelectMany(m => new[] { m.Index, m.Length }).Should().Equal(matches);
        linear.Count(text).Should().BeLessThan(matches.Length / 2, "the linear-time engine drops a match of this pattern in this text");
    }

    [Fact]
    public void A_pattern_left_to_the_linear_engine_finds_the_matches_the_backtracking_engine_finds()
    {
        // Random patterns of the parts below and random texts of the characters they name: wherever the factory chooses
        // the linear-time engine, its matches are the backtracking interpreter's, Vale's semantics.
        var linear = 0;
        var texts = Gen.Char["ab ,\nAé1"].Array[0, 12].Select(c => new string(c)).Array[24];
        Gen.Select(Gen.Int[0, RepeatingParts.Length - 1].Array[1, 7], texts).Sample((parts, samples) =>
        {
            var pattern = string.Concat(parts.Select(i => RepeatingParts[i]));
            Regex backtracking;
            try
            {
                backtracking = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return true; // not a pattern
            }

            var chosen = RegexFactory.CreateLinearOrBacktracking(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!chosen.Options.HasFlag(RegexOptions.NonBacktracking))
            {
                return true;
            }

            Interlocked.Increment(ref linear);
            return samples.All(text => chosen.Matches(text).Select(m => (m.Index, m.Length))
                .SequenceEqual(backtracking.Matches(text).Select(m => (m.Index, m.Length))));
        }, iter: 10000);

        linear.Should().BeGreaterThan(200, "the generator makes patterns for the linear engine often enough to test them");
    }

    [Fact]
    public void Alternatives_left_to_the_linear_engine_end_their_matches_where_the_backtracking_engine_does()
    {
        // Random alternations of short branches that often start alike, with what may come before and after them: the
        // shapes on which the linear-time engine may take a later branch than the backtracking engines do.
        Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);
        var atom = Gen.Select(Pick("a", "b", "1", @"\w", "ab", "a"), Pick("", "", "", "+", "?", "{1,2}"), (a, q) => a + q);
        var branch = atom.Array[1, 3].Select(string.Concat);
        var group = Gen.Select(branch.Array[2, 4], Pick("", "", "?", "+", "{1,3}"), (b, q) => "(?:" + string.Join('|', b) + ")" + q);
        var patterns = Gen.Select(Pick("", "", "b+", @"\b", "a"), group, Pick("", "b", @"\w", "a", @"\b", "$", "b+", "1"), (pre, g, post) => pre + g + post);
        var texts = Gen.Char["ab1c "].Array[3, 10].Select(c => new string(c)).Array[8];
        var linear = 0;
        Gen.Select(patterns, texts).Sample((pattern, samples) =>
        {
            var chosen = RegexFactory.CreateLinearOrBacktracking(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!chosen.Options.HasFlag(RegexOptions.NonBacktracking))
            {
                return true;
            }

            Interlocked.Increment(ref linear);
            var backtracking = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return samples.All(text => chosen.Matches(text).Select(m => (m.Index, m.Length))
                .SequenceEqual(backtracking.Matches(text).Select(m => (m.Index, m.Length))));
        }, iter: 3000);

        linear.Should().BeGreaterThan(100, "the generator makes patterns for the linear engine often enough to test them");
    }

    /// <summary>Parts of patterns that repeat, so that many of the patterns reach the linear engine.</summary>
    private static readonly string[] RepeatingParts =
    [
        "a", "b", ",", " ", @"\b", @"\w", @"\s", ".", "[ab]", "[^a]", "(?:", "(", ")", "|", "?", "??", "{0,2}", "{2}", "{1,3}", "{2,}", "*", "+", "*?", "+?", "^", "$",
    ];

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
