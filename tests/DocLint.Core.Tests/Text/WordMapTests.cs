using CsCheck;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class WordMapTests
{
    private static readonly string[] Parts = ["a", "B", "said", "SAID", "é", "É", "’s", "'s", "_", "9", " ", "x", "officials", "K"];

    [Fact]
    public void A_word_is_found_at_the_place_of_the_first_word_equal_to_it_ignoring_case()
    {
        var words = Gen.Int[0, Parts.Length - 1].Array[1, 3].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        Gen.Select(words.Array[0, 80], words.Array[1, 20]).Sample((added, probes) =>
        {
            var map = new WordMap();
            var expected = new List<string>();
            foreach (var word in added)
            {
                var first = expected.FindIndex(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase));
                if (first < 0)
                {
                    first = expected.Count;
                    expected.Add(word);
                }

                map.Add(word).Should().Be(first, $"adding '{word}'");
            }

            map.Words.Should().Equal(expected);
            foreach (var probe in probes.Concat(added))
            {
                map.IndexOf(probe).Should().Be(expected.FindIndex(w => string.Equals(w, probe, StringComparison.OrdinalIgnoreCase)), $"'{probe}'");
                map.IndexOf(probe, WordIndex.HashAscii(probe)).Should().Be(map.IndexOf(probe));
            }
        }, iter: 500);
    }

    [Fact]
    public void Two_ascii_words_of_up_to_eight_characters_fold_alike_exactly_when_they_are_equal_ignoring_case()
    {
        // Letters next to the edges of A–Z and a–z ('@', '[', '`', '{'), NUL and DEL among them.
        var chars = Gen.OneOf(Gen.Char['\0', '\x7F'], Gen.Char["@AZ[`az{_'-.0"]);
        var words = chars.Array[0, 10].Select(c => new string(c));
        Gen.Select(words, Gen.UInt, Gen.Int[0, 2]).Sample((word, flips, change) =>
        {
            var other = string.Concat(word.Select((c, k) => ((flips >> k) & 1) != 0 ? (char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) : c));
            other = change switch { 1 => other + "a", 2 when other.Length > 0 => other[..^1] + (char)(other[^1] ^ 0x20), _ => other };
            var equal = string.Equals(word, other, StringComparison.OrdinalIgnoreCase);
            if (word.Length <= 8 && other.Length <= 8)
            {
                (WordMap.Fold(word) == WordMap.Fold(other)).Should().Be(equal, $"'{word}' and '{other}'");
            }
            else if (equal)
            {
                WordMap.Fold(word).Should().Be(WordMap.Fold(other), $"'{word}' and '{other}'");
            }
        }, iter: 20000);

        WordMap.Fold("Said").Should().Be(WordMap.Fold("sAID")).And.NotBe(WordMap.Fold("said2"));
        WordMap.Fold("a@").Should().NotBe(WordMap.Fold("a`"));
        WordMap.Fold("[x").Should().NotBe(WordMap.Fold("{x"));
        WordMap.Fold("ab").Should().NotBe(WordMap.Fold("ab\0"));
    }

    [Fact]
    public void A_cleared_map_holds_no_word_and_places_words_from_zero_again()
    {
        var map = new WordMap(["said", "Officials", "Café"]);
        map.Clear();

        map.Count.Should().Be(0);
        map.IndexOf("said").Should().Be(-1);
        map.IndexOf("officials").Should().Be(-1);
        map.IndexOf("café").Should().Be(-1);
        map.Add("told").Should().Be(0);
        map.Add("CAFÉ").Should().Be(1);
        map.Add("Said").Should().Be(2);
        map.IndexOf("SAID").Should().Be(2);
        map.WordAt(2).Should().Be("Said");
        map.Words.Should().Equal("told", "CAFÉ", "Said");
    }

    [Fact]
    public void Words_are_looked_up_by_span_and_the_table_grows()
    {
        var map = new WordMap(Enumerable.Range(0, 1000).Select(i => $"w{i}").Append("Café"));

        map.Count.Should().Be(1001);
        map.IndexOf("W999".AsSpan()).Should().Be(999);
        map.IndexOf("CAFÉ".AsSpan()).Should().Be(1000);
        map.Contains("w1000").Should().BeFalse();
    }
}
