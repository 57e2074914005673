using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>The whole words a pattern cannot match without, looked up once per unit for every pattern.</summary>
public sealed class RequiredWordsTests
{
    private static ValeUnit Unit(string text) => new(text, [.. Enumerable.Range(0, text.Length + 1)], "paragraph");

    [Theory]
    [InlineData(@"\b(?:we|we'(?:ve|re)|ours?|us|let's)\b", "let our ours us we")]
    [InlineData(@"\b(?:allows?|and/or|as well as)\b", "allow allows and well")]
    [InlineData(@"\b(am|are|is|be)\b\s*\b(?:[\w]+ed|awoken|been)\b", "am are awoken be been is")]
    [InlineData(@"\b(?:app(?:lication)?s? (?:developer|program))\b", "application applications developer program")]
    [InlineData(@"\b(?:(?<vale0>(?:agent|virtual assistant))|(?<vale1>24/7)|(?<vale2>chat ?bots?))\b", "24 agent assistant chat chatbot chatbots")]
    [InlineData(@"^Note[ -]that$", "note")]
    [InlineData(@"\bNOTE\b", "note")]
    [InlineData(@"\b(?:internet bot|web robot)s?", "internet web")]
    [InlineData(@"(?:^|\s)I(?=\s)|(?:^|\s)I(?=,\s)|\bmy\b", "i my")]
    [InlineData(@"(?<=[ (])we(?=\s|$)", "we")]
    [InlineData(@"(?<!\w)e-mail(?![\w-])", "mail")]
    [InlineData(@"\bfoo\s+bar\b", "foo")]
    [InlineData(@"(?:\bwe\b,){1,3} ", "we")]
    public void A_pattern_requires_the_longest_whole_word_of_each_string_it_can_match(string pattern, string words)
    {
        RequiredWords.Derive(pattern).Should().Equal(words.Split(' '));
    }

    [Theory]
    [InlineData(@"(?:we|us)")]
    [InlineData(@"\b(?:we|\w+ly)\b")]
    [InlineData(@"\b(?:we)(?=\s?)")]
    [InlineData(@"\b(?:we)(?=s)")]
    [InlineData(@"(?<=\s)we")]
    [InlineData(@"(?<![\\w])we(?!\w)")]
    [InlineData(@"(?<![^\w])we(?!\w)")]
    [InlineData(@"\b(?:we)(?>\s)")]
    [InlineData(@"\bwe(?![\w][\w])")]
    [InlineData(@"\bwe(?![\w-]*[.])")]
    [InlineData(@"(?<![\w][.])we\b")]
    [InlineData(@"\bwe(?![\w]x|[y])")]
    [InlineData(@"[x-[a]]we\b")]
    [InlineData(@"\bcafé\b")]
    [InlineData(@"\b(?:a|)\b")]
    [InlineData(@"\bwe\b|;")]
    [InlineData(@"\bwe+\b")]
    [InlineData(@"\bwe(?#note)\b")]
    [InlineData(@"\b[a-z]\b")]
    [InlineData(@"(\bwe\b")]
    [InlineData("")]
    public void Nothing_is_required_where_a_string_has_no_word_bounded_on_both_sides(string pattern)
    {
        RequiredWords.Derive(pattern).Should().BeNull();
    }

    [Theory]
    [InlineData(@"\d{1,2}[AP]M|\d{1,2} ?[ap]m|\d{1,2} ?[aApP]\.[mM]\.", true)]
    [InlineData(@"[0-9]+%", true)]
    [InlineData(@"\b(?:v|version )[\d]", true)]
    [InlineData(@"\d*x", false)]
    [InlineData(@"\d{0,2}x", false)]
    [InlineData(@"\d|x", false)]
    [InlineData(@"[^0-9]x", false)]
    [InlineData(@"[0-8]", false)]
    public void A_pattern_whose_every_match_holds_a_digit_requires_one(string pattern, bool digit)
    {
        RequiredWords.RequiresDigit(pattern).Should().Be(digit);
    }

    [Fact]
    public void A_unit_without_a_digit_is_not_searched_by_a_pattern_that_requires_one_and_one_with_a_non_ASCII_character_always_is()
    {
        var pattern = new ValePattern(@"\d{1,2} ?[ap]m");

        pattern.HasNoPrefilter.Should().BeFalse();
        pattern.MayMatch(Unit("Meet at noon.")).Should().BeFalse();
        pattern.MayMatch(Unit("Meet at 9 am.")).Should().BeTrue();
        pattern.MayMatch(Unit("Meet at \u0669 am.")).Should().BeTrue("an Arabic-Indic digit is a \\d to the regex");
        pattern.Matches(Unit("Meet at \u0669 am.")).Select(m => m.Value).Should().Equal("\u0669 am");
    }

    [Fact]
    public void A_unit_without_a_required_word_is_not_searched_and_one_with_a_non_ASCII_letter_always_is()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:we|us)\b");

        pattern.HasNoPrefilter.Should().BeFalse();
        pattern.Words!.Words.Should().Equal("us", "we");
        pattern.MayMatch(Unit("We ship it.")).Should().BeTrue();
        pattern.MayMatch(Unit("Tell US.")).Should().BeTrue();
        pattern.MayMatch(Unit("Western users use it.")).Should().BeFalse();
        pattern.MayMatch(Unit("we_1 and us2")).Should().BeFalse();
        pattern.MayMatch(Unit("“we”")).Should().BeTrue();
        pattern.MayMatch(Unit("Él dijo")).Should().BeTrue("a non-ASCII word character is not looked up");
        pattern.Matches(Unit("Western users use it.")).Should().BeEmpty();
        pattern.Matches(Unit("We know us.")).Select(m => (m.Index, m.Value)).Should().Equal((0, "We"), (8, "us"));
    }

    [Fact]
    public void Patterns_share_a_table_only_within_one_scope_so_another_style_set_never_blurs_a_filter()
    {
        // 300 patterns in one shared table: their bits wrap around (128), which only lets more units through there.
        var table = new WordTable();
        using (WordTable.Share(table))
        {
            for (var i = 0; i < 300; i++)
            {
                _ = new ValePattern($@"\b(?:western|w{i})\b");
            }
        }

        var alone = new ValePattern(@"(?i)\b(?:we|us)\b");
        alone.MayMatch(Unit("Western users use it.")).Should().BeFalse();
        alone.MayMatch(Unit("We ship it.")).Should().BeTrue();
    }

    [Fact]
    public void Characters_that_are_never_word_characters_agree_with_the_regex_engine()
    {
        var word = new Regex(@"\w", RegexOptions.CultureInvariant);
        var boundary = new Regex(@"a\b", RegexOptions.CultureInvariant);
        for (var c = 0; c < 0x10000; c++)
        {
            var ch = (char)c;
            if (RequiredWords.IsCertainNonWord(ch))
            {
                word.IsMatch(ch.ToString()).Should().BeFalse($"U+{c:X4}");
                boundary.IsMatch("a" + ch).Should().BeTrue($"U+{c:X4}");
            }
        }
    }

    private static readonly string[] PatternParts =
    [
        "we", "us", "our", "s?", "(?:ve|re)", "'", @"\b", @"\s", @"\s*", " ", "-", "[ -]", "|", "(?:", ")", @"\w+", "a", "b", "ab", "[ab]", "?", "^", "$", ".", "(?=b)", "x",
        @"(?=\s)", @"(?<=\s)", @"(?!\w)", @"(?<![\w-])", @"(?=,\s|$)", @"(?<=[ (])",
        @"\d", "[0-9]", @"\d{1,2}", "+", "{1,3}", "{0,2}", "1", "(?:we )+", @"(?:\bus\b,)+",
        @"(?![\w][\w])", @"(?<![\w][.])", @"(?![\w-]*[.])",
    ];

    private static readonly string[] TextParts = ["we", "We", "us", "ours", " ", "'", "ve", "-", "a", "b", "ab", "_", "1", "\n", "x", "é", "’", "WE", "\u212A", "7", "12", ",", "\u0663"];

    [Fact]
    public void Wherever_a_pattern_matches_its_unit_passes_the_word_prefilter_and_the_matches_are_the_regex_matches()
    {
        var patterns = Gen.Int[0, PatternParts.Length - 1].Array[1, 8].Select(ix => string.Concat(ix.Select(i => PatternParts[i])));
        var texts = Gen.Int[0, TextParts.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => TextParts[i])));
        Gen.Select(patterns, texts, Gen.Bool, Gen.Bool).Sample((pattern, text, ignoreCase, bounded) =>
        {
            var full = (ignoreCase ? "(?i)" : "") + (bounded ? @"(?m)\b(?:" + pattern + @")\b" : "(?m)(?:" + pattern + ")");
            ValePattern compiled;
            try
            {
                compiled = new ValePattern(full);
            }
            catch (ArgumentException)
            {
                return;
            }

            var unit = Unit(text);
            if (compiled.Regex.IsMatch(text))
            {
                compiled.MayMatch(unit).Should().BeTrue($"'{full}' matches '{text}' (words: {string.Join(",", compiled.Words?.Words ?? [])})");
            }

            compiled.Matches(unit).Select(m => (m.Index, m.Length)).Should().Equal(compiled.Regex.Matches(text).Select(m => (m.Index, m.Length)), full);
        }, iter: 4000);
    }

    private static readonly string[] CountedParts = ["a", "B", "1", "_", " ", ",", "-", "'", "\n", "é", "’", "\u200D", "\u0301", "\u212A", "x_y"];

    private static readonly string[] CountedPatterns = [@"(?:\b(\w+)\b)", @"(?i)(?:\b(\w+)\b)", @"(?:\w+)"];

    [Fact]
    public void Word_runs_are_counted_as_the_regex_counts_them()
    {
        var patterns = CountedPatterns.Select(p => new ValePattern(p, RegexOptions.ExplicitCapture)).ToList();
        var parts = CountedParts;
        Gen.Int[0, parts.Length - 1].Array[0, 24].Select(ix => string.Concat(ix.Select(i => parts[i]))).Sample(text =>
        {
            foreach (var pattern in patterns)
            {
                pattern.Count(text).Should().Be(pattern.Regex.Count(text), text);
            }
        }, iter: 2000);
        ValePattern.CountWordRuns("Two words, and_one 3rd.").Should().Be(4);
        ValePattern.CountWordRuns("déjà").Should().Be(-1);
    }
}
