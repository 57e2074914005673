using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Fixing;

/// <summary>The fixes chosen for one file: the new text, the findings fixed, and those left because another fix overlapped.</summary>
public sealed record FixPlan(string Path, string OldText, string NewText, IReadOnlyList<Diagnostic> Applied, IReadOnlyList<Diagnostic> Overlapping)
{
    /// <summary>
    /// Chooses the fixes of <paramref name="diagnostics"/> (in document order; of two that overlap the first
    /// wins) and applies them to <paramref name="text"/>.
    /// </summary>
    public static FixPlan Create(string path, string text, IEnumerable<Diagnostic> diagnostics)
    {
        var applied = new List<Diagnostic>();
        var overlapping = new List<Diagnostic>();
        var end = -1;
        foreach (var d in diagnostics.Where(d => d.Fix is not null).OrderBy(d => d.Fix!.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (d.Fix!.Span.Start < end)
            {
                overlapping.Add(d);
                continue;
            }

            applied.Add(d);
            end = d.Fix.Span.End;
        }

        var builder = new StringBuilder(text.Length + 64);
        var last = 0;
        foreach (var fix in applied.Select(d => d.Fix!))
        {
            builder.Append(text, last, fix.Span.Start - last).Append(fix.NewText);
            last = fix.Span.End;
        }

        builder.Append(text, last, text.Length - last);
        return new FixPlan(path, text, builder.ToString(), applied, overlapping);
    }
}
