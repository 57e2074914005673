using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class WordIndexTests
{
    private static string[] Tokens(string text)
    {
        var words = WordIndex.Build(text);
        return [.. Enumerable.Range(0, words.Count).Select(t => text.Substring(words.Starts[t], words.Lengths[t]))];
    }

    [Fact]
    public void Tokens_are_runs_of_word_characters()
    {
        Tokens("It’s a_b 42, naïve—café!").Should().Equal("It", "s", "a_b", "42", "naïve", "café");
        Tokens("").Should().BeEmpty();
        Tokens("   ").Should().BeEmpty();
        Tokens("word").Should().Equal("word");
    }

    [Fact]
    public void Words_that_cross_a_block_of_sixteen_characters_are_counted_once()
    {
        // 15 letters, then a word that starts in one 16-character block and ends in the next.
        Tokens("abcdefghijklmno pqrstuvwxyz01234 é x").Should().Equal("abcdefghijklmno", "pqrstuvwxyz01234", "é", "x");
        Tokens(new string('a', 40)).Should().Equal(new string('a', 40));
    }

    private static readonly string[] Parts = ["a", "Z", "9", "_", " ", ".", "’", "é", "É", "😀", "\u0301", "\n", "word", "-", "\u212A"];

    [Fact]
    public void Tokens_are_what_the_regex_engine_calls_words()
    {
        var texts = Gen.Int[0, Parts.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        texts.Sample(text =>
        {
            var expected = Regex.Matches(text, @"\w+").Select(m => m.Value).ToArray();
            Tokens(text).Should().Equal(expected, $"in '{text}'");
        }, iter: 1000);
    }

    [Fact]
    public void The_second_word_hash_is_the_index_s_second_hash()
    {
        var texts = Gen.Int[0, Parts.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        texts.Sample(text =>
        {
            var words = WordIndex.Build(text);
            var found = WordIndex.TryGetSecondWordHash(text, out var hash);

            found.Should().Be(words.Count >= 2, $"in '{text}'");
            if (found)
            {
                hash.Should().Be(words.Hashes[1], $"in '{text}'");
            }
        }, iter: 1000);

        WordIndex.TryGetSecondWordHash("anonymous  Officials said", out var second).Should().BeTrue();
        second.Should().Be(WordIndex.HashAscii("officials"));
        WordIndex.TryGetSecondWordHash(" alone ", out _).Should().BeFalse();
    }

    [Fact]
    public void Hashes_ignore_ASCII_case_and_mark_non_ASCII_words()
    {
        var words = WordIndex.Build("Said SAID said sad café");

        words.Hashes[0].Should().Be(words.Hashes[1]).And.Be(words.Hashes[2]).And.Be(WordIndex.HashAscii("said"));
        words.Hashes[3].Should().NotBe(words.Hashes[2]);
        words.Hashes[4].Should().Be(WordIndex.NonAsciiHash);
    }

    [Fact]
    public void Words_equal_but_for_ASCII_case_hash_alike()
    {
        var words = Gen.Char['a', 'z'].Array[1, 14].Select(c => new string(c));
        Gen.Select(words, Gen.Int.Array[14]).Sample((word, flips) =>
        {
            var other = string.Concat(word.Select((c, i) => flips[i] % 2 == 0 ? char.ToUpperInvariant(c) : c));

            WordIndex.HashAscii(other).Should().Be(WordIndex.HashAscii(word), $"'{other}' and '{word}'");
            WordIndex.Build(other + " x").Hashes[0].Should().Be(WordIndex.HashAscii(word));
        }, iter: 1000);
    }

    [Fact]
    public void A_filtered_index_keeps_the_tokens_the_filter_passes_with_the_hash_of_the_token_after_each()
    {
        const string text = "The official said: officials’ café, the official";
        var words = WordIndex.Build(text, new WordFilter(["official", "said"]));

        Enumerable.Range(0, words.Count).Select(t => text.Substring(words.Starts[t], words.Lengths[t]))
            .Should().Equal("official", "said", "café", "official");
        words.NextHashes.ToArray().Should().Equal(
            WordIndex.HashAscii("said"), WordIndex.HashAscii("officials"), WordIndex.HashAscii("the"), WordIndex.NoNextHash);
    }

    [Fact]
    public void A_filtered_index_is_the_full_index_restricted_to_what_the_filter_passes()
    {
        var filters = Gen.Int[0, Parts.Length - 1].Array[0, 4].Select(ix => new WordFilter(ix.Select(i => Parts[i])));
        var texts = Gen.Int[0, Parts.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        Gen.Select(filters, texts).Sample((filter, text) =>
        {
            var all = WordIndex.Build(text);
            var kept = WordIndex.Build(text, filter);
            var expected = Enumerable.Range(0, all.Count).Where(t => filter.MayContain(all.Hashes[t]))
                .Select(t => (all.Starts[t], all.Lengths[t], all.Hashes[t], t + 1 < all.Count ? all.Hashes[t + 1] : WordIndex.NoNextHash));

            Enumerable.Range(0, kept.Count).Select(t => (kept.Starts[t], kept.Lengths[t], kept.Hashes[t], kept.NextHashes[t]))
                .Should().Equal(expected, $"in '{text}'");
            kept.IsAscii.Should().Be(all.IsAscii);
        }, iter: 1000);
    }

    [Fact]
    public void Two_indexes_built_in_one_scan_are_what_each_filter_alone_builds()
    {
        var filters = Gen.Int[0, Parts.Length - 1].Array[0, 4].Select(ix => new WordFilter(ix.Select(i => Parts[i])));
        var texts = Gen.Int[0, Parts.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        Gen.Select(filters, filters, texts).Sample((keep, second, text) =>
        {
            var (kept, other) = WordIndex.Build(text, keep, second);
            foreach (var (index, filter) in new[] { (kept, keep), (other, second) })
            {
                var alone = WordIndex.Build(text, filter);
                Enumerable.Range(0, index.Count).Select(t => (index.Starts[t], index.Lengths[t], index.Hashes[t], index.NextHashes[t]))
                    .Should().Equal(Enumerable.Range(0, alone.Count).Select(t => (alone.Starts[t], alone.Lengths[t], alone.Hashes[t], alone.NextHashes[t])), $"in '{text}'");
                index.IsAscii.Should().Be(alone.IsAscii);
                index.Filter.Should().BeSameAs(filter);
            }
        }, iter: 1000);
    }

    [Fact]
    public void A_union_of_filters_passes_and_covers_what_each_passes()
    {
        var a = new WordFilter(["official", "sources"]);
        var b = new WordFilter(["regime"]);
        var union = WordFilter.Union([a, b]);

        union.Covers(a).Should().BeTrue();
        union.Covers(b).Should().BeTrue();
        a.Covers(union).Should().BeFalse();
        union.MayContain(WordIndex.HashAscii("REGIME")).Should().BeTrue();
        union.MayContain(WordIndex.HashAscii("Sources")).Should().BeTrue();
        union.MayContain(WordIndex.HashAscii("weather")).Should().BeFalse("a word in neither filter");
    }

    [Fact]
    public void A_union_shares_the_one_filter_that_adds_words_and_the_empty_filter_passes_only_non_ASCII_words()
    {
        var a = new WordFilter(["official", "sources"]);
        var b = new WordFilter(["regime"]);

        WordFilter.Union([WordFilter.None, a, WordFilter.None, a]).Should().BeSameAs(a, "the others add no word");
        WordFilter.Union([]).Should().BeSameAs(WordFilter.None);
        WordFilter.Of([]).Should().BeSameAs(WordFilter.None);
        WordFilter.Of(["regime"]).Covers(b).Should().BeTrue();

        var union = WordFilter.Union([a, WordFilter.None, b, a]);
        union.Should().NotBeSameAs(a).And.NotBeSameAs(b);
        union.Covers(a).Should().BeTrue();
        union.Covers(b).Should().BeTrue();
        a.Covers(union).Should().BeFalse("the union holds 'regime' as well");
        a.MayContain(WordIndex.HashAscii("regime")).Should().BeFalse("building a union leaves its parts as they were");

        WordFilter.None.MayContain(WordIndex.HashAscii("official")).Should().BeFalse();
        WordFilter.None.MayContain(WordIndex.NonAsciiHash).Should().BeTrue("every filter passes a token with a non-ASCII character");
        a.Covers(WordFilter.None).Should().BeTrue();
    }

    [Fact]
    public void A_word_filter_passes_its_words_in_any_case_and_every_non_ASCII_word()
    {
        var filter = new WordFilter(["official", "sources", "café"]);
        var words = WordIndex.Build("OFFICIAL Sources CAFÉ naïve");

        Enumerable.Range(0, words.Count).Select(t => filter.MayContain(words.Hashes[t])).Should().AllBeEquivalentTo(true);
        var others = WordIndex.Build(string.Join(' ', Enumerable.Range(0, 200).Select(i => "w" + i)));
        Enumerable.Range(0, others.Count).Count(t => filter.MayContain(others.Hashes[t])).Should().BeLessThan(10, "a one-hash filter of 16,384 bits with two entries rejects almost everything else");
    }
}
