using System.Text;

namespace DocLint.Core.Rules;

/// <summary>
/// A rule's message with {placeholders}: {match}, {suggestion} (the first), {suggestions} (all, quoted,
/// joined with "or"), {count}, {max}, {min}, {window}; for attribution rules {source}, {cue} and
/// {sourceKind} ("unnamed group"). Unknown placeholders are a load error.
/// </summary>
public static class MessageTemplate
{
    public static IReadOnlyList<string> KnownPlaceholders { get; } = ["match", "suggestion", "suggestions", "count", "max", "min", "window", "source", "cue", "sourceKind"];

    /// <summary>The placeholders the template uses that are not known, in order.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template) =>
        Placeholders(template).Where(p => !KnownPlaceholders.Contains(p));

    private static string? ValueOf(ReadOnlySpan<(string Name, string Value)> values, ReadOnlySpan<char> name)
    {
        foreach (var (key, value) in values)
        {
            if (name.SequenceEqual(key))
            {
                return value;
            }
        }

        return null;
    }

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

    /// <summary>Fills the template; values are already formatted with the invariant culture, and a placeholder with no value is left as written.</summary>
    public static string Format(string template, ReadOnlySpan<(string Name, string Value)> values)
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
            if (ValueOf(values, template.AsSpan((open + 1)..close)) is { } value)
            {
                builder.Append(value);
            }
            else
            {
                builder.Append(template, open, close + 1 - open);
            }

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
