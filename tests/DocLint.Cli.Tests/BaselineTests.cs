using System.Text.Json;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class BaselineTests
{
    private const string Article = "Headline\n\nThey slammed it.\n\nCritics gutted the plan.\n";

    [Fact]
    public void Only_new_findings_are_reported_after_edits_elsewhere_and_fixed_ones_are_counted()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", Article);
        CliRunner.Run(folder.Path, "baseline", "create", "--output", "base.json", "a.txt").ExitCode.Should().Be(ExitCodes.Success);

        // Lines added above, one finding fixed, one new.
        File.WriteAllText(file, "New intro.\n\nHeadline\n\nThey slammed it.\n\nEngineers reviewed the plan. Rebels blasted the bridge.\n");
        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--baseline", "base.json", "--relative-paths", "--fail-level", "warning");

        result.Out.Should().Be("a.txt(7,37,7,44): warning DL3001: 'blasted' is a loaded term; consider 'criticized'.\n");
        result.Error.Should().Be("1 warning in 1 file, 2 baselined findings, 1 fixed since the baseline (0.3 seconds)\n");
        result.ExitCode.Should().Be(ExitCodes.Findings, "the new finding is a warning at the fail level");
    }

    [Fact]
    public void Sarif_marks_each_result_new_or_unchanged()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", Article);
        CliRunner.Run(folder.Path, "baseline", "create", "--output", "base.json", "a.txt");
        File.AppendAllText(file, "\nThey slammed the mayor.\n");

        using var log = JsonDocument.Parse(CliRunner.Run(folder.Path, "check", "a.txt", "--baseline", "base.json", "--format", "sarif").Out);

        log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("baselineState").GetString()))
            .Should().Equal(("DL4001", "unchanged"), ("DL3001", "unchanged"), ("DL3001", "unchanged"), ("DL3001", "new"));
    }

    [Fact]
    public void A_file_that_is_not_a_baseline_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", Article);
        folder.Write("base.json", "{\"hello\": 1}");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--baseline", "base.json");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Error.Should().StartWith("doclint: cannot use the baseline base.json: not a version 1 DocLint baseline");
    }
}
