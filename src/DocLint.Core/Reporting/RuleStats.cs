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

    /// <summary>
    /// Where the lint time went (<see cref="Engine.RuleTimings.Totals"/>): time, share of all timed, documents, and
    /// what: the work rules share (in parentheses) and the <paramref name="top"/> slowest rules; the rest summed in one line.
    /// </summary>
    public static string FormatTimes(IReadOnlyList<(string What, TimeSpan Time, int Documents)> totals, int top = 20)
    {
        var all = totals.Sum(t => t.Time.TotalMilliseconds);
        var text = new StringBuilder();
        text.Append("time (ms)   share  documents  rule, or work the rules share (time summed over threads)\n");
        var rules = 0;
        var rest = (Count: 0, Milliseconds: 0.0);
        foreach (var (what, time, documents) in totals)
        {
            if (!what.StartsWith('(') && ++rules > top)
            {
                rest = (rest.Count + 1, rest.Milliseconds + time.TotalMilliseconds);
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds,9:F1} {Share(time.TotalMilliseconds),6:F1} % {documents,10}  {what}\n");
        }

        if (rest.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{rest.Milliseconds,9:F1} {Share(rest.Milliseconds),6:F1} % {"",10}  {rest.Count} more rules\n");
        }

        return text.ToString();

        double Share(double milliseconds) => all > 0 ? 100 * milliseconds / all : 0;
    }
}
