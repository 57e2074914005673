using System.Globalization;
using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.GitHub;

/// <summary>
/// The Markdown a GitHub Actions job summary ($GITHUB_STEP_SUMMARY) gets: the run's one-line summary and a
/// table of findings per rule, each rule linked to its page. GitHub takes at most 1 MiB per step; a run with
/// more rules than fit is cut with a last row saying so.
/// </summary>
public static class StepSummary
{
    public const int MaxBytes = 1 << 20;

    /// <summary>The job summary with <paramref name="counts"/>, the findings per rule (<see cref="FindingTally.RuleCounts"/>, or <see cref="RuleStats.Count"/> of a report's findings).</summary>
    public static string Format(Report report, IReadOnlyList<RuleCount> counts, string runSummary)
    {
        var text = new StringBuilder();
        text.Append("### DocLint\n\n").Append(Cell(runSummary)).Append("\n\n");
        if (counts.Count == 0)
        {
            return text.ToString();
        }

        var descriptors = report.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        text.Append("| rule | severity | findings | files | suppressed | title |\n");
        text.Append("|---|---|--:|--:|--:|---|\n");
        var bytes = Encoding.UTF8.GetByteCount(text.ToString());
        for (var i = 0; i < counts.Count; i++)
        {
            var c = counts[i];
            var id = descriptors.TryGetValue(c.Id, out var descriptor) && ToolInfo.HelpUri(descriptor) is { } help ? $"[{c.Id}]({help})" : c.Id;
            var row = string.Create(CultureInfo.InvariantCulture, $"| {id} | {c.Severity.ToConfigName()} | {c.Findings} | {c.Files} | {c.Suppressed} | {Cell(c.Title)} |\n");
            bytes += Encoding.UTF8.GetByteCount(row);
            if (bytes > MaxBytes - 200)
            {
                text.Append(CultureInfo.InvariantCulture, $"| … | | | | | {counts.Count - i} more rules not listed |\n");
                break;
            }

            text.Append(row);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Text safe in a Markdown table cell: pipes escaped, on one line.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
