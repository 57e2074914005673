using System.Globalization;
using System.Text;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting.Text;

/// <summary>
/// The view for people at a terminal: per file, each finding with its source line and a ^^^ underline
/// under the exact span (tabs expanded, wide characters counted as two columns, long lines cut to a
/// window around the span), the suggestion and the rule's help link; ANSI colours when asked for.
/// </summary>
public sealed class PrettyReporter(bool color)
{
    private const int TabWidth = 4;
    private const int WindowWidth = 100;
    private const int ContextBefore = 30;

    public void Write(TextWriter writer, Report report)
    {
        foreach (var file in report.Shown.GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            writer.Write(TerminalText.SafeLine(Paint("1;4", TerminalText.Escape(report.DisplayPath(file.Key)))));
            writer.Write('\n');
            report.Sources.TryGetValue(file.Key, out var source);
            foreach (var d in file)
            {
                WriteDiagnostic(writer, d, source);
            }

            writer.Write('\n');
        }
    }

    private void WriteDiagnostic(TextWriter writer, Diagnostic d, SourceText? source)
    {
        var start = d.LineSpan.Start;
        var (code, word) = d.Severity switch
        {
            DiagnosticSeverity.Error => ("31", "error"),
            DiagnosticSeverity.Warning => ("33", "warning"),
            _ => ("36", "info"),
        };
        var location = string.Create(CultureInfo.InvariantCulture, $"{start.Line + 1}:{start.Character + 1}");
        writer.Write($"  {Paint("2", location)}  {Paint(code, word)}  {TerminalText.Escape(d.Message)}  {Paint("2", d.Id)}\n");

        if (source is not null && start.Line < source.LineCount && !d.Id.StartsWith("DL0", StringComparison.Ordinal))
        {
            var gutter = (start.Line + 1).ToString(CultureInfo.InvariantCulture);
            var pad = new string(' ', gutter.Length);
            var lineSpan = source.GetLineSpan(start.Line);
            var line = source.Text.AsSpan(lineSpan.Start, lineSpan.Length);
            var endOnLine = d.LineSpan.End.Line == start.Line ? d.LineSpan.End.Character : line.Length;
            var (text, underline) = Render(line, start.Character, Math.Max(endOnLine, start.Character));
            writer.Write($"    {Paint("2", gutter + " |")} {text}\n");
            writer.Write($"    {Paint("2", pad + " |")} {Paint(code, underline)}");
            if (d.LineSpan.End.Line > start.Line)
            {
                writer.Write(Paint("2", string.Create(CultureInfo.InvariantCulture, $" (continues to line {d.LineSpan.End.Line + 1})")));
            }

            writer.Write('\n');
        }

        if (!d.Suggestions.IsEmpty)
        {
            writer.Write($"    {Paint("32", "suggestion:")} {TerminalText.Escape(string.Join(" | ", d.Suggestions))}\n");
        }

        if (!d.Id.StartsWith("DL0", StringComparison.Ordinal) && ToolInfo.HelpUri(d.Descriptor) is { } help)
        {
            writer.Write($"    {Paint("2", "help: " + help)}\n");
        }
    }

    /// <summary>
    /// The visible part of a line and an underline of the same display width: '^' under [start, end), at
    /// least one. Long lines are cut to a window around the span, marked with '…'.
    /// </summary>
    public static (string Text, string Underline) Render(ReadOnlySpan<char> line, int start, int end)
    {
        start = Math.Clamp(start, 0, line.Length);
        end = Math.Clamp(end, start, line.Length);
        var from = 0;
        var to = line.Length;
        if (IsWiderThan(line, WindowWidth))
        {
            from = Math.Max(0, start - ContextBefore);
            to = from;
            var width = 0;
            while (to < line.Length && (width < WindowWidth || to < end))
            {
                width += CharWidth(line, to, width);
                to += char.IsHighSurrogate(line[to]) && to + 1 < line.Length ? 2 : 1;
            }
        }

        var text = new StringBuilder();
        var underline = new StringBuilder();
        if (from > 0)
        {
            text.Append('…');
            underline.Append(' ');
        }

        // An empty span is marked by one caret at its position.
        var markEnd = end == start ? start + 1 : end;
        var column = 0;
        for (var i = from; i < to;)
        {
            var step = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var width = CharWidth(line, i, column);
            if (line[i] == '\t')
            {
                text.Append(' ', width);
            }
            else if (TerminalText.IsControl(line[i]))
            {
                // Shown as its escape (\x1b), never raw: the underline counts the escape's width.
                text.Append(TerminalText.EscapeOf(line[i]));
            }
            else if (line[i] == '#' && i > 0 && line[i - 1] == '#' && line[(i + 1)..].StartsWith("["))
            {
                // "##[" starts a workflow command anywhere in a GitHub Actions log line: written "#\x23[".
                text.Append("\\x23");
                width = 4;
            }
            else
            {
                text.Append(line.Slice(i, step));
            }

            underline.Append(i >= start && i < markEnd ? '^' : ' ', width);
            column += width;
            i += step;
        }

        if (end == start && start >= to)
        {
            underline.Append('^');
        }

        if (to < line.Length)
        {
            text.Append('…');
        }

        return (text.ToString(), underline.ToString().TrimEnd());
    }

    /// <summary>True when the line takes more than <paramref name="limit"/> columns; it is read only that far, so a long line costs no more than a short one.</summary>
    private static bool IsWiderThan(ReadOnlySpan<char> line, int limit)
    {
        var width = 0;
        for (var i = 0; i < line.Length; i += char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1)
        {
            width += CharWidth(line, i, width);
            if (width > limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Columns a character takes: tabs to the next stop, wide East Asian and emoji two, combining marks none.</summary>
    private static int CharWidth(ReadOnlySpan<char> line, int i, int column)
    {
        var c = line[i];
        if (c == '\t')
        {
            return TabWidth - (column % TabWidth);
        }

        if (char.IsHighSurrogate(c))
        {
            return 2;
        }

        if (TerminalText.IsControl(c))
        {
            return TerminalText.EscapeOf(c).Length;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6')
            ? 2
            : 1;
    }

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
