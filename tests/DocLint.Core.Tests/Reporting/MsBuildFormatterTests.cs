using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Text;

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

        RunSummary.Format(diagnostics, 2, TimeSpan.FromMilliseconds(312)).Should().Be("2 errors and 1 warning in 2 files, 1 suppressed finding (0.3 seconds)");
        RunSummary.Format([], 1, TimeSpan.FromSeconds(1.26)).Should().Be("No problems in 1 file (1.3 seconds)");
    }
}
