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
