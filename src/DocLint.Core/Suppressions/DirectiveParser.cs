using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Suppressions;

/// <summary>
/// Finds inline directives: <c>&lt;!-- doclint-disable DL3001 --&gt;</c>, <c>doclint-restore</c> (or
/// <c>doclint-enable</c>), <c>doclint-disable-next-line</c> and <c>doclint-disable-line</c>, with rule ids
/// separated by spaces or commas, none meaning all rules. In plain text the same words may also stand on a
/// line of their own.
/// </summary>
public static partial class DirectiveParser
{
    /// <summary>Directives inside the HTML comments that lie in <paramref name="region"/> of the text.</summary>
    public static List<Directive> ParseComments(string text, TextSpan region)
    {
        var directives = new List<Directive>();
        foreach (var span in HtmlComments.Find(text.AsSpan(region.Start, region.Length), region.Start))
        {
            if (Parse(text.AsSpan(span.Start + 4, span.Length - 7), span) is { } directive)
            {
                directives.Add(directive);
            }
        }

        return directives;
    }

    /// <summary>A directive standing alone on a plain-text line, or null.</summary>
    public static Directive? ParseLine(string text, TextSpan line)
    {
        var content = text.AsSpan(line.Start, line.Length);
        var trimmed = content.Trim();
        if (!trimmed.StartsWith("doclint-", StringComparison.Ordinal))
        {
            return null;
        }

        var start = line.Start + content.IndexOf(trimmed);
        return Parse(trimmed, new TextSpan(start, trimmed.Length));
    }

    private static Directive? Parse(ReadOnlySpan<char> body, TextSpan span)
    {
        var match = Syntax().Match(body.Trim().ToString());
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["kind"].Value switch
        {
            "disable" => DirectiveKind.Disable,
            "disable-next-line" => DirectiveKind.DisableNextLine,
            "disable-line" => DirectiveKind.DisableLine,
            _ => DirectiveKind.Restore,
        };
        var ids = match.Groups["ids"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(i => i.Contains('.', StringComparison.Ordinal) ? i : i.ToUpperInvariant()).ToImmutableArray();
        return new Directive(kind, ids, span);
    }

    [GeneratedRegex(@"^doclint-(?<kind>disable-next-line|disable-line|disable|restore|enable)(?<ids>(?:[\s,]+(?:[A-Za-z]+\d+|[\w-]+(?:\.[\w-]+)+))*)[\s,]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
