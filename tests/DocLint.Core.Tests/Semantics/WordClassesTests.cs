using CsCheck;
using DocLint.Core.Semantics;

namespace DocLint.Core.Tests.Semantics;

/// <summary>A token's word classes answer what the word lists answer: the two can never drift apart.</summary>
public class WordClassesTests
{
    [Fact]
    public void Every_word_of_every_classed_list_has_that_lists_class_and_no_class_of_a_list_without_it()
    {
        var sets = WordClasses.ClassedSets().ToList();
        sets.Select(s => s.Class).Should().OnlyHaveUniqueItems().And.NotContain(WordClass.None);

        // Every class but Verb (the lexicon's verbs) and Unknown (not looked up yet) is some list's.
        Enum.GetValues<WordClass>().Except([WordClass.None, WordClass.Verb, WordClass.Unknown]).Should().BeEquivalentTo(sets.Select(s => s.Class));
        var words = sets.SelectMany(s => s.Words).Concat(["Said", "SAYS", "the", "The", "officials", "Reuters", "banana", "’s", "'s", "", "sen", "C"]).Distinct();
        foreach (var word in words)
        {
            var classes = WordClasses.Of(word);
            foreach (var set in sets)
            {
                ((classes & set.Class) != 0).Should().Be(set.Words.Contains(word, StringComparer.OrdinalIgnoreCase), $"'{word}' in the {set.Class} list");
            }
        }
    }

    [Fact]
    public void A_spelling_of_a_lexicon_verb_is_a_verb_and_case_does_not_matter()
    {
        WordClasses.Of("Said").Should().HaveFlag(WordClass.Verb);
        WordClasses.Of("TOLD").Should().HaveFlag(WordClass.Verb);
        WordClasses.Of("THE").Should().HaveFlag(WordClass.Definite).And.NotHaveFlag(WordClass.Stop).And.NotHaveFlag(WordClass.Verb);
        WordClasses.Of("Was").Should().HaveFlag(WordClass.Stop).And.HaveFlag(WordClass.BeForm);
        WordClasses.Of("banana").Should().Be(WordClass.None);
    }

    [Fact]
    public void A_token_has_the_classes_of_its_key_looked_up_when_first_asked()
    {
        const string text = "The spokesman’s aides don’t think Sen. Smith said it.";
        var tokens = new Tokenizer();
        tokens.Tokenize(text, new DocLint.Core.Text.TextSpan(0, text.Length), []);
        tokens[0].Classes.Should().Be(WordClass.Unknown);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens.Classes(i).Should().Be(WordClasses.Of(tokens.Key(i)), $"token {i} '{tokens.Key(i).ToString()}'");
            tokens[i].Classes.Should().Be(WordClasses.Of(tokens.Key(i)), "the classes are kept on the token once looked up");
        }

        // "don’t" is looked up as "don't" (an auxiliary), "Sen." as "Sen" (a title), "’s" as a form of "be".
        var keys = Enumerable.Range(0, tokens.Count).Select(i => tokens.Key(i).ToString()).ToList();
        tokens.Classes(keys.IndexOf("don't")).Should().HaveFlag(WordClass.Auxiliary);
        tokens.Classes(keys.IndexOf("Sen")).Should().HaveFlag(WordClass.Title);
        tokens.Classes(keys.IndexOf("’s")).Should().HaveFlag(WordClass.BeForm);
        tokens.Classes(keys.IndexOf("aides")).Should().Be(WordClass.Person);
        tokens.Classes(keys.IndexOf("Smith")).Should().Be(WordClass.None);
    }

    [Fact]
    public void A_lookup_answers_what_a_dictionary_of_every_list_answers_in_any_case()
    {
        var expected = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in WordClasses.ClassedSets())
        {
            foreach (var word in set.Words)
            {
                expected[word] = expected.GetValueOrDefault(word) | set.Class;
            }
        }

        foreach (var verb in DocLint.Core.Semantics.Lexicon.Lexicon.Instance.Verbs.Keys)
        {
            expected[verb] = expected.GetValueOrDefault(verb) | WordClass.Verb;
        }

        var known = expected.Keys.ToArray();

        // Known words with their letters' case flipped at random, a letter dropped or added, and random strings.
        var words = Gen.OneOf(
            Gen.Select(Gen.Int[0, known.Length - 1], Gen.UInt, (i, flips) => Flip(known[i], flips)),
            Gen.Select(Gen.Int[0, known.Length - 1], Gen.Int[0, 3], (i, cut) => known[i][..Math.Max(0, known[i].Length - cut)] + (cut == 3 ? "s" : "")),
            Gen.Char["abcdefghijklmnopqrstuvwxyzSAID’'.-é"].Array[0, 12].Select(c => new string(c)));
        words.Sample(word => WordClasses.Of(word).Should().Be(expected.GetValueOrDefault(word), $"'{word}'"), iter: 20000);

        static string Flip(string word, uint flips) =>
            string.Concat(word.Select((c, k) => ((flips >> (k % 32)) & 1) != 0 ? char.ToUpperInvariant(c) : c));
    }

    [Fact]
    public void A_verb_is_found_by_its_spelling_s_hash_in_any_case_and_a_particle_after_it_picks_the_phrasal_verb()
    {
        var lexicon = DocLint.Core.Semantics.Lexicon.Lexicon.Instance;
        DocLint.Core.Semantics.Lexicon.CueVerb? Find(string word, string next = "") => lexicon.Find(word, DocLint.Core.Text.WordIndex.HashAscii(word), next);

        Find("SAID")!.Lemma.Should().Be("say");
        Find("Said")!.Particle.Should().BeNull();
        Find("points", "OUT")!.Particle.Should().Be("out");
        Find("points", "out")!.Lemma.Should().Be("point");
        Find("banana").Should().BeNull();
        Find("sai").Should().BeNull();

        // Every spelling the lexicon has is found, with the same verbs.
        foreach (var (spelling, verbs) in lexicon.Verbs)
        {
            Find(spelling.ToUpperInvariant()).Should().Be(verbs.FirstOrDefault(v => v.Particle is null), $"'{spelling}'");
        }
    }
}
