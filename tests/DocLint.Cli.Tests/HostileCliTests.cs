using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>The command line against hostile inputs: names and text that try to drive the terminal or the CI log, special files, option-like names, and kills during --fix.</summary>
public partial class HostileCliTests
{
    private const string Article = "Headline\n\nThe mayor slammed the plan on Monday.\n";

    [Fact]
    public void Double_dash_ends_the_options_so_a_file_named_like_an_option_is_linted()
    {
        using var folder = new TempFolder();
        folder.Write("-x.txt", Article);

        var result = CliRunner.Run(folder.Path, "check", "--relative-paths", "--", "-x.txt");
        var without = CliRunner.Run(folder.Path, "check", "--relative-paths", "-x.txt");

        result.Out.Should().Be(
            "-x.txt(1,1,1,9): info DL4001: No licence or rights statement found; say under what terms this text may be reused.\n"
            + "-x.txt(3,11,3,18): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
        result.ExitCode.Should().Be(ExitCodes.Success);
        without.ExitCode.Should().Be(ExitCodes.UsageOrConfigError, "without '--' it is an unknown option");
    }

    [UnixFact]
    public void A_file_name_with_line_breaks_cannot_start_a_workflow_command_in_any_text_format()
    {

        using var folder = new TempFolder();
        folder.Write("x\n::error file=evil::injected\n::add-mask::secret\n##[error]old\n.txt", Article);

        foreach (var format in new[] { "msbuild", "pretty", "github" })
        {
            var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", format);
            var lines = (result.Out + result.Error).Split('\n');

            lines.Where(l => l.Contains("##[", StringComparison.Ordinal)).Should().BeEmpty(format);
            lines.Where(l => l.TrimStart(' ').StartsWith("::", StringComparison.Ordinal) && !(format == "github" && WorkflowCommand().IsMatch(l)))
                .Should().BeEmpty($"in {format} only the github format's own lines are commands");
            result.ExitCode.Should().Be(ExitCodes.Success);
        }

        CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "msbuild").Out.Should().StartWith(
            "x\\n::error file=evil::injected\\n::add-mask::secret\\n#\\x23[error]old\\n.txt(1,1,1,9): info DL4001:");
        CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "github").Out.Should().Contain(
            "file=x%0A%3A%3Aerror file=evil%3A%3Ainjected%0A%3A%3Aadd-mask%3A%3Asecret%0A#\\x23[error]old%0A.txt,");
    }

    [Fact]
    public void A_name_that_starts_with_two_colons_is_escaped_at_the_start_of_the_line()
    {
        using var folder = new TempFolder();
        folder.Write("::warning::x.txt", Article);

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "msbuild");

        result.Out.Should().StartWith("\\x3a:warning::x.txt(1,1,1,9): info DL4001:");
        CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "line").Out.Should().StartWith("\\x3a:warning::x.txt:1:1:DL4001:");
    }

    [Fact]
    public void Escape_sequences_in_a_document_and_its_name_reach_the_terminal_escaped()
    {
        using var folder = new TempFolder();
        var name = OperatingSystem.IsWindows() ? "esc.txt" : "esc\u001b]0;title\u0007.txt";
        folder.Write(name, "Headline\n\nThe mayor \u001b[2J\u009b31m slammed it.\n");

        var pretty = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "pretty").Out;
        var msbuild = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "msbuild").Out;
        var line = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--format", "line").Out;

        pretty.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u009b");
        msbuild.Should().NotContain("\u001b").And.NotContain("\u0007");
        pretty.Should().Contain("| The mayor \\x1b[2J\\x9b31m slammed it.\n");
        pretty.Should().Contain("| " + new string(' ', 25) + "^^^^^^^\n", "the underline counts each escape's width");
        if (!OperatingSystem.IsWindows())
        {
            msbuild.Should().StartWith("esc\\x1b]0;title\\x07.txt(1,1,1,9)");
            line.Should().StartWith("esc\\x1b]0;title\\x07.txt:1:1:DL4001:");
        }
    }

    [Fact]
    public void A_baseline_whose_version_is_not_a_32_bit_integer_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Article);
        folder.Write("base.json", "{\"version\": 4294967297, \"findings\": []}");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--baseline", "base.json");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Error.Should().Be("doclint: cannot use the baseline base.json: not a version 1 DocLint baseline\n");
    }

    [UnixFact]
    public void Special_files_in_a_folder_and_as_configuration_are_skipped_and_the_rest_is_linted()
    {

        using var folder = new TempFolder();
        MakeFifo(Path.Combine(folder.Path, "a.txt"));
        MakeFifo(Path.Combine(folder.Path, "doclint.yaml"));
        MakeFifo(Path.Combine(folder.Path, "base.json"));
        folder.Write("b.txt", Article);

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");
        var baseline = CliRunner.Run(folder.Path, "check", "b.txt", "--baseline", "base.json");

        result.Out.Should().Be(
            "a.txt(1,1): warning DL0002: file skipped: it is a named pipe (FIFO); only regular files are read\n"
            + "b.txt(1,1,1,9): info DL4001: No licence or rights statement found; say under what terms this text may be reused.\n"
            + "b.txt(3,11,3,18): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n"
            + "doclint.yaml(1,1): warning DL0002: configuration file skipped: it is a named pipe (FIFO); only regular files are read\n");
        result.ExitCode.Should().Be(ExitCodes.Success);
        baseline.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        baseline.Error.Should().Be("doclint: cannot use the baseline base.json: it is a named pipe (FIFO); only regular files are read\n");
    }

    [Fact]
    public void Baseline_create_replaces_the_previous_baseline_whole()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Article);
        var path = folder.Write("base.json", "{\"version\": 1, \"findings\": []}");

        CliRunner.Run(folder.Path, "baseline", "create", "--output", "base.json", "a.txt").ExitCode.Should().Be(ExitCodes.Success);

        File.ReadAllText(path).Should().Contain("\"id\": \"DL3001\"");
        Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal("a.txt", "base.json");
    }

    [UnixFact]
    public void A_fix_killed_by_a_signal_leaves_every_file_original_or_fixed_and_no_temporary_file()
    {

        using var folder = new TempFolder();
        const int Files = 400;
        const string Original = "Headline\n\nThey lambasted it on Monday.\n";
        const string Fixed = "Headline\n\nThey criticized it on Monday.\n";
        for (var i = 0; i < Files; i++)
        {
            folder.Write($"d{i % 10}/a{i:D3}.txt", Original);
        }

        var random = new Random(19);
        foreach (var signal in new[] { "TERM", "INT", "TERM", "KILL" })
        {
            using var run = StartDocLint(folder.Path, "check", "--fix", ".");
            Thread.Sleep(random.Next(700, 1_500));
            using (var kill = Process.Start("kill", [$"-{signal}", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            run.WaitForExit(30_000).Should().BeTrue();
            var files = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
            files.Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !(signal == "KILL" && Core.Fixing.SafeFileWriter.IsTempName(f)))
                .Should().BeEmpty($"SIGTERM and SIGINT remove the temporary files ({signal})");
            files.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Select(File.ReadAllText).Where(t => t != Original && t != Fixed).Should().BeEmpty();

            // Reset half the files so the next kill meets a fix in progress again.
            foreach (var file in files.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Where((_, i) => i % 2 == 0))
            {
                File.WriteAllText(file, Original);
            }
        }

        // The next run sweeps what a SIGKILL left, and fixes the rest.
        var last = CliRunner.Run(folder.Path, "check", "--fix", ".");
        var after = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        after.Should().HaveCount(Files);
        after.Where(f => File.ReadAllText(f) != Fixed).Should().BeEmpty(last.Error);
        last.ExitCode.Should().Be(ExitCodes.Success, "only the licence suggestions stay");
    }

    private static Process StartDocLint(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "doclint.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }

    [GeneratedRegex(@"^::(notice|warning|error) file=[^\n]*::")]
    private static partial Regex WorkflowCommand();
}
