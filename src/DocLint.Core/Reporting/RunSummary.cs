using System.Globalization;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting;

/// <summary>The one-line account of a run: "2 errors and 5 warnings in 2 files (0.3 seconds)".</summary>
public static class RunSummary
{
    public static string Format(FindingTally tally, int fileCount, TimeSpan elapsed, int? baselineFixed = null)
    {
        var parts = new List<string>();
        Add(DiagnosticSeverity.Error, "error");
        Add(DiagnosticSeverity.Warning, "warning");
        Add(DiagnosticSeverity.Suggestion, "suggestion");
        var findings = parts.Count == 0 ? "No problems" : parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        var suppressedText = tally.Suppressed > 0 ? ", " + Quantity(tally.Suppressed, "suppressed finding") : "";
        if (baselineFixed is { } fixedCount)
        {
            suppressedText += $", {Quantity(tally.Baselined, "baselined finding")}, {fixedCount} fixed since the baseline";
        }

        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{findings} in {Quantity(fileCount, "file")}{suppressedText} ({seconds} seconds)";

        void Add(DiagnosticSeverity severity, string word)
        {
            var count = tally.Shown(severity);
            if (count > 0)
            {
                parts.Add(Quantity(count, word));
            }
        }
    }

    /// <summary>"1 file", "2 files": a count and a noun whose plural takes -s (every noun of the summary), without asking Humanizer's inflector, whose first use costs a short run more than the rest of its summary.</summary>
    public static string Quantity(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
