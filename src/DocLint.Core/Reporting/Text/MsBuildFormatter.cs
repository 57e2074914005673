using System.Globalization;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.Text;

/// <summary>
/// The MSBuild/Roslyn line shape, which VS Code's $msCompile problem matcher parses as is:
/// <c>path(line,col,endLine,endCol): warning DL3001: message</c>, 1-based, end column exclusive, columns in
/// UTF-16 code units. A diagnostic with an empty span prints <c>path(line,col)</c>. Severity words are
/// error, warning and info (for suggestion); silent and suppressed diagnostics are not printed. Control
/// characters in names and messages are escaped (<see cref="TerminalText"/>).
/// </summary>
public static class MsBuildFormatter
{
    public static string Format(Diagnostic diagnostic, Func<string, string> displayPath)
    {
        var start = diagnostic.LineSpan.Start;
        var end = diagnostic.LineSpan.End;
        var position = diagnostic.Span.IsEmpty && start == end
            ? string.Create(CultureInfo.InvariantCulture, $"({start.Line + 1},{start.Character + 1})")
            : string.Create(CultureInfo.InvariantCulture, $"({start.Line + 1},{start.Character + 1},{end.Line + 1},{end.Character + 1})");
        // Names and messages are escaped (TerminalText): no control character or workflow command gets through.
        return TerminalText.SafeLine($"{TerminalText.Escape(displayPath(diagnostic.Path))}{position}: {SeverityWord(diagnostic.Severity)} {diagnostic.Id}: {TerminalText.Escape(OneLine(diagnostic.Message))}");
    }

    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        foreach (var diagnostic in diagnostics.Where(Report.IsShown))
        {
            writer.Write(Format(diagnostic, displayPath));
            writer.Write('\n');
        }
    }

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace('\r', ' ').Replace("\n", "\\n", StringComparison.Ordinal)
            : message;
}
