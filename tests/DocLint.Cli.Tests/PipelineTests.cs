using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocLint.Core.Reporting;
using DocLint.Testing;
using NJsonSchema;

namespace DocLint.Cli.Tests;

/// <summary>What CI pipelines and long runs need: display filters, one rule, counts, ignore files, changed lines, init.</summary>
public class PipelineTests
{
    private const string Article = "Headline\n\nThe plan was slammed by critics. It's clear the council erred.\n";

    private static TempFolder WithArticles()
    {
        var folder = new TempFolder();
        folder.Write("a.txt", Article);
        folder.Write("b/c.txt", Article);
        return folder;
    }

    [Fact]
    public void Min_severity_hides_findings_below_it_in_every_format_but_the_exit_code_counts_them()
    {
        using var folder = WithArticles();

        var all = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--fail-level", "suggestion");
        var warnings = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--fail-level", "suggestion", "--min-severity", "warning");
        var json = CliRunner.Run(folder.Path, "check", ".", "--format", "json", "--min-severity", "warning");

        all.Out.Should().Contain(" info DL2002: ");
        warnings.Out.Should().Be(string.Concat(all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(" info ", StringComparison.Ordinal)).Select(l => l + "\n")));
        warnings.Error.Should().Be("4 warnings and 4 suggestions in 2 files (0.3 seconds); 4 findings below warning not shown\n");
        warnings.ExitCode.Should().Be(ExitCodes.Findings, "the suggestions are still at the fail level");
        JsonDocument.Parse(json.Out).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("severity").GetString()).Should().OnlyContain(s => s == "warning");
    }

    [Fact]
    public void Quiet_shows_errors_only_and_no_summary_when_there_are_none()
    {
        using var folder = WithArticles();

        var quiet = CliRunner.Run(folder.Path, "check", ".", "-q");

        quiet.Out.Should().BeEmpty();
        quiet.Error.Should().BeEmpty();
        quiet.ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void Rule_runs_only_the_rules_named_and_an_unknown_id_is_a_usage_error()
    {
        using var folder = WithArticles();

        var one = CliRunner.Run(folder.Path, "check", "a.txt", "--relative-paths", "--rule", "DL3001");
        var unknown = CliRunner.Run(folder.Path, "check", "a.txt", "--rule", "DL3001", "--rule", "DL9999");

        one.Out.Should().Be("a.txt(3,14,3,21): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
        unknown.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        unknown.Error.Should().Be("doclint: --rule: no loaded rule has the id 'DL9999'; 'doclint rules list' shows them.\n");
    }

    [Fact]
    public void Rule_keeps_configuration_that_names_other_rules_valid()
    {
        using var folder = WithArticles();
        folder.Write("doclint.yaml", "severity:\n  DL2002: none\n  DL3001: error\n");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--relative-paths", "--rule", "DL3001");

        result.Out.Should().Be("a.txt(3,14,3,21): error DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
        result.ExitCode.Should().Be(ExitCodes.Findings);
    }

    [Fact]
    public void Stats_prints_findings_per_rule_after_the_summary()
    {
        using var folder = WithArticles();

        var result = CliRunner.Run(folder.Path, "check", ".", "--stats");

        result.Error.Split('\n').Skip(1).Should().StartWith(
            "rule    severity    findings   files  suppressed  title",
            "DL4001  suggestion         2       2           0  Missing licence");
        result.Error.Should().Contain("DL3001  warning            2       2           0  Loaded term\n");
        result.Error.Should().MatchRegex(@"\nmemory: [0-9]+\.[0-9] MB allocated; collections: [0-9]+ gen0, [0-9]+ gen1, [0-9]+ gen2, [0-9]+ ms paused; peak working set [0-9]+\.[0-9] MB\n$");
    }

    [Fact]
    public void Stats_prints_where_the_lint_time_went_per_rule_and_per_shared_work()
    {
        using var folder = WithArticles();

        var result = CliRunner.Run(folder.Path, "check", ".", "--stats");

        var times = result.Error.Split('\n').SkipWhile(l => !l.StartsWith("time (ms)", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("memory:", StringComparison.Ordinal)).ToList();
        times[0].Should().Be("time (ms)   share  documents  rule, or work the rules share (time summed over threads)");
        var rows = times.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^ *([0-9]+\.[0-9]) +([0-9]+\.[0-9]) % +([0-9]+)  (.+)$")).ToList();
        rows.Should().OnlyContain(m => m.Success, string.Join("\n", times));

        // Every rule ran over both files, and the work the attribution rules share is counted once per file, apart from them.
        var documents = rows.ToDictionary(m => m.Groups[4].Value, m => int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        documents.Should().Contain(new Dictionary<string, int> { ["(reading)"] = 2, ["(word index)"] = 2, ["(attributions)"] = 2, ["DL3001"] = 2, ["DL1001"] = 2, ["DL4001"] = 2 });
        rows.Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Should().BeInDescendingOrder();
        rows.Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).Should().BeApproximately(100, 0.1 * rows.Count);
    }

    [Fact]
    public void A_doclintignore_leaves_files_out_of_folder_walks()
    {
        using var folder = WithArticles();
        folder.Write(".doclintignore", "b/\n");

        CliRunner.Run(folder.Path, "check", ".", "--relative-paths").Out.Should().NotContain("c.txt").And.Contain("a.txt(");
        CliRunner.Run(folder.Path, "check", "b/c.txt", "--relative-paths").Out.Should().Contain("c.txt(", "a file named on the command line is always linted");
    }

    [Fact]
    public void Changed_since_lints_changed_files_and_reports_only_changed_lines()
    {
        using var folder = new TempFolder();
        Git(folder.Path, "init", "-q", "-b", "main");
        folder.Write("old.txt", Article);
        folder.Write("edited.txt", "Headline\n\nThe plan was slammed.\n\nA calm line.\n");
        Git(folder.Path, "add", ".");
        Git(folder.Path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
        folder.Write("edited.txt", "Headline\n\nThe plan was slammed.\n\nA line the critics slammed.\n");
        folder.Write("new.txt", "Headline\n\nThey blasted it.\n");

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--changed-since", "HEAD", "--rule", "DL3001");
        var badRef = CliRunner.Run(folder.Path, "check", ".", "--changed-since", "no-such-ref");

        result.Out.Should().Be(
            "edited.txt(5,20,5,27): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n" +
            "new.txt(3,6,3,13): warning DL3001: 'blasted' is a loaded term; consider 'criticized'.\n");
        result.Error.Should().StartWith("2 warnings in 2 files");
        badRef.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        if (!OperatingSystem.IsWindows())
        {
            // Through a symbolic link to the repository, the same lines are the changed ones.
            var link = folder.Path + "-link";
            Directory.CreateSymbolicLink(link, folder.Path);
            try
            {
                CliRunner.Run(Path.Combine(link, "."), "check", ".", "--relative-paths", "--changed-since", "HEAD", "--rule", "DL3001").Out.Should().Be(result.Out);
            }
            finally
            {
                Directory.Delete(link);
            }
        }

        badRef.Error.Should().StartWith("doclint: --changed-since no-such-ref: ");
    }

    [Fact]
    public void Init_writes_a_commented_starter_that_loads_and_never_overwrites()
    {
        using var folder = WithArticles();

        var first = CliRunner.Run(folder.Path, "init");
        var again = CliRunner.Run(folder.Path, "init");
        var check = CliRunner.Run(folder.Path, "check", "a.txt");

        first.ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(Path.Combine(folder.Path, "doclint.yaml")).Should().Be(Commands.InitCommand.Starter);
        again.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        again.Error.Should().Be("doclint: doclint.yaml already exists here; 'doclint init --force' overwrites it.\n");
        check.Error.Should().StartWith("2 warnings and 2 suggestions in 1 file");
        CliRunner.Run(folder.Path, "init", "--force").ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void Version_says_which_build_runs()
    {
        var result = CliRunner.Run(RepoPaths.Root, "--version");

        result.Out.Should().StartWith($"doclint {ToolInfo.Version} (JIT, .NET ");
        ToolInfo.Version.Should().MatchRegex(@"^0\.2\.\d+$");
    }

    [Fact]
    public void Rules_commands_load_the_rule_folders_of_doclint_yaml_and_a_rule_link_is_its_help_page()
    {
        using var folder = WithArticles();
        folder.Write("doclint.yaml", "rules: [house]\n");
        folder.Write("house/DL9101.shouty.yaml", "id: DL9101\nname: shouty\nkind: existence\nmessage: \"'{match}' is shouty\"\nlink: https://styles.example.org/house/shouty\nterms: [slammed]\nexamples:\n  - flag: 'so [|slammed|]'\n");

        CliRunner.Run(folder.Path, "rules", "list").Out.Should().Contain("DL9101  warning     existence     Shouty\n");
        CliRunner.Run(folder.Path, "rules", "explain", "DL9101").ExitCode.Should().Be(ExitCodes.Success);
        CliRunner.Run(folder.Path, "rules", "test").Error.Should().Contain(" passed, 0 failed (");
        var sarif = JsonDocument.Parse(CliRunner.Run(folder.Path, "check", "a.txt", "--format", "sarif").Out).RootElement;
        sarif.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "DL9101").GetProperty("helpUri").GetString().Should().Be("https://styles.example.org/house/shouty");
        CliRunner.Run(folder.Path, "check", "a.txt", "--format", "rdjsonl").Out.Should().Contain("\"code\":{\"value\":\"DL9101\",\"url\":\"https://styles.example.org/house/shouty\"}");
    }

    [Fact]
    public async Task The_json_output_validates_against_its_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "schemas", "doclint-output.schema.json"));
        using var folder = WithArticles();
        folder.Write("s.md", "# Headline\n\n<!-- doclint-disable-next-line DL3001 -->\nThe plan was slammed.\n\nCritics lambasted it.\n");

        foreach (var args in new[] { new[] { "check", "--format", "json" }, ["check", "--format", "json", "--relative-paths", "--min-severity", "warning"] })
        {
            var output = CliRunner.Run(folder.Path, args).Out;
            schema.Validate(output).Select(e => e.ToString()).Should().BeEmpty();
            output.Should().Contain("\"suppressed\": true").And.Contain("\"fix\": {");
        }

        foreach (var seed in Directory.EnumerateFiles(RepoPaths.Seeds, "*.expected.json"))
        {
            schema.Validate(File.ReadAllText(seed)).Select(e => e.ToString()).Should().BeEmpty(seed);
        }

        schema.Validate("{\"version\": 2, \"tool\": {\"name\": \"DocLint\", \"version\": \"1.0.0\"}, \"diagnostics\": [], \"summary\": {}}").Should().NotBeEmpty();
    }

    [Fact]
    public void A_progress_line_is_drawn_on_standard_error_and_erased_and_standard_output_is_unchanged()
    {
        using var folder = WithArticles();
        for (var i = 0; i < 6; i++)
        {
            folder.Write($"more/{i}.txt", Article);
        }

        var plain = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");
        var drawn = CliRunner.Run(folder.Path, "check", ".", "--relative-paths", "--progress", "always");

        drawn.Out.Should().Be(plain.Out);
        drawn.Error.Should().MatchRegex(@"\r\x1b\[K\d/8 files · \d+\.\d MB/s · \d+ findings");
        drawn.Error.Should().MatchRegex(@"\r\x1b\[K16 warnings and 16 suggestions in 8 files \(\d+\.\d seconds\)\n$", "the line is erased before the summary");
        plain.Error.Should().NotContain("\x1b");
    }

    [Fact]
    public void Sarif_split_by_folder_continues_in_a_second_file_beyond_twenty_runs()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 21; i++)
        {
            folder.Write($"f{i:D2}/a.txt", Article);
        }

        var result = CliRunner.Run(folder.Path, "check", ".", "--sarif", "out/doclint.sarif", "--sarif-split-by-folder", "--sarif-category", "news/");

        using var first = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out", "doclint.sarif")));
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out", "doclint.2.sarif")));
        first.RootElement.GetProperty("runs").GetArrayLength().Should().Be(20);
        second.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()).Should().Equal("news/f20/");
        first.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString().Should().Be("news/f00/");
        result.ExitCode.Should().Be(ExitCodes.Success);
    }

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }
}
