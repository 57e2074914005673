using System.Globalization;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting.Text;

/// <summary>
/// Vale's <c>--output=line</c> shape, so that scripts written for Vale keep working:
/// <c>path:line:col:Rule:message</c>, line and column 1-based, the column counted in characters (a character
/// outside the Basic Multilingual Plane counts once, as Vale counts runes) when the source is at hand.
/// Silent and suppressed findings are not printed; control characters are escaped (<see cref="TerminalText"/>).
/// </summary>
public static class LineFormatter
{
    public static string Format(Diagnostic diagnostic, Func<string, string> displayPath, SourceText? source = null)
    {
        var columns = new ColumnCursor(ColumnUnit.Characters);
        var line = new StringWriter(CultureInfo.InvariantCulture);
        WriteLine(line, Head(displayPath(diagnostic.Path)), diagnostic, source, ref columns);
        return line.GetStringBuilder().ToString(0, line.GetStringBuilder().Length - 1);
    }

    /// <summary>
    /// Writes the findings; a rule or configuration file that cannot be loaded (DL0001) is written to
    /// <paramref name="configurationErrors"/> when given, as Vale prints its errors on standard error and only
    /// findings on standard output. The path's part of the lines is worked out once for a file's findings.
    /// </summary>
    public static void Write(TextWriter writer, Report report, TextWriter? configurationErrors = null)
    {
        var columns = new ColumnCursor(ColumnUnit.Characters);
        string? path = null;
        var head = string.Empty;
        SourceText? source = null;
        foreach (var diagnostic in report.Shown)
        {
            if (!string.Equals(diagnostic.Path, path, StringComparison.Ordinal))
            {
                path = diagnostic.Path;
                head = Head(report.DisplayPath(path));
                source = report.Sources.GetValueOrDefault(path);
            }

            var to = configurationErrors is not null && diagnostic.Id == EngineDiagnostics.InvalidRule.Id ? configurationErrors : writer;
            WriteLine(to, head, diagnostic, source, ref columns);
        }
    }

    /// <summary>
    /// The start of a finding's line, its path and the colon after it, made safe (<see cref="TerminalText.SafeLine"/>):
    /// a line can start with <c>::</c> only there, since the line number follows the colon.
    /// </summary>
    private static string Head(string displayPath) => TerminalText.SafeLine(TerminalText.Escape(displayPath) + ":");

    /// <summary>Writes <c>head</c> and <c>line:col:Rule:message</c>, and a line break, in parts.</summary>
    private static void WriteLine(TextWriter to, string head, Diagnostic diagnostic, SourceText? source, ref ColumnCursor columns)
    {
        var start = diagnostic.LineSpan.Start;
        var column = start.Character + 1;
        if (source is not null && start.Line < source.LineCount)
        {
            column = columns.At(source, start.Line, source.GetLineStart(start.Line) + start.Character);
        }

        Span<char> number = stackalloc char[11];
        to.Write(head);
        (start.Line + 1).TryFormat(number, out var written, provider: CultureInfo.InvariantCulture);
        to.Write(number[..written]);
        to.Write(':');
        column.TryFormat(number, out written, provider: CultureInfo.InvariantCulture);
        to.Write(number[..written]);
        to.Write(':');
        to.Write(diagnostic.Id);
        to.Write(':');
        to.Write(TerminalText.Escape(OneLine(diagnostic.Message)));
        to.Write('\n');
    }

    private static string OneLine(string message) => message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
