using System.Globalization;
using System.Text;

namespace DocLint.Core.Fixing;

/// <summary>
/// A unified diff of a fix that `git apply` and `patch -p1` take as it is: hunks with three lines of
/// context (merged where they would overlap), each line's own ending kept (CRLF stays CRLF), and the
/// "\ No newline at end of file" marker where the file ends without one. Fixes never add or remove lines,
/// so old and new line numbers agree.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Format(string displayPath, string oldText, string newText)
    {
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        if (oldLines.Count != newLines.Count)
        {
            throw new ArgumentException("A fix must not add or remove lines.", nameof(newText));
        }

        var changed = Enumerable.Range(0, oldLines.Count).Where(i => !oldLines[i].Equals(newLines[i], StringComparison.Ordinal)).ToList();
        if (changed.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"--- a/{displayPath}\n+++ b/{displayPath}\n");
        var k = 0;
        while (k < changed.Count)
        {
            // One hunk: changed lines whose context would touch or overlap.
            var last = k;
            while (last + 1 < changed.Count && changed[last + 1] - changed[last] <= 2 * Context + 1)
            {
                last++;
            }

            var from = Math.Max(0, changed[k] - Context);
            var to = Math.Min(oldLines.Count - 1, changed[last] + Context);
            var count = to - from + 1;
            text.Append(CultureInfo.InvariantCulture, $"@@ -{from + 1},{count} +{from + 1},{count} @@\n");
            for (var i = from; i <= to; i++)
            {
                if (oldLines[i].Equals(newLines[i], StringComparison.Ordinal))
                {
                    Line(text, ' ', oldLines[i]);
                }
                else
                {
                    Line(text, '-', oldLines[i]);
                    Line(text, '+', newLines[i]);
                }
            }

            k = last + 1;
        }

        return text.ToString();
    }

    /// <summary>The lines of <paramref name="text"/>, each with its "\n" (and any "\r" before it); the last may have none.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static void Line(StringBuilder text, char mark, string line)
    {
        text.Append(mark).Append(line);
        if (!line.EndsWith('\n'))
        {
            text.Append("\n\\ No newline at end of file\n");
        }
    }
}
