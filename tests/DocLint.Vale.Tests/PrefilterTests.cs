using System.Text.RegularExpressions;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>How Vale patterns are run fast: literal prefilters, and substitution keys split between the two regex engines.</summary>
public sealed class PrefilterTests
{
    [Fact]
    public void A_unit_without_the_required_literals_is_not_searched()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:utilize|leverage)\b");

        pattern.HasNoPrefilter.Should().BeFalse();
        pattern.MayMatch("We LEVERAGE it.").Should().BeTrue();
        pattern.MayMatch("We use it.").Should().BeFalse();
        pattern.Matches("We use it.").Should().BeEmpty();
        pattern.Matches("Utilize and leverage.").Select(m => m.Value).Should().Equal("Utilize", "leverage");
    }

    [Fact]
    public void A_pattern_s_engine_is_built_only_when_a_text_may_hold_a_match_and_its_syntax_is_checked_at_once()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:utilize|leverage)\b");

        pattern.Matches("We use it.").Should().BeEmpty();
        pattern.IsBuilt.Should().BeFalse();
        pattern.Matches("We utilize it.").Select(m => m.Index).Should().Equal(3);
        pattern.IsBuilt.Should().BeTrue();
        (pattern.Regex.Options.HasFlag(RegexOptions.NonBacktracking), pattern.Regex.MatchTimeout).Should().Be((false, Regex.InfiniteMatchTimeout), "a word list is bounded: the interpreter runs it in linear time");
        FluentActions.Invoking(() => new ValePattern(@"(?i)\b(?:utilize|lever(age)\b")).Should().Throw<ArgumentException>().WithMessage("*Not enough )'s*");
    }

    [Fact]
    public void Words_shorter_than_three_letters_give_no_literal_prefilter_but_a_word_prefilter()
    {
        var pattern = new ValePattern(@"(?i)(?m)\b(?:we|us)\b");

        pattern.HasNoPrefilter.Should().BeFalse();
        pattern.Words!.Words.Should().Equal("us", "we");
        pattern.MayMatch("nothing here").Should().BeTrue("no literal is required of the text");
        new ValePattern(@"(?i)(?m)(?:we|us)").HasNoPrefilter.Should().BeTrue("without word boundaries no whole word is required");
    }

    [Fact]
    public void Inline_options_are_removed_before_the_literals_are_read_and_x_gives_none()
    {
        ValePattern.WithoutInlineOptions(@"(?i)(?m)\b(?:utilize|(?i:leverage))\b").Should().Be(@"\b(?:utilize|(?:leverage))\b");
        ValePattern.WithoutInlineOptions(@"\(?i\)[(?i)]x").Should().Be(@"\(?i\)[(?i)]x");
        ValePattern.WithoutInlineOptions(@"(?ix)a b c").Should().Be("");
    }

    [Fact]
    public void Every_character_the_engine_folds_to_an_ASCII_letter_passes_the_prefilter()
    {
        // The prefilter compares ordinal-case-insensitively; the regex engine's case folding must not find more.
        var all = new string([.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => !char.IsSurrogate(c))]);
        foreach (var letter in "abcdefghijklmnopqrstuvwxyz")
        {
            var literal = new string(letter, 3);
            var pattern = new ValePattern("(?i)" + literal);
            foreach (Match m in Regex.Matches(all, "(?i)" + letter, RegexOptions.CultureInvariant))
            {
                var text = new string(m.Value[0], 3);
                pattern.MayMatch(text).Should().BeTrue($"U+{(int)m.Value[0]:X4} matches '{letter}' in the regex engine");
            }
        }
    }

    [Fact]
    public void Substitution_keys_on_both_engines_match_as_one_alternation_would()
    {
        // 'it is(?!\.)' and 'that is(?![.,])' need backtracking; the other keys run on the linear-time engine.
        // At one position the first key (the longest) wins, whichever engine runs it; the search goes on after it.
        ValeAlternation.NeedsBacktracking(@"it is(?!\.)").Should().BeTrue();
        ValeAlternation.NeedsBacktracking("it is not").Should().BeFalse();
        ValeAlternation.NeedsBacktracking(@"(\w+) \1").Should().BeTrue();
        using var vale = new ValeRunner()
            .Rule("Mix", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nswap:\n  'it is(?!\\.)': it's\n  'that is(?![.,])': that's\n  it is not: it isn't\n  'it is\\.': it's.\n  is not: isn't\n  utilize: use\n")
            .File("a.md", "Utilize it. It is not here, that is, it is. That is it is not.\n\nThis is not it is.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Mix:Use 'use' instead of 'Utilize'.",
            "a.md:1:13:Test.Mix:Use 'it's' instead of 'It is'.",
            "a.md:1:45:Test.Mix:Use 'that's' instead of 'That is'.",
            "a.md:1:53:Test.Mix:Use 'it's' instead of 'it is'.",
            "a.md:3:6:Test.Mix:Use 'isn't' instead of 'is not'.");
    }

    [Fact]
    public void Occurrence_counts_without_capturing_and_reports_the_first_match()
    {
        using var vale = new ValeRunner()
            .Rule("Long", "extends: occurrence\nmessage: Too long\nscope: sentence\nmax: 3\ntoken: '\\b(\\w+)\\b'\n")
            .Rule("Twice", "extends: occurrence\nmessage: Twice\nmax: 1\ntoken: '(\\w)\\1'\n")
            .File("a.md", "One two three. One two three four.\n\nA cool book.\n");
        vale.Lines().Should().Equal("a.md:1:12:Test.Twice:Twice", "a.md:1:16:Test.Long:Too long", "a.md:3:4:Test.Twice:Twice");
    }

    [Theory]
    [InlineData(@"\*+|\w+", "** ** one two", "one")] // the first match the predicate takes
    [InlineData(@"\*+", "a ** b ***", "**")] // none taken: the first match
    public void The_first_match_a_predicate_takes_is_found_without_collecting_the_rest(string regex, string text, string expected)
    {
        var pattern = new ValePattern(regex);

        pattern.FirstMatch(text, static m => m.ValueSpan.ContainsAnyExcept('*'))!.Value.Should().Be(expected);
        pattern.FirstMatch("", static _ => true).Should().BeNull();
    }
}
