using System.Diagnostics;
using System.Text.Json;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>
/// The GitHub Action's script (build/github-action.sh) run as a runner would run it, with no runner: the
/// inputs, the job summary and the step outputs are files in a temporary folder.
/// </summary>
public class GitHubActionTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "build", "github-action.sh");

    private static async Task<(int Exit, string Out, string Error)> RunScript(string folder, Dictionary<string, string> inputs)
    {
        var start = new ProcessStartInfo("bash", [Script, "lint"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOCLINT"] = $"dotnet exec {Path.Combine(AppContext.BaseDirectory, "doclint.dll")}";
        start.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(folder, "summary.md");
        start.Environment["GITHUB_OUTPUT"] = Path.Combine(folder, "output.txt");
        foreach (var (name, value) in inputs)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [UnixFact]
    public async Task The_script_writes_capped_annotations_the_log_a_summary_table_sarif_and_step_outputs()
    {
        using var folder = new TempFolder();
        // 24 loaded terms in the writer's voice (warnings), in two folders, and one article with an error-level rule.
        var text = "Headline\n\n" + string.Join("\n\n", Enumerable.Range(0, 12).Select(i => $"Paragraph {i}: the plan was slammed."));
        folder.Write("news/a.txt", text);
        folder.Write("opinion/b.txt", text);

        var (exit, output, _) = await RunScript(folder.Path, new() { ["INPUT_PATHS"] = "news\nopinion", ["INPUT_FAIL_LEVEL"] = "warning", ["INPUT_SARIF"] = "out/doclint.sarif" });

        exit.Should().Be(ExitCodes.Findings);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.StartsWith("::warning file=", StringComparison.Ordinal)).Should().Be(10);
        lines.Count(l => l.StartsWith("::notice file=", StringComparison.Ordinal)).Should().Be(2, "the two articles' missing licence");
        lines.Should().Contain("::notice title=DocLint::14 more findings not shown as annotations (14 warnings): GitHub shows 10 of each kind per step. The log lists every finding, and the job summary counts them by rule.");
        lines.Count(l => l.Contains(": warning DL3001: 'slammed'", StringComparison.Ordinal)).Should().Be(24, "the log lists every finding");
        lines.Should().Contain("news/a.txt(3,27,3,34): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");

        var summary = File.ReadAllText(Path.Combine(folder.Path, "summary.md"));
        summary.Should().StartWith("### DocLint\n\n24 warnings and 2 suggestions in 2 files (");
        summary.Should().Contain("| rule | severity | findings | files | suppressed | title |\n|---|---|--:|--:|--:|---|\n")
            .And.Contain("| [DL3001](https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md) | warning | 24 | 2 | 0 | Loaded term |\n");
        File.ReadAllText(Path.Combine(folder.Path, "output.txt")).Should().Be("exit-code=1\nsarif=out/doclint.sarif\n");
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out", "doclint.sarif")));
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(26);
    }

    [UnixFact]
    public async Task Inputs_reach_doclint_and_a_clean_run_exits_0()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Headline\n\nThe plan was slammed. It's clear it failed.\n");

        var (exit, output, _) = await RunScript(folder.Path, new() { ["INPUT_MIN_SEVERITY"] = "warning", ["INPUT_SARIF"] = "", ["INPUT_ARGS"] = "--rule DL2002 --rule DL3001" });

        exit.Should().Be(ExitCodes.Success);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "::warning file=a.txt,line=3,endLine=3,col=14,endColumn=21,title=DL3001 Loaded term::'slammed' is a loaded term; consider 'criticized'.",
            "a.txt(3,14,3,21): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");
        File.ReadAllText(Path.Combine(folder.Path, "output.txt")).Should().Be("exit-code=0\nsarif=\n");
        File.Exists(Path.Combine(folder.Path, "doclint.sarif")).Should().BeFalse();
    }
}
