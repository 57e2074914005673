using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class CliTests
{
    private const string CleanRule = "id: DL9001\nname: shouty\nkind: existence\nseverity: error\nmessage: \"'{match}' is shouty\"\nterms: [shouty]\nexamples:\n  - flag: 'so [|shouty|]'\n  - pass: 'calm'\n";

    [Fact]
    public void Clean_input_exits_0_with_a_summary_on_stderr()
    {
        using var folder = new TempFolder();
        folder.Write("calm.txt", "A calm headline\n\nThe council met on Tuesday. © 2025 The Courier.");

        var result = CliRunner.Run(folder.Path, "check", "calm.txt");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().BeEmpty();
        result.Error.Should().Be("No problems in 1 file (0.3 seconds)\n");
    }

    [Fact]
    public void Paths_are_full_by_default_and_relative_on_request()
    {
        using var folder = new TempFolder();
        folder.Write("sub/a.txt", "Headline\n\nIt was shouty.");
        folder.Write("rules/DL9001.shouty.yaml", CleanRule);

        var full = CliRunner.Run(folder.Path, "check", "sub", "--no-default-rules", "--rules", "rules");
        var relative = CliRunner.Run(folder.Path, "check", "sub", "--no-default-rules", "--rules", "rules", "--relative-paths");

        full.Out.Should().Be($"{Path.Combine(folder.Path, "sub", "a.txt")}(3,8,3,14): error DL9001: 'shouty' is shouty\n");
        relative.Out.Should().Be($"{Path.Combine("sub", "a.txt")}(3,8,3,14): error DL9001: 'shouty' is shouty\n");
        relative.Error.Should().Be("1 error in 1 file (0.3 seconds)\n");
        relative.ExitCode.Should().Be(ExitCodes.Findings);
    }

    [Fact]
    public void Fail_level_decides_whether_warnings_fail_the_run()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Headline\n\nWashington slammed the plan.");

        CliRunner.Run(folder.Path, "check", "a.txt").ExitCode.Should().Be(ExitCodes.Success);
        CliRunner.Run(folder.Path, "check", "a.txt", "--fail-level", "warning").ExitCode.Should().Be(ExitCodes.Findings);
        CliRunner.Run(folder.Path, "check", "a.txt", "--fail-level", "suggestion").ExitCode.Should().Be(ExitCodes.Findings);
    }

    [Theory]
    [InlineData("check --fail-level fatal", "doclint: Argument 'fatal' not recognized. Must be one of:")]
    [InlineData("check --threads -1", "doclint: --threads must be 0 or more.")]
    [InlineData("check --no-such-option", "doclint: Unrecognized command or argument '--no-such-option'.")]
    [InlineData("lint", "doclint: Unrecognized command or argument 'lint'.")]
    public void Usage_errors_exit_2(string args, string message)
    {
        var result = CliRunner.Run(RepoPaths.Root, args.Split(' '));

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Error.Should().Contain(message);
    }

    [Fact]
    public void A_bad_rule_file_exits_2_pointing_at_the_yaml_node_and_lints_nothing()
    {
        using var folder = new TempFolder();
        var rule = folder.Write("rules/DL9001.bad.yaml", "id: DL9001\nname: bad\nkind: existence\nmessage: m\npatterns:\n  - '(unclosed'\n");
        folder.Write("a.txt", "text");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--rules", "rules");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Out.Should().StartWith($"{rule}(6,5): error DL0001: invalid regular expression: Invalid pattern '(unclosed' at offset 9. Not enough )'s.");
        result.Error.Should().Be("doclint: 1 rule or configuration error; nothing was linted.\n");
    }

    [Fact]
    public void A_rule_whose_example_fails_exits_2_with_the_examples_location()
    {
        using var folder = new TempFolder();
        var rule = folder.Write("rules/DL9001.shouty.yaml", CleanRule.Replace("- pass: 'calm'", "- pass: 'shouty'", StringComparison.Ordinal));

        var result = CliRunner.Run(folder.Path, "check", ".", "--rules", "rules");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Out.Should().Be($"{rule}(9,5): error DL0001: DL9001: example does not produce what it marks; expected \"shouty\" but got \"[|shouty|]\"\n");
    }

    [Fact]
    public void A_missing_rule_folder_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run(folder.Path, "check", ".", "--rules", "nope");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Out.Should().Be($"{Path.Combine(folder.Path, "nope")}(1,1): error DL0001: rule folder not found\n");
    }

    [Fact]
    public void Stdin_is_linted_under_the_given_path()
    {
        using var folder = new TempFolder();

        var result = CliRunner.Run(folder.Path, CliRunner.Utf8("Headline\n\nThey slammed it. © Courier"), "check", "-", "--stdin-path", "story.txt", "--relative-paths");

        result.Out.Should().Be("story.txt(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
        result.Error.Should().Be("1 warning in 1 file (0.3 seconds)\n");
    }

    [Fact]
    public void Bad_inputs_are_reported_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("bin.txt", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
        folder.Write("good.txt", "Headline\n\nThey slammed it. © Courier");

        var result = CliRunner.Run(folder.Path, "check", ".", "missing.txt", "--relative-paths");

        result.Out.Should().Be(
            "bin.txt(1,1): warning DL0002: binary file skipped (it contains NUL bytes)\n"
            + "good.txt(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n"
            + "missing.txt(1,1): error DL0002: cannot read file: file not found\n");
        result.ExitCode.Should().Be(ExitCodes.Findings);
    }

    [Fact]
    public void A_failure_inside_DocLint_exits_3_with_a_message_and_no_stack_trace()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Headline\n\nThey slammed it.");
        var error = new StringWriter();
        var context = new CliContext(new BrokenWriter(), error, folder.Path);

        var code = DocLintApp.Run(["check", "a.txt"], context);

        code.Should().Be(ExitCodes.InternalError);
        error.ToString().Should().Be($"doclint: internal error: IOException: the output pipe is closed{Environment.NewLine}");
    }

    [Fact]
    public void Rules_list_prints_id_severity_kind_and_title()
    {
        var result = CliRunner.Run(RepoPaths.Root, "rules", "list");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Out.Should().Be(
            "DL1001  warning     attribution   Unnamed source\n"
            + "DL1002  warning     conditional   Anonymity without a reason\n"
            + "DL1003  suggestion  existence     View attributed to no one\n"
            + "DL1004  suggestion  attribution   Unnamed spokesperson\n"
            + "DL2001  warning     existence     Unattributed claim\n"
            + "DL2002  suggestion  existence     Unsupported certainty\n"
            + "DL2003  warning     attribution   Unnamed study\n"
            + "DL3001  warning     substitution  Loaded term\n"
            + "DL3002  warning     substitution  Name-calling label\n"
            + "DL3003  warning     conditional   Emotive judgement\n"
            + "DL3004  warning     conditional   Insult\n"
            + "DL3005  none        conditional   Scare quote\n"
            + "DL4001  suggestion  required      Missing licence\n"
            + "DL4002  warning     existence     Republished without licence\n");
    }

    [Fact]
    public void Exit_codes_are_distinct()
    {
        new[] { ExitCodes.Success, ExitCodes.Findings, ExitCodes.UsageOrConfigError, ExitCodes.InternalError }.Should().Equal(0, 1, 2, 3);
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("the output pipe is closed");

        public override void Write(char value) => throw new IOException("the output pipe is closed");

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("the output pipe is closed");
    }
}
