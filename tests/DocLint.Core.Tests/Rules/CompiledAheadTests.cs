using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;

namespace DocLint.Core.Tests.Rules;

/// <summary>
/// The built-in packs compiled on a thread of their own before a run asks for them (<see cref="CompiledAhead"/>): a
/// builder that takes the compilation must load the same rules, find the same things and report the same errors as
/// one that compiles them itself.
/// </summary>
public class CompiledAheadTests
{
    private const string Text =
        "Officials said the regime's thugs had reportedly fled. A senior official, who spoke on condition of anonymity, said the move was a disaster.\n\n" +
        "Critics called the plan a radical, extremist power grab, according to sources. The weather stayed mild.\n";

    private static CompiledAhead Started()
    {
        var ahead = new CompiledAhead();
        ahead.Begin();
        return ahead;
    }

    [Fact]
    public void A_builder_that_takes_the_compilation_loads_its_rules_and_finds_what_a_builder_that_compiles_finds()
    {
        var ahead = Started();
        var taken = new RuleSetBuilder().AddEmbeddedDefaults(ahead).Build();
        var own = new RuleSetBuilder().AddEmbeddedDefaults(null).Build();

        taken.Errors.Should().BeEmpty();
        taken.RuleSet!.Rules.Select(r => r.Id).Should().Equal(own.RuleSet!.Rules.Select(r => r.Id));
        taken.RuleSet.Rules.Should().OnlyContain(r => Enumerable.Range(0, ahead.Definitions.Length).Any(i => ReferenceEquals(ahead.ResultOf(i).Rule, r)), "each rule is the one compiled ahead");

        var found = RuleHarness.Lint(taken.RuleSet, Text);
        found.Should().NotBeEmpty();
        found.Select(d => (d.Id, d.Span, d.Message)).Should().Equal(RuleHarness.Lint(own.RuleSet, Text).Select(d => (d.Id, d.Span, d.Message)));
    }

    [Fact]
    public void The_set_built_ahead_serves_only_a_run_of_exactly_the_rules_compiled_ahead()
    {
        var ahead = Started();
        var alone = new RuleSetBuilder().AddEmbeddedDefaults(ahead).Build().RuleSet!;
        ahead.RuleSetOf([.. Enumerable.Range(0, ahead.Definitions.Length).Select(i => ahead.ResultOf(i).Rule!)]).Should().BeSameAs(alone);
        ahead.RuleSetOf([.. alone.Rules.Reverse()]).Should().BeNull("another order is another list");

        const string Extra = "id: DL9001\nname: extra\ntitle: Extra\ncategory: Tone\nseverity: warning\nkind: existence\nmessage: \"'{match}'\"\nterms: [weather]\n";
        var more = new RuleSetBuilder().AddEmbeddedDefaults(Started()).AddFile("DL9001.extra.yaml", Extra).Build();
        RuleHarness.Errors(more).Should().BeEmpty();
        more.RuleSet!.Rules.Select(r => r.Id).Should().Contain("DL9001").And.HaveCount(alone.Rules.Length + 1);
        RuleHarness.Lint(more.RuleSet, Text).Where(d => d.Id == "DL9001").Select(d => Text.Substring(d.Span.Start, d.Span.Length)).Should().Equal("weather");
    }

    [Fact]
    public void Built_in_packs_added_twice_are_duplicates_as_they_would_be_without_a_compilation_ahead()
    {
        // The first addition takes the compilation; the second finds none and makes its own definitions.
        var twice = new RuleSetBuilder().AddEmbeddedDefaults(Started()).AddEmbeddedDefaults(null).Build();
        var own = new RuleSetBuilder().AddEmbeddedDefaults(null).AddEmbeddedDefaults(null).Build();

        twice.RuleSet.Should().BeNull();
        twice.Errors.Select(e => e.Message).Should().Equal(own.Errors.Select(e => e.Message)).And.HaveCount(BuiltInRules.Definitions().Length);
        twice.Errors.Should().OnlyContain(e => e.Message.StartsWith("duplicate rule id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_build_of_one_builder_makes_its_own_rule_set()
    {
        var builder = new RuleSetBuilder().AddEmbeddedDefaults(Started());
        var first = builder.Build().RuleSet!;
        var second = builder.Build().RuleSet!;

        second.Should().NotBeSameAs(first);
        second.Rules.Should().Equal(first.Rules, ReferenceEquals, "the rules themselves are the ones compiled ahead");
    }
}
