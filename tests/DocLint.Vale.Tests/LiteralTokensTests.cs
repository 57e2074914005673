using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>Lists of plain tokens found by looking up words: exactly the regex's matches, in its order, with its spans.</summary>
public sealed class LiteralTokensTests
{
    private static ValeUnit Unit(string text) => new(text, [.. Enumerable.Range(0, text.Length + 1)], "paragraph");

    private static List<(int Index, int Length, int Alternative)> All(LiteralTokens tokens, string text)
    {
        var found = new List<(int, int, int)>();
        for (var m = tokens.Next(text, 0); m.Length > 0; m = tokens.Next(text, m.Index + m.Length))
        {
            found.Add(m);
        }

        return found;
    }

    [Theory]
    [InlineData(@"(?i)(?m)\b(?:a victim of|able-bodied|crippled)\b")]
    [InlineData(@"(?m)\b(?:we|we'(?:ve|re)|ours?|us|let's)\b")]
    [InlineData(@"(?i)(?m)\b(?:(?<vale0>are not)|(?<vale1>(?:drive C:|drive C>|C: drive))|(?<vale2>24/7)|(?<vale3>chat ?bots?))\b")]
    [InlineData(@"(?i)(?m)\b(?:a (?:large)? number of|e\.g\.)\b")]
    [InlineData(@"(?i)(?m)\b(?:(?<vale0>garbage(?:m[ae]n|wom[ae]n))|(?<vale1>app[- ]store)|(?<vale2>a[\.b]))\b")]
    public void A_list_of_plain_tokens_is_read(string pattern)
    {
        LiteralTokens.From(pattern).Should().NotBeNull();
    }

    [Theory]
    [InlineData(@"(?i)(?m)(?:we|us)")]
    [InlineData(@"(?i)(?m)\b(?:we|us)")]
    [InlineData(@"(?i)\b(am|is)\b\s*(?m)\b(?:we|us)\b")]
    [InlineData(@"(?i)(?m)\b(?:[\w]+ed|awoken)\b")]
    [InlineData(@"(?i)(?m)\b(?:we+)\b")]
    [InlineData(@"(?i)(?m)\b(?:we??)\b")]
    [InlineData(@"(?i)(?m)\b(?:it is(?!\.))\b")]
    [InlineData(@"(?i)(?m)\b(?:[a-z]e)\b")]
    [InlineData(@"(?i)(?m)\b(?:[^a]e)\b")]
    [InlineData(@"(?i)(?m)\b(?:[\w]e)\b")]
    [InlineData(@"(?i)(?m)\b(?:[a[b]]e)\b")]
    [InlineData(@"(?i)(?m)\b(?:[]e)\b")]
    [InlineData(@"(?i)(?m)\b(?:[ae)\b")]
    [InlineData(@"(?i)(?m)\b(?:café)\b")]
    [InlineData(@"(?i)(?m)\b(?:-ish|we)\b")]
    [InlineData(@"(?i)(?m)\b(?:we|)\b")]
    [InlineData(@"(?i)(?m)\b(?:(?i:we))\b")]
    [InlineData(@"(?i)(?m)\b(?:\d+ ms)\b")]
    [InlineData(@"(?m)\b(?:we.)\b")]
    public void Any_other_pattern_is_left_to_the_regex(string pattern)
    {
        LiteralTokens.From(pattern).Should().BeNull();
    }

    [Fact]
    public void Options_the_lookup_does_not_model_leave_the_pattern_to_the_regex()
    {
        LiteralTokens.From(@"(?m)\b(?:we)\b", RegexOptions.IgnorePatternWhitespace).Should().BeNull();
        LiteralTokens.From(@"(?m)\b(?:we)\b", RegexOptions.RightToLeft).Should().BeNull();
        LiteralTokens.From(@"(?m)\b(?:we)\b", RegexOptions.ExplicitCapture).Should().NotBeNull();
    }

    [Fact]
    public void Matches_are_the_regex_ones_with_their_top_level_alternative()
    {
        var tokens = LiteralTokens.From(@"(?i)(?m)\b(?:ours?|us|a (?:large )?number of)\b")!;

        All(tokens, "Ours, our US; a large number of us, a number of: ourselves, bus, US_1.").Should().Equal(
            (0, 4, 0), (6, 3, 0), (10, 2, 1), (14, 17, 2), (32, 2, 1), (36, 11, 2));
    }

    [Fact]
    public void At_one_position_the_first_alternative_that_ends_on_a_boundary_wins_not_the_longest()
    {
        var tokens = LiteralTokens.From(@"(?m)\b(?:app|app store|apps)\b")!;

        // 'app' ends on a boundary before ' store', so 'app store' is never taken; 'apps' is, where 'app' is not bounded.
        All(tokens, "app store apps").Should().Equal((0, 3, 0), (10, 4, 2));
        All(LiteralTokens.From(@"(?m)\b(?:app(?: store)?)\b")!, "app store apps").Should().Equal([(0, 9, 0)], "a greedy '?' takes its atom first");
    }

    [Fact]
    public void A_token_that_ends_with_punctuation_needs_a_word_character_after_it()
    {
        var tokens = LiteralTokens.From(@"(?i)(?m)\b(?:e\.g\.|etc\.)\b")!;

        All(tokens, "e.g. this, etc.").Should().BeEmpty("'\\b' after '.' needs a word character next");
        All(tokens, "E.g.this etc.x").Should().Equal((0, 4, 0), (9, 4, 1));
    }

    [Fact]
    public void A_class_of_plain_characters_matches_each_of_them()
    {
        var tokens = LiteralTokens.From(@"(?i)(?m)\b(?:garbage(?:m[ae]n|wom[ae]n)|app[- ]store|x[-.]?)\b")!;

        All(tokens, "Garbagemen, garbageman, garbagewoman, garbagemon, app store, app-store, app_store, x., x-y").Should().Equal(
            (0, 10, 0), (12, 10, 0), (24, 12, 0), (50, 9, 1), (61, 9, 1), (83, 1, 2), (87, 2, 2));
    }

    [Fact]
    public void Case_counts_unless_it_is_ignored()
    {
        All(LiteralTokens.From(@"(?m)\b(?:We|us)\b")!, "we We US us").Should().Equal((3, 2, 0), (9, 2, 1));
        All(LiteralTokens.From(@"(?m)\b(?:We|us)\b", RegexOptions.IgnoreCase)!, "we We US us").Should().Equal((0, 2, 0), (3, 2, 0), (6, 2, 1), (9, 2, 1));
    }

    [Fact]
    public void A_search_from_inside_a_word_finds_no_match_there()
    {
        var tokens = LiteralTokens.From(@"(?m)\b(?:urs|ours)\b")!;

        tokens.Next("ours urs", 1).Should().Be((5, 3, 0));
        tokens.Next("ours", 1).Length.Should().Be(0);
    }

    [Fact]
    public void Non_ASCII_word_characters_bound_words_as_for_the_regex_and_only_a_Kelvin_sign_is_left_to_it()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:we|us)\b");
        var tokens = pattern.TokensFor(Unit("“We” — us…"))!;

        All(tokens, "“We” — us…").Should().Equal((1, 2, 0), (7, 2, 1));
        All(tokens, "Él we weé éus us\u0301 we\u200Dus").Should().Equal((3, 2, 0));
        pattern.TokensFor(Unit("\u212A we")).Should().BeNull("the regex takes the Kelvin sign for 'k' when case is ignored");
        new ValePattern(@"(?m)\b(?:we|us)\b").TokensFor(Unit("\u212A we")).Should().NotBeNull("case counts");
        new ValePattern(@"(?i)(?m)\b(?:we|\w+ly)\b").TokensFor(Unit("we")).Should().BeNull();
    }

    [Fact]
    public void The_Kelvin_sign_is_the_only_other_character_the_regex_takes_for_an_ASCII_letter_when_case_is_ignored()
    {
        var letters = new Regex("[a-z]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var others = Enumerable.Range(0x80, 0x10000 - 0x80).Select(c => (char)c).Where(c => letters.IsMatch(c.ToString()));

        others.Should().Equal('\u212A');
    }

    [Fact]
    public void A_word_boundary_falls_exactly_where_the_regex_puts_it()
    {
        var boundary = new Regex(@"^a\b", RegexOptions.CultureInvariant);
        for (var c = 0; c < 0x10000; c++)
        {
            var ch = (char)c;
            RequiredWords.IsCertainNonWord(ch).Should().Be(boundary.IsMatch("a" + ch), $"U+{c:X4}");
        }
    }

    [Fact]
    public void A_pattern_found_by_its_words_never_builds_its_regex()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:we|us)\b");
        var unit = Unit("We know us.");

        pattern.MayMatch(unit).Should().BeTrue();
        All(pattern.TokensFor(unit)!, unit.Text).Should().Equal((0, 2, 0), (8, 2, 1));
        pattern.IsBuilt.Should().BeFalse();
    }

    [Fact]
    public void Substitution_keys_found_by_their_words_merge_with_keys_that_need_the_regex()
    {
        using var vale = new ValeRunner()
            .Rule("Swap", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nswap:\n  'it is(?!\\.)': it's\n  it is not: it isn't\n  do not: don't\n  cannot: can't\n  are not: aren't\n")
            .File("a.md", "It is what it is. We do not know; they are not sure it is\nDo Not cannot. It is not.\n");

        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Swap:Use 'it's' instead of 'It is'.",
            "a.md:1:22:Test.Swap:Use 'don't' instead of 'do not'.",
            "a.md:1:40:Test.Swap:Use 'aren't' instead of 'are not'.",
            "a.md:1:53:Test.Swap:Use 'it's' instead of 'it is'.",
            "a.md:2:1:Test.Swap:Use 'don't' instead of 'Do Not'.",
            "a.md:2:8:Test.Swap:Use 'can't' instead of 'cannot'.",
            "a.md:2:16:Test.Swap:Use 'it's' instead of 'It is'.");
    }

    private static readonly string[] TokenParts = ["we", "We", "us", "our", "s", "s?", "'", " ", "-", "ab", "a", "(?:ve|re)", "(?:x|xy)?", "(?: us)?", "[sx]", "[- ]", @"\.", "1", "_"];

    private static readonly string[] TextParts = ["we", "We", "us", "ours", "our", " ", "'", "ve", "-", "a", "b", "ab", "_", "1", "\n", "x", "xy", ".", "’", "—", "WE", "s", "é", "\u0301", "\u200D", "µ", "\uD83D\uDE00"];

    [Fact]
    public void Wherever_a_list_of_tokens_is_read_its_matches_are_the_regex_matches_on_either_engine()
    {
        var token = Gen.Int[0, TokenParts.Length - 1].Array[1, 4].Select(ix => string.Concat(ix.Select(i => TokenParts[i])));
        var texts = Gen.Int[0, TextParts.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => TextParts[i])));
        var read = 0;
        Gen.Select(token.Array[1, 5], texts, Gen.Bool).Sample((tokens, text, ignoreCase) =>
        {
            var pattern = (ignoreCase ? "(?i)" : "") + @"(?m)\b(?:" + string.Join('|', tokens) + @")\b";
            if (LiteralTokens.From(pattern) is not { } literal || !literal.CanSearch(text))
            {
                return;
            }

            read++;
            var found = All(literal, text).Select(m => (m.Index, m.Length)).ToList();
            foreach (var engine in new[] { RegexOptions.None, RegexOptions.NonBacktracking })
            {
                var regex = new Regex(pattern, RegexOptions.CultureInvariant | engine);
                found.Should().Equal(regex.Matches(text).Select(m => (m.Index, m.Length)), $"{pattern} over '{text}' ({engine})");
            }
        }, iter: 4000);
        read.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Each_match_names_the_alternative_the_regex_took()
    {
        var token = Gen.Int[0, TokenParts.Length - 1].Array[1, 4].Select(ix => string.Concat(ix.Select(i => TokenParts[i])));
        var texts = Gen.Int[0, TextParts.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => TextParts[i])));
        Gen.Select(token.Array[1, 5], texts).Sample((tokens, text) =>
        {
            var pattern = @"(?i)(?m)\b(?:" + string.Join('|', tokens.Select((t, i) => $"(?<k{i}>{t})")) + @")\b";
            if (LiteralTokens.From(pattern) is not { } literal || !literal.CanSearch(text))
            {
                return;
            }

            var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
            var expected = regex.Matches(text).Select(m => (m.Index, m.Length, Enumerable.Range(0, tokens.Length).First(i => m.Groups["k" + i].Success)));
            All(literal, text).Should().Equal(expected, $"{pattern} over '{text}'");
        }, iter: 2000);
    }
}
