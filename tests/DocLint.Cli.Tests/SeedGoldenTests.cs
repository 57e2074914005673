using System.Text.RegularExpressions;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>The seed articles are the first golden tests: exact output, and the exact words under each span.</summary>
public class SeedGoldenTests
{
    // VS Code's $msCompile problem matcher, from microsoft/vscode
    // src/vs/workbench/contrib/tasks/common/problemMatcher.ts: the long-standing expression and the current one.
    private static readonly Regex MsCompileClassic = new(@"^(?:\s*\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+((?:fatal +)?error|warning|info)\s+(\w+\d+)\s*:\s*(.*)$");
    private static readonly Regex MsCompileCurrent = new(@"^\s*(?:\s*\d+>)?(\S.*?)(?:\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\))?\s*:\s+(?:(\S+)\s+)?((?:fatal +)?error|warning|info)\s+(\w+\d+)?\s*:\s*(.*)$");

    private static string[] SeedNames { get; } =
        [.. Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => Path.GetExtension(f) is ".txt" or ".md" or ".html")
            .Order(StringComparer.Ordinal).Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> Seeds() => new(SeedNames);

    private static string Expected(string seed) =>
        File.ReadAllText(Path.Combine(RepoPaths.Seeds, seed + ".expected"));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_seed_prints_exactly_its_expected_output(string seed)
    {
        var result = CliRunner.Run(RepoPaths.Root, "check", $"seeds/{seed}", "--relative-paths");

        result.Out.Should().Be(Expected(seed));
        result.ExitCode.Should().Be(ExitCodes.Success, "the seeds hold warnings and suggestions, below the default fail level");
    }

    [Fact]
    public void The_seeds_folder_prints_all_expected_outputs_in_order_whatever_the_thread_count()
    {
        var expected = string.Concat(SeedNames.Select(Expected));

        CliRunner.Run(RepoPaths.Root, "check", "seeds", "--relative-paths", "--threads", "1").Out.Should().Be(expected);
        CliRunner.Run(RepoPaths.Root, "check", "seeds", "--relative-paths", "--threads", "2").Out.Should().Be(expected);
        CliRunner.Run(RepoPaths.Root, "check", "seeds/*", "--relative-paths").Out.Should().Be(expected);
    }

    [Fact]
    public void Every_span_covers_the_words_it_is_about()
    {
        var underSpans = SeedNames.Where(s => s.EndsWith(".txt", StringComparison.Ordinal))
            .SelectMany(seed => Expected(seed).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => MsCompileClassic.Match(line))
            .Select(m => (File: Path.GetFileName(m.Groups[1].Value), Id: m.Groups[4].Value, Text: TextAt(m.Groups[1].Value, m.Groups[2].Value)))
            .ToList();

        underSpans.Should().Equal(
            ("000_d1839214ffc1ae38.txt", "DL4001", "Spy chiefs from Russia, Iran, and China huddle in Pakistan"),
            ("000_d1839214ffc1ae38.txt", "DL1001", "a Russian intelligence official"),
            ("000_d1839214ffc1ae38.txt", "DL1001", "a State Department official"),
            ("000_d1839214ffc1ae38.txt", "DL1002", "on condition of anonymity"),
            ("001_65aa048e52f4fc57.txt", "DL3003", "mess"),
            ("001_65aa048e52f4fc57.txt", "DL2002", "It's clear"),
            ("001_65aa048e52f4fc57.txt", "DL2001", "it was reported that"),
            ("001_65aa048e52f4fc57.txt", "DL3001", "slammed"),
            ("001_65aa048e52f4fc57.txt", "DL2002", "The plain fact of the matter is"),
            ("001_65aa048e52f4fc57.txt", "DL3001", "gutted"),
            ("001_65aa048e52f4fc57.txt", "DL3001", "unsavory characters"),
            ("001_65aa048e52f4fc57.txt", "DL3001", "breeding ground"),
            ("001_65aa048e52f4fc57.txt", "DL3001", "sits on its hands"));
    }

    [Theory]
    [InlineData("000_d1839214ffc1ae38")]
    [InlineData("001_65aa048e52f4fc57")]
    public void The_Markdown_and_HTML_versions_of_a_seed_report_the_same_findings_at_their_own_positions(string seed)
    {
        (string Id, string Text)[] Findings(string file) =>
            [.. Expected(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => MsCompileClassic.Match(line)).Select(m => (m.Groups[4].Value, TextAt(m.Groups[1].Value, m.Groups[2].Value)))];

        Findings(seed + ".md").Should().Equal(Findings(seed + ".txt"));
        Findings(seed + ".html").Should().Equal(Findings(seed + ".txt"));
        Expected(seed + ".md").Should().NotBe(Expected(seed + ".txt").Replace(".txt(", ".md(", StringComparison.Ordinal), "the positions are the Markdown file's own");
    }

    [Fact]
    public void Both_forms_of_VS_Codes_msCompile_matcher_read_every_line()
    {
        var line = Expected("001_65aa048e52f4fc57.txt").Split('\n').Single(l => l.Contains("DL3001", StringComparison.Ordinal) && l.Contains("slammed", StringComparison.Ordinal));

        var classic = MsCompileClassic.Match(line);
        classic.Success.Should().BeTrue();
        (classic.Groups[1].Value, classic.Groups[2].Value, classic.Groups[3].Value, classic.Groups[4].Value, classic.Groups[5].Value).Should().Be(
            ("seeds/001_65aa048e52f4fc57.txt", "26,81,26,88", "warning", "DL3001", "'slammed' is a loaded term; consider 'criticized'."));

        var current = MsCompileCurrent.Match(line);
        current.Success.Should().BeTrue();
        (current.Groups[1].Value, current.Groups[2].Value, current.Groups[4].Value, current.Groups[5].Value, current.Groups[6].Value).Should().Be(
            ("seeds/001_65aa048e52f4fc57.txt", "26,81,26,88", "warning", "DL3001", "'slammed' is a loaded term; consider 'criticized'."));

        foreach (var any in SeedNames.SelectMany(seed => Expected(seed).Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            MsCompileClassic.IsMatch(any).Should().BeTrue(any);
            MsCompileCurrent.IsMatch(any).Should().BeTrue(any);
        }
    }

    /// <summary>The source text at a 1-based (line,col,endLine,endCol) location, columns in UTF-16 code units.</summary>
    private static string TextAt(string relativePath, string location)
    {
        var n = location.Split(',').Select(int.Parse).ToArray();
        var lines = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)).Split('\n');
        return n[0] == n[2]
            ? lines[n[0] - 1][(n[1] - 1)..(n[3] - 1)]
            : throw new InvalidOperationException("seed spans are on one line");
    }
}
