using System.Text.Json;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class FormatSelectionTests
{
    private static CliRunner.Result Run(CliContext context, params string[] args)
    {
        var output = (StringWriter)context.Out;
        var error = (StringWriter)context.Error;
        var code = DocLintApp.Run(args, context);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    private static CliContext Context(string folder, bool terminal = false, params (string Name, string Value)[] environment) =>
        new(new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" }, folder)
        {
            IsOutputRedirected = !terminal,
            GetEnvironmentVariable = name => environment.FirstOrDefault(e => e.Name == name).Value,
        };

    private static TempFolder Article()
    {
        var folder = new TempFolder();
        folder.Write("a.txt", "Headline\n\nThey slammed it. © Courier");
        return folder;
    }

    [Fact]
    public void Redirected_output_defaults_to_msbuild()
    {
        using var folder = Article();

        Run(Context(folder.Path), "check", "a.txt", "--relative-paths").Out
            .Should().Be("a.txt(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void A_terminal_gets_the_pretty_view_in_colour_unless_NO_COLOR()
    {
        using var folder = Article();

        var colored = Run(Context(folder.Path, terminal: true), "check", "a.txt", "--relative-paths").Out;
        var plain = Run(Context(folder.Path, true, ("NO_COLOR", "1")), "check", "a.txt", "--relative-paths").Out;

        colored.Should().Contain("\u001b[33mwarning\u001b[0m");
        plain.Should().Be(
            "a.txt\n"
            + "  3:6  warning  'slammed' is a loaded term; consider 'criticized'.  DL3001\n"
            + "    3 | They slammed it. © Courier\n"
            + "      |      ^^^^^^^\n"
            + "    suggestion: criticized\n"
            + "    help: https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md\n"
            + "\n");
        Run(Context(folder.Path, terminal: true), "check", "a.txt", "--relative-paths", "--no-color").Out.Should().Be(plain);
    }

    [Fact]
    public void GitHub_Actions_gets_annotations_and_a_readable_log()
    {
        using var folder = Article();

        Run(Context(folder.Path, false, ("GITHUB_ACTIONS", "true")), "check", "a.txt", "--relative-paths").Out.Should().Be(
            "::warning file=a.txt,line=3,endLine=3,col=6,endColumn=13,title=DL3001 Loaded term::'slammed' is a loaded term; consider 'criticized'.\n"
            + "a.txt(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void Output_goes_to_a_file_and_extra_formats_to_theirs()
    {
        using var folder = Article();

        var result = Run(Context(folder.Path), "check", "a.txt", "--format", "github", "--output", "out/a.txt", "--sarif", "out/a.sarif", "--json", "out/a.json");

        result.Out.Should().BeEmpty();
        File.ReadAllText(Path.Combine(folder.Path, "out/a.txt")).Should().StartWith("::warning file=a.txt,");
        File.ReadAllText(Path.Combine(folder.Path, "out/a.sarif")).Should().Contain("\"ruleId\": \"DL3001\"");
        File.ReadAllText(Path.Combine(folder.Path, "out/a.json")).Should().Contain("\"matchedText\": \"slammed\"");
    }

    [Fact]
    public void Extra_sarif_and_json_carry_fingerprints_whatever_the_main_format()
    {
        using var folder = Article();

        Run(Context(folder.Path), "check", "a.txt", "--format", "line", "--sarif", "out/a.sarif", "--json", "out/a.json").ExitCode.Should().Be(ExitCodes.Success);

        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out/a.sarif"))).RootElement;
        var result = sarif.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("partialFingerprints").GetProperty("doclint/v1").GetString().Should().MatchRegex("^[0-9a-f]{32}:1$");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out/a.json"))).RootElement;
        json.GetProperty("diagnostics")[0].GetProperty("fingerprint").GetString().Should().Be(result.GetProperty("partialFingerprints").GetProperty("doclint/v1").GetString());
    }

    [Fact]
    public void Max_warnings_gates_the_exit_code()
    {
        using var folder = Article();

        Run(Context(folder.Path), "check", "a.txt", "--max-warnings", "1").ExitCode.Should().Be(ExitCodes.Success);
        Run(Context(folder.Path), "check", "a.txt", "--max-warnings", "0").ExitCode.Should().Be(ExitCodes.Findings);
        Run(Context(folder.Path), "check", "a.txt", "--max-warnings", "-1").ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
    }
}
