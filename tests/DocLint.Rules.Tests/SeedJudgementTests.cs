using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;

namespace DocLint.Rules.Tests;

/// <summary>Editorial judgements on the seed articles that the golden files alone would not explain.</summary>
public class SeedJudgementTests
{
    private static readonly RuleSet Shipped = new RuleSetBuilder().AddDirectory(RepoPaths.Rules).Build().RuleSet!;

    private static string Seed000 => File.ReadAllText(Path.Combine(RepoPaths.Seeds, "000_d1839214ffc1ae38.txt"));

    private static string[] LoadedTerms(RuleSet rules, string text) =>
        [.. new LintEngine(rules).LintText("000.txt", text).Diagnostics.Where(d => d.Id == "DL3001").Select(d => d.MatchedText!)];

    [Fact]
    public void Loaded_words_in_quotations_are_the_speakers_not_the_writers()
    {
        var loadedTerm = Shipped.Find("DL3001")!;
        var anyVoice = RuleCompiler.Compile(loadedTerm.Definition with { Voice = Voice.Any }).Rule!;

        LoadedTerms(new RuleSet([loadedTerm]), Seed000).Should().BeEmpty();
        LoadedTerms(new RuleSet([anyVoice]), Seed000).Should().Equal(["propping up", "withering"], "only the quotations keep these terms from being reported");
    }

    [Fact]
    public void A_named_source_is_not_anonymous()
    {
        var diagnostics = new LintEngine(Shipped).LintText("000.txt", Seed000).Diagnostics;

        // DL1001 does report the article's unnamed sources, and only those: the named spokesman is not among them.
        diagnostics.Where(d => d.Id == "DL1001").Select(d => d.MatchedText).Should().Equal("a Russian intelligence official", "a State Department official");
        Seed000.Should().Contain("spokesman Sergei Ivanov told TASS");
    }
}
