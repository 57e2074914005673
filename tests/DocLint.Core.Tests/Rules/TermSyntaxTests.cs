using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Rules.Matching;

namespace DocLint.Core.Tests.Rules;

public class TermSyntaxTests
{
    private static readonly string[] TermPool =
    [
        "it's clear", "it is", "kick", "U.S. troops", "far-right", "rock'n'roll", "s", "K9", "a_b", "said:", "the  plain\tfact", "o'", "'tis",
    ];

    // Word and non-word characters, ASCII and not: the Kelvin sign and the long s (case variants of k and s to the
    // regex), joiners (word characters to \b), a combining mark, non-breaking and other spaces, curly apostrophes.
    private static readonly string[] TextPool =
    [
        "it", "IT", "'s", "’s", "‘s", " ", "  ", "\t", "\n", "\u00A0", "\u2009", "clear", "is", "kick", "KICK", "\u212Aick", "\u017F",
        "U.S.", "troops", "far", "-", "right", "rock", "'n'", "’n’", "roll", "s", "K9", "k9", "a_b", "said", ":", "the", "plain", "fact", "o",
        "'", "’ ", "' ", "o' x", "o’  x", "it' s", "tis", "x", "\u200D", "\u0301", "é", "_", "9",
    ];

    private static Regex Anchored(string term, bool caseSensitive) =>
        RegexFactory.CreateForTerms(@"\G(?:" + TermSyntax.ToPattern(term) + ")", caseSensitive);

    [Fact]
    public void A_direct_match_is_what_the_term_s_regex_matches_or_says_it_cannot_tell()
    {
        var terms = Gen.Int[0, TermPool.Length - 1].Select(i => TermPool[i]);
        var texts = Gen.Int[0, TextPool.Length - 1].Array[1, 12].Select(ix => string.Concat(ix.Select(i => TextPool[i])));
        Gen.Select(terms, texts, Gen.Bool).Sample((term, text, caseSensitive) =>
        {
            TermSyntax.CanMatchDirectly(term).Should().BeTrue();
            var regex = Anchored(term, caseSensitive);
            for (var start = 0; start < text.Length; start++)
            {
                var direct = TermSyntax.MatchAt(text, start, term, caseSensitive, out var length);
                if (direct == TermSyntax.DirectMatch.Unsure)
                {
                    text.Should().Match(t => !Ascii.IsValid(t), "only a character outside ASCII leaves a match undecided");
                    continue;
                }

                var match = regex.Match(text, start);
                (direct == TermSyntax.DirectMatch.Match).Should().Be(match.Success, $"'{term}' at {start} of '{text}'");
                length.Should().Be(match.Success ? match.Length : 0, $"'{term}' at {start} of '{text}'");
            }
        }, iter: 3000);
    }

    [Fact]
    public void Characters_outside_ASCII_are_decided_where_they_cannot_change_the_answer()
    {
        TermSyntax.MatchAt("It\u00A0is clear", 0, "it is", caseSensitive: false, out var length).Should().Be(TermSyntax.DirectMatch.Match);
        length.Should().Be(5);
        TermSyntax.MatchAt("it’s clear", 0, "it's clear", caseSensitive: false, out length).Should().Be(TermSyntax.DirectMatch.Match);
        length.Should().Be(10);
        TermSyntax.MatchAt("it is", 0, "it", caseSensitive: false, out length).Should().Be(TermSyntax.DirectMatch.Match);
        length.Should().Be(2);

        // The Kelvin sign is a capital K to the regex; a joiner or a combining mark after a word makes no boundary.
        TermSyntax.MatchAt("\u212Aick", 0, "kick", caseSensitive: false, out _).Should().Be(TermSyntax.DirectMatch.Unsure);
        TermSyntax.MatchAt("kick\u0301", 0, "kick", caseSensitive: false, out _).Should().Be(TermSyntax.DirectMatch.Unsure);
        TermSyntax.MatchAt("kicks", 0, "kick", caseSensitive: false, out _).Should().Be(TermSyntax.DirectMatch.NoMatch);
        TermSyntax.MatchAt("Kick", 0, "kick", caseSensitive: true, out _).Should().Be(TermSyntax.DirectMatch.NoMatch);
    }

    [Fact]
    public void Terms_outside_ASCII_or_with_an_apostrophe_before_a_space_go_to_the_regex()
    {
        TermSyntax.CanMatchDirectly("naïve").Should().BeFalse();
        TermSyntax.CanMatchDirectly("rock ' n roll").Should().BeFalse();
        TermSyntax.CanMatchDirectly("it’s clear").Should().BeFalse();
        TermSyntax.CanMatchDirectly(" it's clear ").Should().BeTrue();
    }

    [Theory]
    [InlineData("  It’s  the\tU.S.  Army\n", false, "it's the u.s. army")]
    [InlineData("  It’s  the\tU.S.  Army\n", true, "It's the U.S. Army")]
    [InlineData("Ünïcode ‘QUOTE’ \u00A0 K", false, "ünïcode 'quote' k")]
    [InlineData(" \t ", false, "")]
    public void Normalizing_folds_white_space_apostrophes_and_case(string text, bool caseSensitive, string expected) =>
        TermSyntax.Normalize(text, caseSensitive).Should().Be(expected);

    [Fact]
    public void Normalizing_in_runs_is_normalizing_character_by_character()
    {
        var texts = Gen.Int[0, TextPool.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => TextPool[i])));
        Gen.Select(texts, Gen.Bool).Sample((text, caseSensitive) =>
            TermSyntax.Normalize(text, caseSensitive).Should().Be(CharByChar(text, caseSensitive)));
    }

    private static string CharByChar(string text, bool caseSensitive)
    {
        var result = new StringBuilder();
        var inSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                result.Append(' ');
                inSpace = false;
            }

            result.Append(c is '\'' or '’' or '‘' ? '\'' : caseSensitive ? c : char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
