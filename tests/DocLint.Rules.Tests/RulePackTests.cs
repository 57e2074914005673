using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Examples;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Rules.Matching;
using DocLint.Testing;

namespace DocLint.Rules.Tests;

/// <summary>Meta-tests over every shipped rule: the rule pack's own contract, checked for each file.</summary>
public class RulePackTests
{
    private static readonly Dictionary<string, string> PackRanges = new(StringComparer.Ordinal)
    {
        ["sourcing"] = "DL1",
        ["claims"] = "DL2",
        ["tone"] = "DL3",
        ["rights"] = "DL4",
    };

    private static readonly Lazy<RuleSet> Shipped = new(() =>
    {
        var result = new RuleSetBuilder().AddDirectory(RepoPaths.Rules).Build();
        result.Errors.Should().BeEmpty();
        return result.RuleSet!;
    });

    private static string[] RuleFileNames { get; } =
        [.. Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepoPaths.Rules, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> RuleFiles() => new(RuleFileNames);

    private static CompiledRule RuleFor(string relativePath) =>
        Shipped.Value.Rules.Single(r => r.Definition.Location.Path.EndsWith(relativePath.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_example_passes(string file)
    {
        var rule = RuleFor(file);

        var failures = ExampleRunner.Run(rule, Shipped.Value.Find).Where(r => !r.Passed).Select(r => $"line {r.Example.Location.Position.Line + 1}: {r.Failure}");

        failures.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Id_is_in_its_packs_range_and_starts_the_file_name(string file)
    {
        var rule = RuleFor(file).Definition;
        var pack = file.Split('/')[0];

        PackRanges.Should().ContainKey(pack, "every rule lives in a known pack folder");
        rule.Id.Should().StartWith(PackRanges[pack]);
        Path.GetFileName(file).Should().Be($"{rule.Id}.{rule.Name}.yaml");
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Has_at_least_two_flagged_and_two_clean_examples_and_a_description(string file)
    {
        var rule = RuleFor(file).Definition;

        rule.Examples.Count(e => e.ExpectsFindings).Should().BeGreaterThanOrEqualTo(2);
        rule.Examples.Count(e => !e.ExpectsFindings).Should().BeGreaterThanOrEqualTo(2);
        rule.Description.Should().Contain("Sources:", "each rule records where its guidance comes from");
        rule.Description.Should().Contain("How to fix:");
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void An_empty_or_blank_document_yields_nothing(string file)
    {
        var rules = new RuleSet([RuleFor(file)]);
        var engine = new LintEngine(rules);

        engine.LintText("empty.txt", "").Diagnostics.Should().BeEmpty();
        engine.LintText("blank.txt", " \n\n\t\r\n").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void The_embedded_rules_are_the_rules_folder()
    {
        var embedded = new RuleSetBuilder().AddEmbeddedDefaults().Build();

        embedded.Errors.Should().BeEmpty();
        embedded.RuleSet!.Rules.Select(r => r.Definition.Location.Path).Should().BeEquivalentTo(
            RuleFileNames.Select(name => RuleSetBuilder.EmbeddedPrefix + name));
    }

    [Fact]
    public void No_term_is_reported_by_two_rules()
    {
        var owners = Shipped.Value.Rules
            .SelectMany(r => r.Definition.Match.Terms.Concat(r.Definition.If.Terms).Concat(r.Definition.Swap.Select(s => s.Term))
                .Select(t => (Term: TermSyntax.Normalize(t, caseSensitive: false), r.Id)))
            .GroupBy(p => p.Term)
            .Where(g => g.Select(p => p.Id).Distinct().Count() > 1 || g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Id))}");

        owners.Should().BeEmpty("a word is reported once, by the rule that owns it");
    }

    [Fact]
    public void The_tone_pack_has_at_least_300_curated_entries()
    {
        var tone = Shipped.Value.Rules.Where(r => r.Id.StartsWith("DL3", StringComparison.Ordinal)).Select(r => r.Definition).ToList();

        tone.Sum(d => d.Swap.Length + d.Match.Terms.Length + (d.Kind == RuleKind.Conditional && d.Id != "DL3005" ? d.If.Terms.Length : 0)).Should().BeGreaterThanOrEqualTo(300);
        tone.SelectMany(d => d.Swap).Should().OnlyContain(s => !s.Suggestions.IsEmpty, "every substitution offers a neutral word");
    }

    [Fact]
    public void The_first_pack_covers_the_four_concerns()
    {
        Shipped.Value.Rules.Select(r => r.Id).Should().Contain(["DL1001", "DL2001", "DL3001", "DL4001"]);
    }
}
