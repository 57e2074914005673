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
        return Format(diagnostic, displayPath, source, ref columns);
    }

    private static string Format(Diagnostic diagnostic, Func<string, string> displayPath, SourceText? source, ref ColumnCursor columns)
    {
        var start = diagnostic.LineSpan.Start;
        var column = start.Character + 1;
        if (source is not null && start.Line < source.LineCount)
        {
            column = columns.At(source, start.Line, source.GetLineStart(start.Line) + start.Character);
        }

        var message = diagnostic.Message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        return TerminalText.SafeLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{TerminalText.Escape(displayPath(diagnostic.Path))}:{start.Line + 1}:{column}:{diagnostic.Id}:{TerminalText.Escape(message)}"));
    }

    /// <summary>
    /// Writes the findings; a rule or configuration file that cannot be loaded (DL0001) is written to
    /// <paramref name="configurationErrors"/> when given, as Vale prints its errors on standard error and only
    /// findings on standard output.
    /// </summary>
    public static void Write(TextWriter writer, Report report, TextWriter? configurationErrors = null)
    {
        var columns = new ColumnCursor(ColumnUnit.Characters);
        foreach (var diagnostic in report.Shown)
        {
            var to = configurationErrors is not null && diagnostic.Id == EngineDiagnostics.InvalidRule.Id ? configurationErrors : writer;
            to.Write(Format(diagnostic, report.DisplayPath, report.Sources.GetValueOrDefault(diagnostic.Path), ref columns));
            to.Write('\n');
        }
    }
}
