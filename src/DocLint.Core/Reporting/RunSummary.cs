using System.Globalization;
using DocLint.Core.Diagnostics;
using Humanizer;

namespace DocLint.Core.Reporting;

/// <summary>The one-line account of a run: "2 errors and 5 warnings in 2 files (0.3 seconds)".</summary>
public static class RunSummary
{
    public static string Format(IReadOnlyCollection<Diagnostic> diagnostics, int fileCount, TimeSpan elapsed, int? baselineFixed = null)
    {
        var shown = diagnostics.Where(d => !d.IsSuppressed && d.Baseline != BaselineState.Unchanged).ToList();
        var parts = new List<string>();
        Add(DiagnosticSeverity.Error, "error");
        Add(DiagnosticSeverity.Warning, "warning");
        Add(DiagnosticSeverity.Suggestion, "suggestion");
        var findings = parts.Count == 0 ? "No problems" : parts.Humanize("and");
        var suppressed = diagnostics.Count(d => d.IsSuppressed);
        var suppressedText = suppressed > 0 ? ", " + "suppressed finding".ToQuantity(suppressed) : "";
        if (baselineFixed is { } fixedCount)
        {
            var baselined = diagnostics.Count(d => d.Baseline == BaselineState.Unchanged && !d.IsSuppressed);
            suppressedText += $", {"baselined finding".ToQuantity(baselined)}, {fixedCount} fixed since the baseline";
        }
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{findings} in {"file".ToQuantity(fileCount)}{suppressedText} ({seconds} seconds)";

        void Add(DiagnosticSeverity severity, string word)
        {
            var count = shown.Count(d => d.Severity == severity);
            if (count > 0)
            {
                parts.Add(word.ToQuantity(count));
            }
        }
    }
}
