using DocLint.Cli.Commands;
using DocLint.Cli.Tests;

namespace DocLint.Vale.Tests;

/// <summary><c>doclint vale</c>: Vale's command line run as <c>check</c>.</summary>
public sealed class ValeCommandLineTests
{
    private const string Checked = "check --relative-paths --progress never --require-vale-config";

    [Theory]
    [InlineData("--output=line .", Checked + " --format line --no-summary .")]
    [InlineData("--output=JSON --minAlertLevel=error --glob=*.md --no-wrap --sort docs", Checked + " --min-severity error --glob *.md --format vale-json --no-summary docs")]
    [InlineData("--config .vale.ini --output CLI --no-exit --ignore-syntax a.md", Checked + " --config .vale.ini --no-exit --ignore-syntax --format pretty a.md")]
    [InlineData("--output=line --sort --output=JSON a.md", Checked + " --format vale-json --no-summary a.md")]
    [InlineData("--output=line -- --odd.md", Checked + " --format line --no-summary -- --odd.md")]
    [InlineData("--no-exit=false --ignore-syntax=true a.md", Checked + " --ignore-syntax a.md")]
    [InlineData("-v", "--version")]
    public void Flags_are_translated_to_checks(string vale, string check)
    {
        string.Join(' ', ValeCommandLine.Translate(vale.Split(' '), stdinRedirected: false, out var error)!).Should().Be(check);
        error.Should().BeNull();
    }

    [Fact]
    public void Standard_input_is_read_when_piped_and_no_path_is_given_and_reported_with_its_extension()
    {
        string.Join(' ', ValeCommandLine.Translate(["--output=line", "--ext=.md"], stdinRedirected: true, out _)!).Should().Be(Checked + " --format line --no-summary --stdin-path stdin.md -");
        string.Join(' ', ValeCommandLine.Translate(["-"], stdinRedirected: false, out _)!).Should().Be(Checked + " --stdin-path stdin.txt -");
        string.Join(' ', ValeCommandLine.Translate(["a.md"], stdinRedirected: true, out _)!).Should().Be(Checked + " a.md");
    }

    [Theory]
    [InlineData("--filter=.Name", "--filter is not supported")]
    [InlineData("--output=my.tmpl .", "--output=my.tmpl: DocLint writes line, JSON and CLI")]
    [InlineData("sync", "Vale's 'sync' is not supported")]
    [InlineData("--frobnicate .", "unknown flag '--frobnicate'")]
    [InlineData("--config", "--config needs a value")]
    [InlineData("--output --config x", "--output needs a value")]
    [InlineData("--no-exit=maybe a.md", "--no-exit takes true or false")]
    public void What_cannot_run_is_refused_with_the_reason(string vale, string reason)
    {
        var result = CliRunner.Run(Path.GetTempPath(), ["vale", .. vale.Split(' ')]);
        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("doclint vale: " + reason);
    }

    [Fact]
    public void A_vale_command_line_prints_what_vale_prints()
    {
        using var vale = new ValeRunner().Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens:\n  - word\n").File("docs/a.md", "A word.\n");
        var line = CliRunner.Run(vale.Path, "vale", "--output=line", "docs");
        line.ExitCode.Should().Be(1);
        line.Out.Should().Be("docs/a.md:1:3:Test.Word:'word'\n");
        line.Error.Should().BeEmpty("Vale's line output has no summary");

        vale.File("--odd.md", "A word.\n");
        CliRunner.Run(vale.Path, "vale", "--output=line", "--", "--odd.md").Out.Should().Be("--odd.md:1:3:Test.Word:'word'\n");

        var piped = CliRunner.Run(vale.Path, "A word.\n"u8.ToArray(), "vale", "--output=line", "--ext=.md", "-");
        piped.Out.Should().Be("stdin.md:1:3:Test.Word:'word'\n");

        CliRunner.Run(vale.Path, "vale", "--help").Out.Should().StartWith("Usage: doclint vale [options] [paths...]");
    }

    [Fact]
    public void Without_a_vale_configuration_it_stops_as_vale_does()
    {
        using var folder = new DocLint.Testing.TempFolder();
        folder.Write("a.md", "The mayor slammed it.\n");
        var result = CliRunner.Run(folder.Path, "vale", "--output=line", "a.md");
        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.Error.Should().StartWith("doclint vale: E100 [.vale.ini not found] Runtime error");
    }
}
