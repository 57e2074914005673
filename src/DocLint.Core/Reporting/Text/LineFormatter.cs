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
        var start = diagnostic.LineSpan.Start;
        var column = start.Character + 1;
        if (source is not null && start.Line < source.LineCount)
        {
            var columns = new ColumnCursor(ColumnUnit.Characters);
            column = columns.At(source, start.Line, source.GetLineStart(start.Line) + start.Character);
        }

        return TerminalText.SafeLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{TerminalText.Escape(displayPath(diagnostic.Path))}:{start.Line + 1}:{column}:{diagnostic.Id}:{TerminalText.Escape(OneLine(diagnostic.Message))}"));
    }

    /// <summary>
    /// Writes the findings; a rule or configuration file that cannot be loaded (DL0001) is written to
    /// <paramref name="configurationErrors"/> when given, as Vale prints its errors on standard error and only
    /// findings on standard output. Each line is written in its parts, the same text as <see cref="Format(Diagnostic, Func{string, string}, SourceText?)"/>
    /// gives, with the path's part worked out once for a file's findings.
    /// </summary>
    public static void Write(TextWriter writer, Report report, TextWriter? configurationErrors = null)
    {
        var columns = new ColumnCursor(ColumnUnit.Characters);
        string? path = null;
        var head = string.Empty;
        SourceText? source = null;
        Span<char> number = stackalloc char[11];
        foreach (var diagnostic in report.Shown)
        {
            var to = configurationErrors is not null && diagnostic.Id == EngineDiagnostics.InvalidRule.Id ? configurationErrors : writer;
            if (!string.Equals(diagnostic.Path, path, StringComparison.Ordinal))
            {
                path = diagnostic.Path;
                // The line is made safe where it starts: in the path and the colon after it.
                head = TerminalText.SafeLine(TerminalText.Escape(report.DisplayPath(path)) + ":");
                source = report.Sources.GetValueOrDefault(path);
            }

            var start = diagnostic.LineSpan.Start;
            var column = start.Character + 1;
            if (source is not null && start.Line < source.LineCount)
            {
                column = columns.At(source, start.Line, source.GetLineStart(start.Line) + start.Character);
            }

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
    }

    private static string OneLine(string message) => message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
