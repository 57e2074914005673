using CsCheck;
using DocLint.Core.Documents;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Text;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>Sentence units cut from their blocks' text units are the units built from the source.</summary>
public sealed class SentenceUnitTests
{
    private static readonly string[] Parts =
    [
        "Word", "word", " ", ". ", "? ", "\n", "\n\n", "`code`", "` a b `", "``x`y``", "**strong**", "*em*", "_u_", "[link](http://x.y/z)",
        "https://a.b/c", "<code>c d</code>", "- ", "# ", "> ", "| a | b |\n|---|---|\n| c | d |\n", "```\nfenced\n```\n", "  ", "\t", "é", ",", "<!-- vale off -->",
    ];

    /// <summary>The unit's source offsets, one per character and one more for its end.</summary>
    private static int[] Map(ValeUnit unit) => [.. Enumerable.Range(0, unit.Text.Length + 1).Select(unit.SourceOf)];

    [Fact]
    public void A_sentence_cut_from_its_block_is_the_sentence_built_from_the_source()
    {
        Gen.Int[0, Parts.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => Parts[i]))).Sample(markdown =>
        {
            var document = MarkdownReader.Instance.Read("a.md", SourceText.From(markdown));
            var vale = ValeDocument.For(document, ValeFileSettings.None);
            // A heading of one sentence is no sentence unit (one of several sentences is).
            var whole = document.Blocks.Where(b => b.Kind == BlockKind.Heading)
                .Select(b => document.Sentences.Where(s => b.Span.Contains(s.Start)).ToList())
                .Where(inside => inside.Count == 1).Select(inside => inside[0]).ToHashSet();
            var spans = document.Sentences.Where(s => !whole.Contains(s)).ToList();
            var units = vale.Units("sentence");
            units.Length.Should().Be(spans.Count, markdown);
            for (var k = 0; k < spans.Count; k++)
            {
                var expected = vale.BuildFromSource(spans[k], "sentence");
                units[k].Text.Should().Be(expected.Text, markdown);
                Map(units[k]).Should().Equal(Map(expected), markdown);
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_unit_kept_as_runs_gives_each_character_the_offset_of_its_map_and_finds_offsets_as_a_search_of_the_map()
    {
        // Increasing offsets with gaps (markup left out), as a block's unit has; cut at every place, as sentences are.
        var maps = Gen.Int[1, 3].Array[1, 40].Select(steps =>
        {
            var map = new int[steps.Length + 1];
            for (int i = 0, at = 5; i < map.Length; i++)
            {
                map[i] = at;
                at += i < steps.Length ? steps[i] : 0;
            }

            return map;
        });
        maps.Sample(map =>
        {
            var length = map.Length - 1;
            var unit = new ValeUnit(new string('x', length), map, "paragraph");
            Map(unit).Should().Equal(map);
            for (var offset = 0; offset <= map[^1] + 2; offset++)
            {
                var i = Array.BinarySearch(map, 0, length, offset);
                unit.IndexAtOrAfter(offset).Should().Be(i < 0 ? ~i : i, $"offset {offset} in [{string.Join(",", map)}]");
            }

            for (var from = 0; from <= length; from++)
            {
                for (var to = from; to <= length; to++)
                {
                    var cut = ValeUnit.CutFrom(unit, from, to, map[to], "sentence");
                    Map(cut).Should().Equal(map[from..to].Append(map[to]));
                    for (var offset = map[0] - 1; offset <= map[^1] + 1; offset++)
                    {
                        var i = Array.BinarySearch(map, from, to - from, offset);
                        cut.IndexAtOrAfter(offset).Should().Be((i < 0 ? ~i : i) - from);
                    }
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void A_sentence_cut_from_its_block_takes_from_the_block_the_words_its_own_walk_would_find()
    {
        var table = new WordTable();
        ValePattern[] patterns;
        using (WordTable.Share(table))
        {
            patterns = [new(@"(?i)\bword\b"), new(@"\b(?:code|strong)\b"), new(@"(?i)\b(?:em|u|x|y|z)\b"), new(@"\b(?:fenced|link|a|b|c|d)\b")];
        }

        var markdowns = Gen.Int[0, Parts.Length - 1].Array[1, 30].Select(ix => string.Concat(ix.Select(i => Parts[i])));
        Gen.Select(markdowns, Gen.Bool).Sample((markdown, blocksFirst) =>
        {
            var document = MarkdownReader.Instance.Read("a.md", SourceText.From(markdown));
            var vale = ValeDocument.For(document, ValeFileSettings.None);
            if (blocksFirst)
            {
                foreach (var unit in vale.Units("text"))
                {
                    _ = patterns[0].MayMatch(unit);
                }
            }

            foreach (var unit in vale.Units("sentence"))
            {
                var alone = new ValeUnit(unit.Text, Map(unit), "sentence");
                foreach (var pattern in patterns)
                {
                    pattern.MayMatch(unit).Should().Be(pattern.MayMatch(alone), markdown);
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void The_sentences_of_a_block_with_more_required_words_than_it_keeps_walk_their_own_text()
    {
        ValePattern word, code;
        using (WordTable.Share(new WordTable()))
        {
            word = new ValePattern(@"(?i)\bword\b");
            code = new ValePattern(@"\bcode\b");
        }

        var markdown = string.Concat(Enumerable.Repeat("Word one. ", 5000)) + "The code.\n";
        var vale = ValeDocument.For(MarkdownReader.Instance.Read("a.md", SourceText.From(markdown)), ValeFileSettings.None);
        word.MayMatch(vale.Units("text")[0]).Should().BeTrue();
        var sentences = vale.Units("sentence");

        sentences.Length.Should().Be(5001);
        sentences.Count(word.MayMatch).Should().Be(5000);
        sentences.Count(code.MayMatch).Should().Be(1);
        code.MayMatch(sentences[^1]).Should().BeTrue();
    }

    [Theory]
    [InlineData("Use `X`s here.", "Use  *s here.")]
    [InlineData("Use `X` s here.", "Use  * s here.")]
    [InlineData("Run `npm ci`, then stop.", "Run  ******, then stop.")]
    [InlineData("Set it in ``a`b`` for now.", "Set it in  *** for now.")]
    [InlineData("Set it in ``ab`` for now.", "Set it in  ** for now.")]
    [InlineData("Set it in `a b` for now.", "Set it in  *** for now.")]
    public void Inline_code_reads_as_vale_3_reads_it(string markdown, string text)
    {
        // A space for the opening backticks, a star for each character of the code, nothing for the closing ones.
        var vale = ValeDocument.For(MarkdownReader.Instance.Read("a.md", SourceText.From(markdown + "\n")), ValeFileSettings.None);
        vale.Units("paragraph").Select(u => u.Text).Should().Equal(text);
    }
}
