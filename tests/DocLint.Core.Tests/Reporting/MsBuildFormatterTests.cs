using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Text;
using Humanizer;

namespace DocLint.Core.Tests.Reporting;

public class MsBuildFormatterTests
{
    private static Diagnostic Make(DiagnosticSeverity severity, TextSpan span, LinePositionSpan lines, string message = "msg", bool suppressed = false) => new()
    {
        Descriptor = new DiagnosticDescriptor("DL3001", "loaded-term", "Loaded term", "Tone", severity, "{0}", ""),
        Severity = severity,
        Message = message,
        Path = "/abs/a.txt",
        Span = span,
        LineSpan = lines,
        IsSuppressed = suppressed,
    };

    [Fact]
    public void Positions_are_one_based_with_exclusive_end()
    {
        var d = Make(DiagnosticSeverity.Warning, new TextSpan(10, 7), new LinePositionSpan(new LinePosition(2, 4), new LinePosition(2, 11)));

        MsBuildFormatter.Format(d, p => p).Should().Be("/abs/a.txt(3,5,3,12): warning DL3001: msg");
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Error, "error")]
    [InlineData(DiagnosticSeverity.Warning, "warning")]
    [InlineData(DiagnosticSeverity.Suggestion, "info")]
    public void Severity_words(DiagnosticSeverity severity, string word) =>
        MsBuildFormatter.Format(Make(severity, new TextSpan(0, 1), new LinePositionSpan(default, new LinePosition(0, 1))), p => p)
            .Should().Be($"/abs/a.txt(1,1,1,2): {word} DL3001: msg");

    [Fact]
    public void Empty_spans_print_line_and_column_only_and_messages_stay_on_one_line()
    {
        var d = Make(DiagnosticSeverity.Error, new TextSpan(0, 0), default, "two\nlines");

        MsBuildFormatter.Format(d, p => p).Should().Be("/abs/a.txt(1,1): error DL3001: two\\nlines");
    }

    [Fact]
    public void Silent_and_suppressed_diagnostics_are_not_printed()
    {
        var writer = new StringWriter();
        var lines = new LinePositionSpan(default, new LinePosition(0, 1));

        MsBuildFormatter.Write(writer, [Make(DiagnosticSeverity.Silent, new TextSpan(0, 1), lines), Make(DiagnosticSeverity.Warning, new TextSpan(0, 1), lines, suppressed: true)], p => p);

        writer.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Summary_counts_by_severity_with_humanized_words()
    {
        var lines = new LinePositionSpan(default, new LinePosition(0, 1));
        var diagnostics = new[]
        {
            Make(DiagnosticSeverity.Error, new TextSpan(0, 1), lines),
            Make(DiagnosticSeverity.Error, new TextSpan(0, 1), lines),
            Make(DiagnosticSeverity.Warning, new TextSpan(0, 1), lines),
            Make(DiagnosticSeverity.Warning, new TextSpan(0, 1), lines, suppressed: true),
        };

        RunSummary.Format(FindingTally.Of(diagnostics), 2, TimeSpan.FromMilliseconds(312)).Should().Be("2 errors and 1 warning in 2 files, 1 suppressed finding (0.3 seconds)");
        RunSummary.Format(FindingTally.Of([]), 1, TimeSpan.FromSeconds(1.26)).Should().Be("No problems in 1 file (1.3 seconds)");
    }

    /// <summary>The summary counts without Humanizer (its first use costs a short run); it must say what Humanizer said.</summary>
    [Fact]
    public void Summary_words_are_Humanizers_for_every_count()
    {
        var lines = new LinePositionSpan(default, new LinePosition(0, 1));
        foreach (var (errors, warnings, suggestions, suppressed, files) in new[] { (0, 0, 0, 0, 0), (1, 0, 0, 0, 1), (0, 2, 0, 1, 2), (3, 1, 2, 0, 1), (1, 1, 1, 2, 3), (0, 12, 1, 0, 11) })
        {
            var diagnostics = Enumerable.Repeat(DiagnosticSeverity.Error, errors)
                .Concat(Enumerable.Repeat(DiagnosticSeverity.Warning, warnings))
                .Concat(Enumerable.Repeat(DiagnosticSeverity.Suggestion, suggestions))
                .Select(s => Make(s, new TextSpan(0, 1), lines))
                .Concat(Enumerable.Range(0, suppressed).Select(_ => Make(DiagnosticSeverity.Warning, new TextSpan(0, 1), lines, suppressed: true)))
                .ToList();
            var parts = new[] { (errors, "error"), (warnings, "warning"), (suggestions, "suggestion") }.Where(p => p.Item1 > 0).Select(p => p.Item2.ToQuantity(p.Item1)).ToList();
            var expected = $"{(parts.Count == 0 ? "No problems" : parts.Humanize("and"))} in {"file".ToQuantity(files)}{(suppressed > 0 ? ", " + "suppressed finding".ToQuantity(suppressed) : "")} (0.0 seconds)";
            RunSummary.Format(FindingTally.Of(diagnostics), files, TimeSpan.Zero).Should().Be(expected);
            RunSummary.Format(FindingTally.Of(diagnostics), files, TimeSpan.Zero, baselineFixed: 1).Should().Contain($", {"baselined finding".ToQuantity(0)}, 1 fixed since the baseline");
        }
    }
}
