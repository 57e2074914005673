using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Documents.Markdown;

/// <summary>Markdown's fenced code blocks found line by line, before or apart from parsing (a Vale document's code; the bound on tables).</summary>
internal static class MarkdownFences
{
    /// <summary>
    /// The fenced code blocks (<c>```</c>, <c>~~~</c>), fences included, in order: most files have few or none. A fence
    /// opens after up to three spaces (any indentation with <paramref name="anyIndentation"/>, as MDX's components indent
    /// theirs) and closes at a line of at least as many of its character; one never closed runs to the end.
    /// </summary>
    public static ImmutableArray<TextSpan> Find(string source, bool anyIndentation = false)
    {
        var fenced = ImmutableArray.CreateBuilder<TextSpan>();
        // The open fence's character and length (0: none open); each line is the text up to its '\n'.
        var fenceChar = '\0';
        var fenceLength = 0;
        var start = 0;
        for (var lineStart = 0; lineStart <= source.Length;)
        {
            var newline = source.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? source.Length : newline;
            var line = source.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = line.TrimStart(' ');
            if (fenceLength == 0)
            {
                if ((anyIndentation || line.Length - trimmed.Length <= 3) && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
                {
                    fenceChar = trimmed[0];
                    fenceLength = trimmed.Length - trimmed.TrimStart(fenceChar).Length;
                    start = lineStart;
                }
            }
            else
            {
                var closing = trimmed.TrimEnd();
                if (closing.Length >= fenceLength && !closing.ContainsAnyExcept(fenceChar))
                {
                    fenced.Add(TextSpan.FromBounds(start, lineEnd));
                    fenceLength = 0;
                }
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (fenceLength != 0)
        {
            fenced.Add(TextSpan.FromBounds(start, source.Length));
        }

        return fenced.ToImmutable();
    }
}
