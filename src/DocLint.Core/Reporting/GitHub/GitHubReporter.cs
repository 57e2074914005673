using System.Globalization;
using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.GitHub;

/// <summary>
/// GitHub Actions workflow commands, one a finding, which Actions shows as annotations:
/// <c>::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=DL3001 Loaded term::message</c>.
/// Columns are given only when the finding starts and ends on one line (Actions ignores them otherwise)
/// and covers some text; GitHub's endColumn is exclusive, as ours.
/// Data escapes %, CR and LF; property values also escape ':' and ','.
/// </summary>
public static class GitHubReporter
{
    public static void Write(TextWriter writer, Report report)
    {
        foreach (var diagnostic in report.Shown)
        {
            writer.Write(Format(diagnostic, report.RelativeToRoot(diagnostic.Path) ?? diagnostic.Path));
            writer.Write('\n');
        }
    }

    public static string Format(Diagnostic diagnostic, string file)
    {
        var start = diagnostic.LineSpan.Start;
        var end = diagnostic.LineSpan.End;
        var command = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var properties = new StringBuilder();
        properties.Append("file=").Append(EscapeProperty(file));
        properties.Append(CultureInfo.InvariantCulture, $",line={start.Line + 1},endLine={end.Line + 1}");
        if (start.Line == end.Line && !diagnostic.Span.IsEmpty)
        {
            properties.Append(CultureInfo.InvariantCulture, $",col={start.Character + 1},endColumn={end.Character + 1}");
        }

        properties.Append(",title=").Append(EscapeProperty($"{diagnostic.Id} {diagnostic.Descriptor.Title}"));
        return $"::{command} {properties}::{EscapeData(diagnostic.Message)}";
    }

    /// <summary>Data as Actions decodes it (%, CR, LF), with other control characters written as escapes (<see cref="Text.TerminalText"/>).</summary>
    public static string EscapeData(string value) =>
        Text.TerminalText.Escape(value, keepLineBreaks: true).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
