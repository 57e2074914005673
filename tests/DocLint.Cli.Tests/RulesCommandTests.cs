using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public void Explain_prints_the_rules_page()
    {
        var result = CliRunner.Run(RepoPaths.Root, "rules", "explain", "dl3001");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().Be(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", "DL3001.md")));
    }

    [Fact]
    public void Explaining_an_unknown_rule_is_a_usage_error()
    {
        var result = CliRunner.Run(RepoPaths.Root, "rules", "explain", "DL9999");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Error.Should().Be("doclint: no rule 'DL9999' is loaded; 'doclint rules list' shows the rules.\n");
    }

    [Fact]
    public void Test_runs_the_built_in_examples()
    {
        var result = CliRunner.Run(RepoPaths.Root, "rules", "test");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().BeEmpty();
        result.Error.Should().MatchRegex(@"^\d+ passed, 0 failed \(\d+ rules\)\n$");
    }

    [Fact]
    public void Test_prints_a_failing_example_re_annotated_with_what_was_reported()
    {
        using var folder = new TempFolder();
        folder.Write("mine/DL9001.shouty.yaml", "id: DL9001\nname: shouty\nkind: existence\nmessage: m\nterms: [shouty]\nexamples:\n  - flag: 'so [|shouty|]'\n  - flag: '[|very|] shouty'\n");

        var result = CliRunner.Run(folder.Path, "rules", "test", "mine");

        result.ExitCode.Should().Be(ExitCodes.Findings);
        result.Out.Should().Be(
            $"{Path.Combine("mine", "DL9001.shouty.yaml")}(8,5): error DL9001: example failed\n"
            + "    expected: [|very|] shouty\n"
            + "    actual:   very [|shouty|]\n");
        result.Error.Should().Be("1 passed, 1 failed (1 rule)\n");
    }

    [Fact]
    public void Docs_check_reports_stale_pages_and_docs_writes_them()
    {
        using var folder = new TempFolder();

        var check = CliRunner.Run(folder.Path, "rules", "docs", "--output", "out", "--check");
        var write = CliRunner.Run(folder.Path, "rules", "docs", "--output", "out");
        var recheck = CliRunner.Run(folder.Path, "rules", "docs", "--output", "out", "--check");

        check.ExitCode.Should().Be(ExitCodes.Findings);
        check.Out.Should().Contain("DL3001.md: stale; run 'doclint rules docs'");
        write.ExitCode.Should().Be(ExitCodes.Success);
        recheck.ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(Path.Combine(folder.Path, "out", "README.md")).Should().Be(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", "README.md")));
    }
}
