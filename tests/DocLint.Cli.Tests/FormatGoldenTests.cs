using System.Text.Json;
using DocLint.Core.Reporting.Sarif;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>Golden files for every format on the seeds, and the SARIF contracts the validator does not check.</summary>
public class FormatGoldenTests
{
    private static readonly string[] SeedNames =
        [.. Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => Path.GetExtension(f) is ".txt" or ".md" or ".html")
            .Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p))];

    public static TheoryData<string> Seeds() => new(SeedNames);

    /// <summary>The repository's own location differs per clone, so golden SARIF names it file:///doclint/.</summary>
    private static string Sarif(string seed, params string[] extra)
    {
        var result = CliRunner.Run(RepoPaths.Root, ["check", $"seeds/{seed}", "--format", "sarif", .. extra]);
        result.ExitCode.Should().Be(ExitCodes.Success);
        return Versionless(result.Out.Replace(SarifReporter.FolderUri(RepoPaths.Root), "file:///doclint/", StringComparison.Ordinal));
    }

    /// <summary>The version changes with every commit, so golden files name it 0.0.0.</summary>
    private static string Versionless(string output) =>
        output.Replace($"\"{Core.Reporting.ToolInfo.Version}\"", "\"0.0.0\"", StringComparison.Ordinal);

    private static string Golden(string seed, string suffix) => File.ReadAllText(Path.Combine(RepoPaths.Seeds, seed + suffix));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sarif_matches_its_golden_file_whatever_the_thread_count(string seed)
    {
        Sarif(seed, "--threads", "1").Should().Be(Golden(seed, ".expected.sarif"));
        Sarif(seed, "--threads", "2").Should().Be(Golden(seed, ".expected.sarif"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Json_matches_its_golden_file(string seed) =>
        Versionless(CliRunner.Run(RepoPaths.Root, "check", $"seeds/{seed}", "--format", "json", "--relative-paths").Out).Should().Be(Golden(seed, ".expected.json"));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GitHub_annotations_match_their_golden_file(string seed) =>
        CliRunner.Run(RepoPaths.Root, "check", $"seeds/{seed}", "--format", "github").Out.Should().Be(Golden(seed, ".expected.github"));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sarif_rule_indexes_base_ids_column_kind_and_regions_are_consistent(string seed)
    {
        using var log = JsonDocument.Parse(Sarif(seed));
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var baseIds = run.GetProperty("originalUriBaseIds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("uri").GetString()!);

        log.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        run.GetProperty("columnKind").GetString().Should().Be("utf16CodeUnits");
        rules.Should().BeInAscendingOrder(StringComparer.Ordinal);
        baseIds.Values.Should().OnlyContain(uri => uri.EndsWith('/'));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty();
        foreach (var result in results)
        {
            rules[result.GetProperty("ruleIndex").GetInt32()].Should().Be(result.GetProperty("ruleId").GetString());
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            baseIds.Should().ContainKey(artifact.GetProperty("uriBaseId").GetString()!);
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, artifact.GetProperty("uri").GetString()!));
            var region = physical.GetProperty("region");
            var offset = region.GetProperty("charOffset").GetInt32();
            var length = region.GetProperty("charLength").GetInt32();
            (offset + length).Should().BeLessThanOrEqualTo(text.Length);
            region.GetProperty("snippet").GetProperty("text").GetString().Should().Be(text.Substring(offset, length));
            LineColumn(text, offset).Should().Be((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
            LineColumn(text, offset + length).Should().Be((region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        }
    }

    [Fact]
    public void Substitutions_carry_a_fix_that_replaces_exactly_the_region()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Headline\n\nThe council lambasted the plan and slammed the mayor.\n");
        using var log = JsonDocument.Parse(CliRunner.Run(folder.Path, "check", "a.txt", "--format", "sarif").Out);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        static string Snippet(JsonElement r) => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("snippet").GetProperty("text").GetString()!;
        var lambasted = results.Single(r => Snippet(r) == "lambasted");

        var fix = lambasted.GetProperty("fixes")[0];
        var replacement = fix.GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        fix.GetProperty("description").GetProperty("text").GetString().Should().Be("Replace 'lambasted' with 'criticized'");
        replacement.GetProperty("insertedContent").GetProperty("text").GetString().Should().Be("criticized");
        replacement.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32()
            .Should().Be(lambasted.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("charOffset").GetInt32());
        results.Single(r => Snippet(r) == "slammed").TryGetProperty("fixes", out _).Should().BeFalse("'slammed' has a literal sense ('slammed the door'), so it is a suggestion only");
    }

    [Fact]
    public void A_rule_that_fails_to_load_is_a_configuration_notification_in_an_unsuccessful_run()
    {
        using var folder = new TempFolder();
        folder.Write("rules/DL9001.bad.yaml", "id: DL9001\nname: bad\nkind: magic\nmessage: m\n");
        var sarifPath = Path.Combine(folder.Path, "out", "run.sarif");

        var result = CliRunner.Run(folder.Path, "check", ".", "--rules", "rules", "--sarif", sarifPath, "--sarif-category", "doclint/articles/");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = log.RootElement.GetProperty("runs")[0];
        var invocation = run.GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeFalse();
        var notification = invocation.GetProperty("toolConfigurationNotifications")[0];
        notification.GetProperty("descriptor").GetProperty("id").GetString().Should().Be("DL0001");
        notification.GetProperty("message").GetProperty("text").GetString().Should().StartWith("unknown kind 'magic'");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(3);
        run.GetProperty("automationDetails").GetProperty("id").GetString().Should().Be("doclint/articles/");
        run.GetProperty("results").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Unreadable_inputs_are_execution_notifications_not_results()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("bin.txt", [0x50, 0x4B, 0, 0]);

        using var log = JsonDocument.Parse(CliRunner.Run(folder.Path, "check", ".", "--format", "sarif").Out);

        var run = log.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().Should().Be(0);
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        notification.GetProperty("descriptor").GetProperty("id").GetString().Should().Be("DL0002");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("bin.txt");
        run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().Should().BeTrue();
    }

    /// <summary>1-based line and UTF-16 column of an offset; CRLF and LF are line breaks (SARIF's default).</summary>
    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
