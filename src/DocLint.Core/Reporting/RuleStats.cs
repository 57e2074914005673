using System.Globalization;
using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting;

/// <summary>One rule's share of a run: how many findings were shown, in how many files, and how many were suppressed.</summary>
public sealed record RuleCount(string Id, string Title, DiagnosticSeverity Severity, int Findings, int Files, int Suppressed);

/// <summary>Findings per rule, for <c>--stats</c> and the GitHub job summary: most findings first, then by id.</summary>
public static class RuleStats
{
    public static IReadOnlyList<RuleCount> Count(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Suggestion && d.Baseline != BaselineState.Unchanged)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var shown = g.Where(d => !d.IsSuppressed).ToList();
                return new RuleCount(
                    g.Key,
                    g.First().Descriptor.Title,
                    shown.Count > 0 ? shown.Max(d => d.Severity) : g.Max(d => d.Severity),
                    shown.Count,
                    shown.Select(d => d.Path).Distinct(StringComparer.Ordinal).Count(),
                    g.Count(d => d.IsSuppressed));
            })
            .OrderByDescending(c => c.Findings).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>A plain table for a terminal: id, severity, findings, files, suppressed, title.</summary>
    public static string FormatTable(IReadOnlyList<RuleCount> counts)
    {
        var text = new StringBuilder();
        text.Append("rule    severity    findings   files  suppressed  title\n");
        foreach (var c in counts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Id,-7} {c.Severity.ToConfigName(),-10} {c.Findings,9} {c.Files,7} {c.Suppressed,11}  {c.Title}\n");
        }

        return text.ToString();
    }
}
