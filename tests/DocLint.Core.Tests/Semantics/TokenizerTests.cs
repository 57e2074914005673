using CsCheck;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Semantics;

/// <summary>The attribution tokenizer's words: the run of ASCII letters it skips first changes no word's end.</summary>
public class TokenizerTests
{
    private static readonly string[] Parts = ["a", "Z", "9", "word", "Sen", " ", ".", ",", "’", "'", "-", "&", "/", "é", "Ł", "\u00AD", "\u0301", "s", "U.S", "1,000", "abcdefghijklmnopq", "Ab1", "’s", "’"];

    [Fact]
    public void A_word_ends_where_a_character_by_character_reading_ends_it()
    {
        var texts = Gen.Int[0, Parts.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        texts.Sample(text =>
        {
            for (var start = 0; start < text.Length; start++)
            {
                if (!char.IsLetterOrDigit(text[start]))
                {
                    continue;
                }

                foreach (var end in new[] { text.Length, Math.Max(start + 1, text.Length - 3) })
                {
                    var found = Tokenizer.WordEnd(text, start, end, out var curly, out var ascii);
                    var expected = ReferenceWordEnd(text, start, end, out var expectedCurly);
                    found.Should().Be(expected, $"the word at {start} of '{text}' (up to {end})");
                    curly.Should().Be(expectedCurly, $"the curly apostrophe of the word at {start} of '{text}'");
                    ascii.Should().Be(System.Text.Ascii.IsValid(text.AsSpan(start, found - start)), $"the word at {start} of '{text}'");
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Words_keep_inner_apostrophes_hyphens_and_a_title_s_dot()
    {
        const string text = "Sen. O’Brien’s pro-Trump AT&T team won’t pay 1,000 dollars in the U.S. today";
        var tokens = new Tokenizer();
        tokens.Tokenize(text, new TextSpan(0, text.Length), []);
        var words = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].IsWord).Select(i => text.Substring(tokens[i].Start, tokens[i].Length));
        words.Should().Equal("Sen.", "O’Brien", "pro-Trump", "AT&T", "team", "won’t", "pay", "dollars", "in", "the", "U.S.", "today");
    }

    [Fact]
    public void A_token_holds_the_hash_of_its_key_and_gives_the_hash_of_its_text()
    {
        var texts = Gen.Int[0, Parts.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        texts.Sample(text =>
        {
            var tokens = new Tokenizer();
            tokens.Tokenize(text, new TextSpan(0, text.Length), []);
            for (var i = 0; i < tokens.Count; i++)
            {
                tokens.KeyHash(i).Should().Be(WordIndex.HashAscii(tokens.Key(i)), $"the key '{tokens.Key(i).ToString()}' of '{text}'");
                tokens.TextHash(i).Should().Be(WordIndex.HashAscii(text.AsSpan(tokens[i].Start, tokens[i].Length)), $"token {i} of '{text}'");
            }
        }, iter: 2000);
    }

    [Fact]
    public void A_title_s_key_hash_is_that_of_the_title_without_its_dot_and_a_curly_word_s_that_of_the_straight_one()
    {
        const string text = "Sen. O’Brien said it’s U.S. policy";
        var tokens = new Tokenizer();
        tokens.Tokenize(text, new TextSpan(0, text.Length), []);
        var keys = Enumerable.Range(0, tokens.Count).Select(i => tokens.Key(i).ToString()).ToList();
        keys.Should().Equal("Sen", "O'Brien", "said", "it", "’s", "U.S", "policy");

        tokens.KeyHash(0).Should().Be(WordIndex.HashAscii("sen"));
        tokens.TextHash(0).Should().Be(WordIndex.HashAscii("Sen."));
        tokens.KeyHash(1).Should().Be(WordIndex.HashAscii("o'brien")).And.NotBe(WordIndex.NonAsciiHash);
        tokens.TextHash(1).Should().Be(WordIndex.NonAsciiHash);
        tokens.KeyHash(2).Should().Be(tokens.TextHash(2)).And.Be(WordIndex.HashAscii("SAID"));
        tokens.KeyHash(4).Should().Be(WordIndex.NonAsciiHash);
    }

    /// <summary>The word's end read one character at a time, as the tokenizer did before its ASCII run.</summary>
    private static int ReferenceWordEnd(string prose, int i, int end, out int firstCurly)
    {
        var start = i;
        firstCurly = int.MaxValue;
        while (i < end)
        {
            var c = prose[i];
            if (char.IsLetterOrDigit(c) || c == '\u00AD')
            {
                i++;
                continue;
            }

            var joins = c is '\'' or '’' or '-' or '&' or '.' or '/' || (c == ',' && char.IsDigit(prose[i - 1]));
            if (joins && i + 1 < end && char.IsLetterOrDigit(prose[i + 1]) && (c != ',' || char.IsDigit(prose[i + 1])))
            {
                if (c == '’' && firstCurly == int.MaxValue)
                {
                    firstCurly = i;
                }

                i += 2;
                continue;
            }

            break;
        }

        if (i < end && prose[i] == '.' && (prose.AsSpan(start, i - start).Contains('.') || (i - start == 1 && char.IsUpper(prose[start])) || IsAbbreviation(prose.AsSpan(start, i - start))))
        {
            i++;
        }

        return i;

        static bool IsAbbreviation(ReadOnlySpan<char> word) =>
            Abbreviations.IsTitleOrAbbreviation(word) || Abbreviations.IsTitleOrAbbreviation(word[(word.LastIndexOf('-') + 1)..]);
    }
}
