using System.Text;

namespace DocLint.Core.Rules;

/// <summary>
/// A rule's message with {placeholders}: {match}, {suggestion} (the first), {suggestions} (all, quoted,
/// joined with "or"), {count}, {max}, {min}, {window}. Unknown placeholders are a load error.
/// </summary>
public static class MessageTemplate
{
    public static IReadOnlyList<string> KnownPlaceholders { get; } = ["match", "suggestion", "suggestions", "count", "max", "min", "window"];

    /// <summary>The placeholders the template uses that are not known, in order.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template) =>
        Placeholders(template).Where(p => !KnownPlaceholders.Contains(p));

    public static IEnumerable<string> Placeholders(string template)
    {
        var start = template.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = template.IndexOf('}', start + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return template[(start + 1)..end];
            start = template.IndexOf('{', end + 1);
        }
    }

    /// <summary>Fills the template; values are already formatted with the invariant culture.</summary>
    public static string Format(string template, IReadOnlyDictionary<string, string> values)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            builder.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 1)]);
            i = close + 1;
        }

        return builder.ToString();
    }

    /// <summary>'a', 'b' or 'c'.</summary>
    public static string QuotedAlternatives(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => $"'{items[0]}'",
        _ => string.Join(", ", items.Take(items.Count - 1).Select(s => $"'{s}'")) + $" or '{items[^1]}'",
    };
}
