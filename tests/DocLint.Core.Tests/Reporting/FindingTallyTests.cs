using CsCheck;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Reporting;

/// <summary>A run that keeps no findings counts them as they come: the same summary, rule counts and exit verdicts as the findings kept whole.</summary>
public class FindingTallyTests
{
    private static readonly DiagnosticDescriptor[] Rules =
    [
        new("DL3001", "loaded-term", "Loaded term", "Tone", DiagnosticSeverity.Warning, "{0}", "Why."),
        new("DL2002", "certainty", "Unsupported certainty", "Claims", DiagnosticSeverity.Suggestion, "{0}", "Why."),
        EngineDiagnostics.InvalidRule,
    ];

    private static readonly Gen<Diagnostic> AnyFinding =
        Gen.Select(Gen.Int[0, Rules.Length - 1], Gen.Int[0, 4], Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 2]).Select((rule, severity, file, suppressed, baseline) => new Diagnostic
        {
            Descriptor = Rules[rule],
            Severity = (DiagnosticSeverity)severity,
            Message = "m",
            Path = $"/r/{(char)('a' + file)}.md",
            Span = new TextSpan(0, 1),
            LineSpan = new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 1)),
            IsSuppressed = suppressed,
            Baseline = (BaselineState)baseline,
        });

    [Fact]
    public void Counted_file_by_file_it_says_what_the_whole_list_says()
    {
        Gen.Select(AnyFinding.Array[0, 40], Gen.Int[1, 5]).Sample((findings, chunk) =>
        {
            var sorted = findings.Order(DiagnosticOrder.Instance).ToList();
            var tally = new FindingTally();
            foreach (var part in sorted.Chunk(chunk))
            {
                tally.Add(part);
            }

            tally.RuleCounts().Should().Equal(RuleStats.Count(sorted));
            FindingTally.Of(findings).RuleCounts().Should().Equal(RuleStats.Count(findings), "a list in any order is counted as the same list by path");
            tally.Suppressed.Should().Be(sorted.Count(d => d.IsSuppressed));
            tally.Baselined.Should().Be(sorted.Count(d => !d.IsSuppressed && d.Baseline == BaselineState.Unchanged));
            var shown = sorted.Where(Report.IsShown).ToList();
            foreach (var severity in Enum.GetValues<DiagnosticSeverity>())
            {
                tally.Shown(severity).Should().Be(severity >= DiagnosticSeverity.Suggestion ? shown.Count(d => d.Severity == severity) : 0);
                tally.ShownAtLeast(severity).Should().Be(shown.Count(d => d.Severity >= severity));
                tally.ShownBelow(severity).Should().Be(shown.Count(d => d.Severity < severity));
            }

            tally.HasRuleError.Should().Be(sorted.Any(d => d.Id == EngineDiagnostics.InvalidRule.Id && d.Severity == DiagnosticSeverity.Error));
        }, iter: 2000);
    }

    // Out of path order: a list given whole is counted by path.
    private static readonly string[] Paths = ["/r/a.md", "/r/b.md", "/r/a.md", "/r/a.md"];

    [Fact]
    public void The_summary_line_reads_the_counts()
    {
        var findings = new[]
        {
            Finding(DiagnosticSeverity.Error, "/r/a.md"), Finding(DiagnosticSeverity.Warning, "/r/a.md"), Finding(DiagnosticSeverity.Warning, "/r/b.md") with { IsSuppressed = true },
            Finding(DiagnosticSeverity.Suggestion, "/r/b.md") with { Baseline = BaselineState.Unchanged }, Finding(DiagnosticSeverity.Silent, "/r/c.md"),
        };

        RunSummary.Format(FindingTally.Of(findings), 3, TimeSpan.FromSeconds(1), baselineFixed: 2)
            .Should().Be("1 error and 1 warning in 3 files, 1 suppressed finding, 1 baselined finding, 2 fixed since the baseline (1.0 seconds)");
    }

    private static Diagnostic Finding(DiagnosticSeverity severity, string path) => new()
    {
        Descriptor = Rules[0],
        Severity = severity,
        Message = "m",
        Path = path,
        Span = new TextSpan(0, 1),
        LineSpan = new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 1)),
    };

    [Fact]
    public void A_file_counts_once_per_rule_however_many_findings_it_has()
    {
        var findings = Paths.Select(path => Finding(DiagnosticSeverity.Warning, path)).ToList();

        FindingTally.Of(findings).RuleCounts().Should().Equal(new RuleCount("DL3001", "Loaded term", DiagnosticSeverity.Warning, 4, 2, 0));
    }
}
