using System.Buffers;
using System.Globalization;
using System.Text;

namespace DocLint.Core.Reporting.Text;

/// <summary>
/// What the text formats (msbuild, pretty, github, and DocLint's own messages on standard error) do with text
/// they did not write themselves (file names, messages that quote documents, source lines), so that a file
/// cannot drive the terminal or the CI log that shows it:
/// <list type="bullet">
/// <item>control characters (C0, DEL, C1) are written as escapes: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c>,
/// so ESC sequences never reach the terminal raw and a name cannot start a line of its own;</item>
/// <item><c>##[</c>, which GitHub Actions reads as a workflow command anywhere in a line, is written <c>#\x23[</c>;</item>
/// <item>a line that would start (after spaces) with <c>::</c>, GitHub Actions' workflow command syntax,
/// starts with <c>\x3a</c> instead (<see cref="SafeLine"/>).</item>
/// </list>
/// Only the github format's own lines start with <c>::</c>, and it escapes their data as Actions asks.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="value"/> with control characters and "##[" escaped.</summary>
    public static string Escape(string value) => Escape(value, keepLineBreaks: false);

    /// <param name="keepLineBreaks">Leave CR and LF as they are (the github format percent-encodes them itself).</param>
    public static string Escape(string value, bool keepLineBreaks)
    {
        if (!NeedsEscape(value, keepLineBreaks))
        {
            return value;
        }

        var result = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (keepLineBreaks && c is '\r' or '\n')
            {
                result.Append(c);
            }
            else if (IsControl(c))
            {
                AppendEscape(result, c);
            }
            else if (c == '#' && i + 2 < value.Length && value[i + 1] == '#' && value[i + 2] == '[')
            {
                result.Append("#\\x23");
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>A whole output line: its parts escaped already, and no GitHub workflow command at its start.</summary>
    public static string SafeLine(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == ' ')
        {
            start++;
        }

        return string.CompareOrdinal(line, start, "::", 0, 2) == 0 ? string.Concat(line.AsSpan(0, start), "\\x3a", line.AsSpan(start + 1)) : line;
    }

    /// <summary>Control characters: C0, DEL and C1 (U+0080–U+009F, which some terminals read as escape sequences).</summary>
    public static bool IsControl(char c) => c < ' ' || c is >= '\u007f' and <= '\u009f';

    /// <summary>The escape a control character is written as.</summary>
    public static string EscapeOf(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
    };

    private static void AppendEscape(StringBuilder result, char c) => result.Append(EscapeOf(c));

    private static bool NeedsEscape(string value, bool keepLineBreaks) =>
        value.AsSpan().ContainsAny(keepLineBreaks ? ControlsButLineBreaks : Controls) || value.Contains("##[", StringComparison.Ordinal);

    /// <summary>What <see cref="IsControl"/> names, searched for at once; the same less CR and LF.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlCharacters(keepLineBreaks: false));

    private static readonly SearchValues<char> ControlsButLineBreaks = SearchValues.Create(ControlCharacters(keepLineBreaks: true));

    private static string ControlCharacters(bool keepLineBreaks) =>
        string.Concat(Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => IsControl(c) && !(keepLineBreaks && c is '\r' or '\n')));
}
