using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The compiled form of a rule's terms and patterns. All terms become one alternation (longest first, so
/// "regime change" wins over "regime"); each pattern is its own regex. A pattern may name a group
/// <c>match</c> to report only that part of what it matched.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly Regex[] _regexes;

    private PhraseMatcher(Regex[] regexes) => _regexes = regexes;

    public static PhraseMatcher Empty { get; } = new([]);

    public bool IsEmpty => _regexes.Length == 0;

    /// <summary>Compiles the spec; pattern errors are returned with their location in the rule file.</summary>
    public static PhraseMatcher Create(MatcherSpec spec, bool caseSensitive, List<(RuleLocation Location, string Message)> errors)
    {
        var regexes = new List<Regex>();
        if (!spec.Terms.IsEmpty)
        {
            var alternatives = spec.Terms
                .Where(t => !string.IsNullOrWhiteSpace(t))
                .Distinct(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(t => t.Length)
                .ThenBy(t => t, StringComparer.Ordinal)
                .Select(TermSyntax.ToPattern);

            // Terms are escaped literals joined by \s+: linear whatever the input, so no timeout is needed.
            regexes.Add(RegexFactory.CreateForTerms("(?:" + string.Join("|", alternatives) + ")", caseSensitive));
        }

        foreach (var pattern in spec.Patterns)
        {
            try
            {
                regexes.Add(RegexFactory.CreateForPattern(pattern.Pattern, caseSensitive));
            }
            catch (ArgumentException ex)
            {
                errors.Add((pattern.Location, $"invalid regular expression: {ex.Message}"));
            }
        }

        return new PhraseMatcher([.. regexes]);
    }

    /// <summary>
    /// All matches in <paramref name="text"/>, sorted, with overlaps resolved leftmost-longest, so the same
    /// words found by a term and by a pattern are reported once. Throws <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    public ImmutableArray<TextSpan> FindAll(string text)
    {
        if (_regexes.Length == 0)
        {
            return [];
        }

        var spans = new List<TextSpan>();
        foreach (var regex in _regexes)
        {
            var group = regex.GroupNumberFromName("match");
            if (group < 0)
            {
                foreach (var match in regex.EnumerateMatches(text))
                {
                    if (match.Length > 0)
                    {
                        spans.Add(new TextSpan(match.Index, match.Length));
                    }
                }
            }
            else
            {
                for (var match = regex.Match(text); match.Success; match = match.NextMatch())
                {
                    var g = match.Groups[group];
                    if (g.Success && g.Length > 0)
                    {
                        spans.Add(new TextSpan(g.Index, g.Length));
                    }
                }
            }
        }

        if (_regexes.Length == 1)
        {
            return [.. spans];
        }

        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var result = ImmutableArray.CreateBuilder<TextSpan>(spans.Count);
        var end = -1;
        foreach (var span in spans)
        {
            if (span.Start >= end)
            {
                result.Add(span);
                end = span.End;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>True when anything matches inside <paramref name="span"/> of <paramref name="text"/>.</summary>
    public bool IsMatchIn(string text, TextSpan span)
    {
        foreach (var regex in _regexes)
        {
            if (regex.IsMatch(text.AsSpan(span.Start, span.Length)))
            {
                return true;
            }
        }

        return false;
    }
}
