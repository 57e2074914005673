using DocLint.Cli.Commands;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>Tests that read the process-wide compilation started ahead; no other test may take it meanwhile.</summary>
[CollectionDefinition(nameof(ProcessWideRuleCompilation), DisableParallelization = true)]
public sealed class ProcessWideRuleCompilation;

/// <summary>
/// <c>doclint check</c> starts compiling the built-in packs before it reads its command line
/// (<see cref="CheckCommand.StartAhead"/>); the run that takes the compilation prints what a run without it prints.
/// </summary>
[Collection(nameof(ProcessWideRuleCompilation))]
public class CompileAheadTests
{
    [Fact]
    public void Only_a_check_that_may_load_the_built_in_packs_starts_compiling_them_and_its_run_prints_the_same()
    {
        var expected = CliRunner.Run(RepoPaths.Root, "check", "seeds", "--relative-paths");
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse();

        CheckCommand.StartAhead(["rules", "list"]);
        CheckCommand.StartAhead(["check", "seeds", "--no-default-rules"]);
        CheckCommand.StartAhead([]);
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse("none of these runs loads the built-in packs");

        CheckCommand.StartAhead(["check", "seeds", "--relative-paths"]);
        RuleSetBuilder.DefaultsCompilingAhead.Should().Be(Environment.ProcessorCount > 1, "on one core there is no other core to compile on");
        var ahead = CliRunner.Run(RepoPaths.Root, "check", "seeds", "--relative-paths");
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse("the run took the compilation");

        ahead.Out.Should().Be(expected.Out).And.NotBeEmpty();
        ahead.Error.Should().Be(expected.Error);
        ahead.ExitCode.Should().Be(expected.ExitCode);
    }

    [Fact]
    public void A_run_that_plainly_uses_a_vale_configuration_alone_is_known_before_its_command_line_is_read()
    {
        using var folder = new TempFolder();
        folder.Write("docs/a.md", "Text.\n");
        var docs = Path.Combine(folder.Path, "docs");

        ConfigOptions.UsesValeAlone(["check", "."], docs).Should().BeFalse("no configuration: the built-in packs run");

        folder.Write(".vale.ini", "StylesPath = styles\n");
        ConfigOptions.UsesValeAlone(["check", "."], docs).Should().BeTrue("a .vale.ini above, and no doclint.yaml");
        ConfigOptions.UsesValeAlone(["check", "--config", "other.yaml", "."], docs).Should().BeFalse("--config names a doclint.yaml");
        ConfigOptions.UsesValeAlone(["check", "--config=vale.ini"], docs).Should().BeTrue();
        ConfigOptions.UsesValeAlone(["check", "--config:other.yaml", "."], docs).Should().BeFalse("the option's other spelling");
        ConfigOptions.UsesValeAlone(["check", "@args.rsp", "."], docs).Should().BeFalse("a response file may name any configuration");
        ConfigOptions.UsesValeAlone(["check", "--", "--config", "other.yaml"], docs).Should().BeTrue("after --, arguments are files");

        folder.Write("docs/doclint.yaml", "defaultRules: true\n");
        ConfigOptions.UsesValeAlone(["check", "."], docs).Should().BeFalse("a doclint.yaml governs the folder");
        ConfigOptions.UsesValeAlone(["check", "."], folder.Path).Should().BeTrue("the doclint.yaml below does not govern the folder above");
    }

    [Fact]
    public void A_run_whose_configuration_turns_the_built_in_packs_off_drops_the_compilation_and_lints_with_its_own_rules()
    {
        using var folder = new TempFolder();
        folder.Write("doclint.yaml", "defaultRules: false\nrules: [house]\n");
        folder.Write("house/DL9001.weather.yaml", "id: DL9001\nname: weather\ntitle: Weather\ncategory: Tone\nseverity: warning\nkind: existence\nmessage: \"'{match}'\"\nterms: [weather]\n");
        folder.Write("a.txt", "Headline\n\nThe weather was slammed by critics.\n");
        var expected = CliRunner.Run(folder.Path, "check", "a.txt");

        CheckCommand.StartAhead(["check", "a.txt"]);
        var run = CliRunner.Run(folder.Path, "check", "a.txt");
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse("the run let the compilation go");

        run.Out.Should().Be(expected.Out).And.Contain("DL9001").And.NotContain("DL3001");
        run.ExitCode.Should().Be(expected.ExitCode);
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse();
    }
}
