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
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeTrue();
        var ahead = CliRunner.Run(RepoPaths.Root, "check", "seeds", "--relative-paths");
        RuleSetBuilder.DefaultsCompilingAhead.Should().BeFalse("the run took the compilation");

        ahead.Out.Should().Be(expected.Out).And.NotBeEmpty();
        ahead.Error.Should().Be(expected.Error);
        ahead.ExitCode.Should().Be(expected.ExitCode);
    }
}
