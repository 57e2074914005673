using System.Text.Json;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.GitHub;
using DocLint.Core.Reporting.Reviewdog;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Reporting;

/// <summary>The formats CI systems read: capped GitHub annotations, the job summary, reviewdog's rdjsonl, rule counts.</summary>
public class CiFormatTests
{
    private static readonly DiagnosticDescriptor Loaded = new("DL3001", "loaded-term", "Loaded term", "Tone", DiagnosticSeverity.Warning, "{0}", "Why.");
    private static readonly DiagnosticDescriptor Claim = new("DL2002", "certainty", "Unsupported | certainty", "Claims", DiagnosticSeverity.Suggestion, "{0}", "Why.");

    private static Diagnostic Finding(DiagnosticDescriptor rule, DiagnosticSeverity severity, int line, string path = "/r/a.md") => new()
    {
        Descriptor = rule,
        Severity = severity,
        Message = $"m{line}",
        Path = path,
        Span = new TextSpan(line * 10, 3),
        LineSpan = new LinePositionSpan(new LinePosition(line, 0), new LinePosition(line, 3)),
    };

    private static Report ReportOf(IEnumerable<Diagnostic> diagnostics) => new() { Diagnostics = [.. diagnostics], Rules = [Claim, Loaded], Root = "/r" };

    private static string[] Annotations(params Report[] parts)
    {
        var writer = new StringWriter();
        var annotations = new GitHubAnnotations();
        foreach (var part in parts)
        {
            annotations.Write(writer, part);
        }

        annotations.Complete(writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Each_kind_is_capped_at_ten_a_step_and_one_notice_counts_what_was_left_out()
    {
        // Streamed in three parts: 12 suggestions, 14 warnings, 3 errors.
        var lines = Annotations(
            ReportOf(Enumerable.Range(0, 12).Select(i => Finding(Claim, DiagnosticSeverity.Suggestion, i))),
            ReportOf(Enumerable.Range(0, 14).Select(i => Finding(Loaded, DiagnosticSeverity.Warning, i, "/r/b.md"))),
            ReportOf(Enumerable.Range(0, 3).Select(i => Finding(Loaded, DiagnosticSeverity.Error, i, "/r/c.md"))));

        lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)).Should().Be(3);
        lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)).Should().Be(10);
        lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)).Should().Be(10, "nine findings and the count of the rest fill the ten notices GitHub shows");
        lines[^1].Should().Be("::notice title=DocLint::7 more findings not shown as annotations (4 warnings and 3 suggestions): GitHub shows 10 of each kind per step. The log lists every finding, and the job summary counts them by rule.");
        lines.Where(l => l.StartsWith("::warning ", StringComparison.Ordinal)).Last().Should().StartWith("::warning file=b.md,line=10,");
    }

    [Fact]
    public void Exactly_ten_of_a_kind_are_all_shown_with_no_count()
    {
        var lines = Annotations(ReportOf(Enumerable.Range(0, 10).Select(i => Finding(Claim, DiagnosticSeverity.Suggestion, i))));

        lines.Should().HaveCount(10).And.OnlyContain(l => l.StartsWith("::notice file=a.md,", StringComparison.Ordinal));
        lines[^1].Should().StartWith("::notice file=a.md,line=10,");
    }

    [Fact]
    public void The_job_summary_is_a_table_per_rule_with_links_and_escaped_cells()
    {
        var report = ReportOf([
            Finding(Loaded, DiagnosticSeverity.Warning, 0), Finding(Loaded, DiagnosticSeverity.Warning, 1, "/r/b.md"),
            Finding(Claim, DiagnosticSeverity.Suggestion, 2), Finding(Claim, DiagnosticSeverity.Suggestion, 3) with { IsSuppressed = true }]);

        StepSummary.Format(report, RuleStats.Count(report.Diagnostics), "2 warnings and 1 suggestion in 2 files (0.3 seconds)").Should().Be(
            "### DocLint\n\n2 warnings and 1 suggestion in 2 files (0.3 seconds)\n\n" +
            "| rule | severity | findings | files | suppressed | title |\n|---|---|--:|--:|--:|---|\n" +
            "| [DL3001](https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md) | warning | 2 | 2 | 0 | Loaded term |\n" +
            "| [DL2002](https://github.com/doclint/doclint/blob/main/docs/rules/DL2002.md) | suggestion | 1 | 1 | 1 | Unsupported \\| certainty |\n\n");
    }

    [Fact]
    public void A_rule_link_replaces_the_built_in_help_page()
    {
        var house = Loaded with { Id = "HOUSE1", HelpLink = "https://styles.example.org/house1" };

        ToolInfo.HelpUri(house).Should().Be("https://styles.example.org/house1");
        ToolInfo.HelpUri(Loaded).Should().Be("https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md");
    }

    [Fact]
    public void A_rule_with_no_link_and_no_page_in_doclints_documentation_has_no_help_link()
    {
        var house = Loaded with { Id = "HOUSE1", HasPage = false };
        ToolInfo.HelpUri(house).Should().BeNull();

        var report = ReportOf([Finding(house, DiagnosticSeverity.Warning, 1)]) with { Rules = [house] };
        StepSummary.Format(report, RuleStats.Count(report.Diagnostics), "1 warning").Should().Contain("| HOUSE1 | warning |").And.NotContain("](");
    }

    [Fact]
    public void Rdjsonl_counts_columns_in_utf8_bytes_and_offers_the_safe_fix_as_a_suggestion()
    {
        // "é" is two UTF-8 bytes and "😀" four (two UTF-16 code units): 'slammed' starts at UTF-16 column 7, UTF-8 byte column 10.
        var source = SourceText.From("intro\r\né😀 X slammed it\n");
        var start = source.Text.IndexOf("slammed", StringComparison.Ordinal);
        var span = new TextSpan(start, 7);
        var finding = new Diagnostic
        {
            Descriptor = Loaded,
            Severity = DiagnosticSeverity.Warning,
            Message = "'slammed' is a loaded term",
            Path = "/r/docs/a.md",
            Span = span,
            LineSpan = source.GetLinePositionSpan(span),
            Fix = new TextEdit(span, "criticized"),
        };
        var writer = new StringWriter();

        RdJsonLinesReporter.Write(writer, ReportOf([finding]) with { Sources = new Dictionary<string, SourceText> { ["/r/docs/a.md"] = source } });

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        var json = JsonDocument.Parse(lines[0]).RootElement;
        json.GetProperty("location").GetProperty("path").GetString().Should().Be("docs/a.md");
        json.GetProperty("location").GetProperty("range").GetRawText().Should().Be("{\"start\":{\"line\":2,\"column\":10},\"end\":{\"line\":2,\"column\":17}}");
        json.GetProperty("severity").GetString().Should().Be("WARNING");
        json.GetProperty("code").GetProperty("value").GetString().Should().Be("DL3001");
        json.GetProperty("suggestions")[0].GetRawText().Should().Be("{\"range\":{\"start\":{\"line\":2,\"column\":10},\"end\":{\"line\":2,\"column\":17}},\"text\":\"criticized\"}");
    }

    [Fact]
    public void Rule_counts_put_the_most_findings_first_and_count_files_and_suppressed()
    {
        var counts = RuleStats.Count([
            Finding(Claim, DiagnosticSeverity.Suggestion, 0), Finding(Loaded, DiagnosticSeverity.Warning, 1),
            Finding(Loaded, DiagnosticSeverity.Warning, 2, "/r/b.md"), Finding(Loaded, DiagnosticSeverity.Warning, 3) with { IsSuppressed = true },
            Finding(Claim, DiagnosticSeverity.Silent, 4)]);

        counts.Should().Equal(
            new RuleCount("DL3001", "Loaded term", DiagnosticSeverity.Warning, 2, 2, 1),
            new RuleCount("DL2002", "Unsupported | certainty", DiagnosticSeverity.Suggestion, 1, 1, 0));
    }

    [Fact]
    public void Rule_times_show_the_shared_work_and_the_slowest_rules_and_sum_the_rest()
    {
        var table = RuleStats.FormatTimes(
            [("DL3001", TimeSpan.FromMilliseconds(50), 4), ("(attributions)", TimeSpan.FromMilliseconds(30), 4),
             ("DL1001", TimeSpan.FromMilliseconds(15), 4), ("DL2001", TimeSpan.FromMilliseconds(5), 3)],
            top: 1);

        table.Should().Be(
            "time (ms)   share  documents  rule, or work the rules share (time summed over threads)\n" +
            "     50.0   50.0 %          4  DL3001\n" +
            "     30.0   30.0 %          4  (attributions)\n" +
            "     20.0   20.0 %             2 more rules\n");
    }

    [Fact]
    public void Rule_timings_add_up_per_name_and_count_documents_longest_first()
    {
        var timings = new DocLint.Core.Engine.RuleTimings();
        var second = System.Diagnostics.Stopwatch.Frequency;
        timings.Add("DL1001", second);
        timings.Add("(reading)", 3 * second);
        timings.Add("DL1001", second);

        timings.Totals().Should().Equal(("(reading)", TimeSpan.FromSeconds(3), 1), ("DL1001", TimeSpan.FromSeconds(2), 2));
    }
}
