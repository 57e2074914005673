using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Rules;

public class PhraseMatcherTests
{
    private static readonly string[] TermPool =
    [
        "it", "it's clear", "it is clear that", "the plain fact", "the", "clear", "sources say", "sources", "say", "far-right",
        "U.S. troops", "naïve", "café society", "said",
    ];

    private static readonly string[] TextPool =
    [
        "it", "It", "it’s", "it's", " ", "  ", "\n", "clear", "CLEAR", "is", "that", "the", "The", "plain", "fact", "sources", "say",
        "far", "-", "right", "U.S.", "troops", "naïve", "NAÏVE", "café", "society", "said", ".", ",", "x", "’ ",
    ];

    /// <summary>What the matcher promises: the same spans as one alternation of all terms, longest first, scanned left to right.</summary>
    private static TextSpan[] Reference(string[] terms, string text)
    {
        var alternation = string.Join("|", terms.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(TermSyntax.ToPattern));
        var regex = new Regex("(?:" + alternation + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return [.. regex.Matches(text).Where(m => m.Length > 0).Select(m => new TextSpan(m.Index, m.Length))];
    }

    [Fact]
    public void Finds_what_one_alternation_of_all_terms_finds()
    {
        var termSets = Gen.Int[0, TermPool.Length - 1].Array[1, 6].Select(ix => ix.Select(i => TermPool[i]).ToArray());
        var texts = Gen.Int[0, TextPool.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => TextPool[i])));
        Gen.Select(termSets, texts).Sample((terms, text) =>
        {
            var matcher = PhraseMatcher.Create(new MatcherSpec([.. terms], []), caseSensitive: false, []);

            var expected = Reference(terms, text);
            matcher.FindAll(text, WordIndex.Build(text)).Should().Equal(expected, $"terms [{string.Join(" | ", terms)}] in '{text}'");
            matcher.FindAll(text, WordIndex.Build(text, matcher.Words)).Should().Equal(expected, $"with only the tokens the matcher's filter keeps, terms [{string.Join(" | ", terms)}] in '{text}'");
        }, iter: 2000);
    }

    [Fact]
    public void Matchers_looked_up_together_find_what_each_finds_walking_the_index_alone()
    {
        // Several matchers, some case-sensitive, sharing first words in different cases ("US", "us", "it").
        var pool = TermPool.Concat(["US", "us", "It", "IT is", "Said"]).ToArray();
        var matcherSpecs = Gen.Select(Gen.Int[0, pool.Length - 1].Array[0, 5], Gen.Bool, (ix, caseSensitive) => (Terms: ix.Select(i => pool[i]).ToArray(), CaseSensitive: caseSensitive)).Array[1, 5];
        var texts = Gen.Int[0, TextPool.Length + 2].Array[0, 40]
            .Select(ix => string.Concat(ix.Select(i => i < TextPool.Length ? TextPool[i] : i == TextPool.Length ? "US" : " us")));
        Gen.Select(matcherSpecs, texts, Gen.Bool).Sample((specs, text, filtered) =>
        {
            var matchers = specs.Select(s => PhraseMatcher.Create(new MatcherSpec([.. s.Terms], []), s.CaseSensitive, [])).ToArray();
            var table = new TermTable(matchers.Where((_, i) => i % 3 != 2));
            var filter = WordFilter.Union(matchers.Select(m => m.Words));
            var alone = filtered ? WordIndex.Build(text, filter) : WordIndex.Build(text);
            var together = filtered ? WordIndex.Build(text, filter) : WordIndex.Build(text);
            together.Terms = table.Walk(text, together);
            for (var m = 0; m < matchers.Length; m++)
            {
                together.Terms.TryGetCandidates(matchers[m], text, out _).Should().Be(m % 3 != 2 && matchers[m].Groups.Count > 0);
                matchers[m].FindAll(text, together).Should().Equal(matchers[m].FindAll(text, alone), $"matcher {m} in '{text}'");
            }
        }, iter: 2000);
    }

    [Fact]
    public void Candidates_of_one_text_are_not_used_for_another()
    {
        var matcher = PhraseMatcher.Create(new MatcherSpec(["clear"], []), caseSensitive: false, []);
        var table = new TermTable([matcher]);
        var text = "it is clear";
        var words = WordIndex.Build(text);
        words.Terms = table.Walk(text, words);

        words.Terms.TryGetCandidates(matcher, text, out var candidates).Should().BeTrue();
        candidates.Length.Should().Be(1);
        words.Terms.TryGetCandidates(matcher, new string(text.AsSpan()), out _).Should().BeFalse();
        matcher.FindAll(text, words).Should().Equal([new TextSpan(6, 5)]);
    }

    [Fact]
    public void A_term_of_several_words_is_found_across_white_space_and_apostrophes()
    {
        const string text = "It’s  clear. The plain\nfact is. It is clear.";
        var matcher = PhraseMatcher.Create(new MatcherSpec(["it's clear", "the plain fact", "it"], []), caseSensitive: false, []);

        matcher.FindAll(text, WordIndex.Build(text)).Select(s => text.Substring(s.Start, s.Length))
            .Should().Equal("It’s  clear", "The plain\nfact", "It");
    }

    [Fact]
    public void Deferred_patterns_are_parsed_on_first_use_and_find_what_patterns_parsed_at_once_find()
    {
        const string text = "Officials said the plan, officials said, was final.";
        var location = new RuleLocation("r.yaml", default, 0);
        var spec = new MatcherSpec(["plan"], [new PatternSpec(@"\bofficials said\b", location)]);
        var now = PhraseMatcher.Create(spec, caseSensitive: false, []);
        var deferred = PhraseMatcher.Create(spec, caseSensitive: false, [], deferPatterns: true);
        deferred.Scans.Should().BeTrue();
        deferred.IsEmpty.Should().BeFalse();
        deferred.FindAll(text, WordIndex.Build(text)).Should().Equal(now.FindAll(text, WordIndex.Build(text)))
            .And.Equal(new TextSpan(0, 14), new TextSpan(19, 4), new TextSpan(25, 14));

        // A pattern that does not parse is an error at load when parsed at once, and only on use when deferred.
        var bad = new MatcherSpec([], [new PatternSpec("(unclosed", location)]);
        var errors = new List<(RuleLocation Location, string Message)>();
        PhraseMatcher.Create(bad, caseSensitive: false, errors);
        errors.Should().ContainSingle().Which.Message.Should().StartWith("invalid regular expression:");
        var later = PhraseMatcher.Create(bad, caseSensitive: false, errors = [], deferPatterns: true);
        errors.Should().BeEmpty();
        var use = () => later.FindAll("x (unclosed", WordIndex.Build("x (unclosed"));
        use.Should().Throw<ArgumentException>();
    }
}
