using System.Text;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Examples;

/// <summary>A place an example expects a rule to report: <see cref="RuleId"/> null means the rule under test.</summary>
public readonly record struct ExpectedSpan(string? RuleId, TextSpan Span);

/// <summary>
/// The markup of Roslyn's analyzer tests: <c>[|…|]</c> marks where the rule under test must report;
/// <c>{|DL1002:…|}</c> names another rule. Text with no marks must produce nothing.
/// </summary>
public static class ExampleMarkup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start, char Close)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, text.Length, ']'));
                i++;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && markup.IndexOf(':', i) is var colon and > 0 && IsId(markup.AsSpan(i + 2, colon - i - 2)))
            {
                open.Push((markup[(i + 2)..colon], text.Length, '}'));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] is ']' or '}' && open.Count > 0 && open.Peek().Close == markup[i + 1])
            {
                var (id, start, _) = open.Pop();
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("an example opens a mark ([| or {|ID:) that it does not close");
        }

        spans.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return (text.ToString(), spans);
    }

    /// <summary>Writes <paramref name="text"/> back with marks where diagnostics were actually reported.</summary>
    public static string Annotate(string text, IEnumerable<(string Id, TextSpan Span)> reported, string ruleUnderTest)
    {
        var inserts = new List<(int Position, int Order, string Text)>();
        foreach (var (id, span) in reported)
        {
            var own = id == ruleUnderTest;
            inserts.Add((span.Start, 1, own ? "[|" : "{|" + id + ":"));
            inserts.Add((span.End, 0, own ? "|]" : "|}"));
        }

        inserts.Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Order.CompareTo(b.Order));
        var builder = new StringBuilder(text.Length + (inserts.Count * 4));
        var last = 0;
        foreach (var (position, _, insert) in inserts)
        {
            builder.Append(text, last, position - last).Append(insert);
            last = position;
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    private static bool IsId(ReadOnlySpan<char> s) => s.Length == 6 && s.StartsWith("DL") && s[2..].IndexOfAnyExceptInRange('0', '9') < 0;
}
