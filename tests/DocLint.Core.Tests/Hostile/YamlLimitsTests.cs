using CsCheck;
using DocLint.Core.Configuration;
using DocLint.Core.Engine;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;
using DocLint.Testing;

namespace DocLint.Core.Tests.Hostile;

/// <summary>YAML past the limits (deep nesting, alias bombs) is a diagnostic on its file, never a crash or a hang.</summary>
public class YamlLimitsTests
{
    private static readonly string Deep = "x: " + new string('[', 50_000) + new string(']', 50_000) + "\n";

    /// <summary>Nine levels of nine aliases: 387 million values from a few hundred bytes.</summary>
    private static readonly string Bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n"
        + string.Concat(Enumerable.Range(0, 8).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i)}", 9))}]\n"));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_found_before_it_is_parsed()
    {
        var problem = Bounded.Run(() => YamlGuard.Check(Deep));

        problem.Should().NotBeNull();
        problem!.Value.Message.Should().Be("the YAML nests more than 64 levels deep");
        (problem.Value.Where.Line, problem.Value.Where.Column).Should().Be((1L, 67L), "the mapping is the first level, so the 64th '[' (one-based column 3 + 64) is the 65th");
    }

    [Fact]
    public void An_alias_bomb_is_found_by_the_values_it_stands_for()
    {
        var problem = Bounded.Run(() => YamlGuard.Check(Bomb + "? *i\n: v\n"));

        problem!.Value.Message.Should().Be("the YAML stands for more than 100,000 values once its aliases are expanded");
        problem.Value.Where.Line.Should().Be(6, "the aliases of 'f' pass the limit: f stands for 597,871 values");
    }

    [Fact]
    public void Ordinary_yaml_with_aliases_and_nesting_within_the_limits_passes()
    {
        YamlGuard.Check("base: &b {severity: warning}\nrules:\n  DL3001: *b\n  DL3002: [[1, 2], [3]]\n").Should().BeNull();
        YamlGuard.Check("x: " + new string('[', 63) + new string(']', 63)).Should().BeNull("64 levels (the mapping and 63 lists) are allowed");
        YamlGuard.Check("x: [unclosed").Should().BeNull("a syntax error is the loader's to report");
    }

    [Fact]
    public void Loading_checks_the_limits_as_it_reads_and_stops_where_the_check_does()
    {
        foreach (var text in (string[])[Deep, Bomb + "? *i\n: v\n"])
        {
            var check = YamlGuard.Check(text)!.Value;
            var thrown = Bounded.Run(() => FluentActions.Invoking(() => YamlGuard.Load(text)).Should().Throw<YamlGuard.LimitException>().Which);

            (thrown.Where, thrown.Message).Should().Be((check.Where, check.Message));
        }

        YamlGuard.Load("base: &b {severity: warning}\nrules:\n  DL3001: *b\n").Documents.Should().ContainSingle();
        FluentActions.Invoking(() => YamlGuard.Load("x: [unclosed")).Should().Throw<YamlDotNet.Core.YamlException>();
        FluentActions.Invoking(() => YamlGuard.Load(new string('a', Limits.MaxYamlBytes + 1))).Should().Throw<YamlGuard.LimitException>()
            .WithMessage("the YAML is 4,194,305 characters, more than the limit of 4,194,304");
    }

    [Fact]
    public void A_vale_rule_file_past_a_limit_is_an_error_at_its_line()
    {
        var spec = Bounded.Run(() => DocLint.Core.Vale.ValeRuleSpec.Parse("S", "S/Deep.yml", "extends: existence\nmessage: x\ntokens: " + new string('[', 100) + new string(']', 100) + "\n", out var error) is null ? error : null);

        spec.Should().Be("S/Deep.yml:3: the YAML nests more than 64 levels deep");
    }

    [Fact]
    public void A_rule_file_nested_too_deep_is_a_load_error_at_its_line()
    {
        var result = Bounded.Run(() => new RuleSetBuilder().AddFile("DL9001.deep.yaml", Deep).Build());

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => (e.Id, e.LineSpan.Start.Line, e.Message)).Should().Equal(("DL0001", 0, "the YAML nests more than 64 levels deep"));
    }

    [Fact]
    public void A_doclint_yaml_nested_too_deep_or_with_an_alias_bomb_is_a_configuration_problem()
    {
        var deep = Bounded.Run(() => DocLintConfigFile.Parse("doclint.yaml", Deep));
        var bomb = Bounded.Run(() => DocLintConfigFile.Parse("doclint.yaml", Bomb));

        deep.Problems.Select(p => p.Message).Should().Equal("the YAML nests more than 64 levels deep");
        bomb.Problems.Select(p => (p.Line, p.Message)).Should().Equal((5, "the YAML stands for more than 100,000 values once its aliases are expanded"));
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("bomb")]
    public void Front_matter_past_a_limit_is_DL0002_on_the_file_and_its_body_is_linted(string kind)
    {
        var yaml = kind == "deep" ? Deep : Bomb + "? *i\n: v\n";
        var text = "---\n" + yaml + "---\n\nThe mayor slammed it.\n";
        var rules = new RuleSetBuilder().AddFile("DL9001.x.yaml", "id: DL9001\nname: x\nkind: existence\nvoice: any\nmessage: m\nterms: [slammed]\n").Build().RuleSet!;

        var result = Bounded.Run(() => new LintEngine(rules).LintText("a.md", text));

        var message = kind == "deep" ? "front matter not read: the YAML nests more than 64 levels deep" : "front matter not read: the YAML stands for more than 100,000 values once its aliases are expanded";
        result.Diagnostics.Where(d => d.Id == "DL0002" && d.Message.StartsWith("front matter", StringComparison.Ordinal)).Select(d => d.Message).Should().Equal(message);
        result.Diagnostics.Where(d => d.Id == "DL9001").Select(d => d.MatchedText).Should().Equal("slammed");
        result.InternalError.Should().BeFalse();
    }

    [Fact]
    public void A_flow_collection_left_open_is_reported_where_it_opens_by_every_yaml_loader()
    {
        // YamlDotNet gives up on these with no position; the loaders say which bracket is never closed, and where.
        DocLint.Core.Vale.ValeRuleSpec.Parse("S", "S/R.yml", "extends: existence\nmessage: x\ntokens: [a, b\nlevel: error\n", out var valeError).Should().BeNull();
        var config = DocLintConfigFile.Parse("doclint.yaml", "rules:\n  y: [unclosed\nz: 1\n");
        var rule = RuleFileParser.Parse("DL9001.x.yaml", "id: DL9001\nname: x\nterms: {a: b\nkind: existence\n");

        valeError.Should().Be("S/R.yml:3: the flow sequence opened here with '[' is never closed");
        config.Problems.Select(p => (p.Line, p.Column, p.Message)).Should().Equal((1, 5, "invalid YAML: the flow sequence opened here with '[' is never closed"));
        rule.Errors.Select(e => (e.Location.Position.Line, e.Location.Position.Character, e.Message))
            .Should().Equal((2, 7, "invalid YAML: the flow mapping opened here with '{' is never closed"));
        YamlGuard.UnclosedFlow("message: a [b\nb: '[' # [\nc: [x, {y: z}]\n").Should().BeNull("a bracket inside a plain or quoted scalar or a comment opens nothing");
    }

    [Fact]
    public void Any_text_given_to_the_yaml_loaders_ends_as_a_result_or_a_problem()
    {
        // Fragments that build nesting, aliases, anchors, tags, keys and broken syntax at random.
        string[] parts = ["[", "]", "{", "}", "&a ", "*a", "&b ", "*b", "? ", ": ", "- ", "\n", "  ", "x", ",", "!!str ", "'", "\"", "#", "|\n", "<<: *a\n"];
        Gen.Int[0, parts.Length - 1].Array[0, 200].Select(ix => string.Concat(ix.Select(i => parts[i]))).Sample(yaml =>
        {
            YamlGuard.Check(yaml, maxDepth: 8, maxNodes: 200);
            var problem = YamlGuard.Check(yaml);
            var config = DocLintConfigFile.Parse("doclint.yaml", yaml);
            var rule = RuleFileParser.Parse("DL9001.x.yaml", yaml);
            var vale = DocLint.Core.Vale.ValeRuleSpec.Parse("S", "S/X.yml", yaml, out var valeError);
            if (problem is not null)
            {
                config.Problems.Should().NotBeEmpty();
                rule.Rule.Should().BeNull();
                vale.Should().BeNull();
                valeError.Should().StartWith("S/X.yml:");
            }
        });
    }
}
