using System.Globalization;
using DocLint.Core.Diagnostics;
using Humanizer;

namespace DocLint.Core.Reporting.GitHub;

/// <summary>
/// The github format as a run streams: annotations file by file, at most what GitHub shows of each kind in a
/// step (10 errors, 10 warnings, 10 notices); then, when some were left out, one notice saying how many and
/// where to see them all (the log's msbuild lines, the job summary). Errors and warnings have caps of their
/// own, so the most severe findings are never crowded out by suggestions; the notice that counts the rest
/// takes the last notice's place.
/// </summary>
public sealed class GitHubAnnotations(int perKind = GitHubAnnotations.GitHubPerKind)
{
    /// <summary>Annotations of one kind GitHub Actions shows per step.</summary>
    public const int GitHubPerKind = 10;

    private readonly Dictionary<DiagnosticSeverity, int> _written = [];
    private readonly Dictionary<DiagnosticSeverity, int> _left = [];
    private string? _heldNotice;

    public void Write(TextWriter writer, Report part)
    {
        foreach (var d in part.Shown)
        {
            var kind = d.Severity >= DiagnosticSeverity.Warning ? d.Severity : DiagnosticSeverity.Suggestion;
            var written = _written.GetValueOrDefault(kind);
            // Notices keep their last slot: for this finding if it is the last notice, the count of the rest otherwise.
            if (written < (kind == DiagnosticSeverity.Suggestion ? perKind - 1 : perKind))
            {
                writer.Write(Format(d, part));
                writer.Write('\n');
                _written[kind] = written + 1;
            }
            else if (kind == DiagnosticSeverity.Suggestion && _heldNotice is null)
            {
                _heldNotice = Format(d, part);
            }
            else
            {
                _left[kind] = _left.GetValueOrDefault(kind) + 1;
            }
        }
    }

    private static string Format(Diagnostic d, Report part) => GitHubReporter.Format(d, part.RelativeToRoot(d.Path) ?? d.Path);

    /// <summary>Writes the held last notice, or the notice counting what was left out.</summary>
    public void Complete(TextWriter writer)
    {
        var left = _left.Values.Sum();
        if (left == 0)
        {
            if (_heldNotice is not null)
            {
                writer.Write(_heldNotice);
                writer.Write('\n');
            }

            return;
        }

        if (_heldNotice is not null)
        {
            _left[DiagnosticSeverity.Suggestion] = _left.GetValueOrDefault(DiagnosticSeverity.Suggestion) + 1;
            left++;
        }

        var kinds = new[] { (DiagnosticSeverity.Error, "error"), (DiagnosticSeverity.Warning, "warning"), (DiagnosticSeverity.Suggestion, "suggestion") }
            .Where(k => _left.GetValueOrDefault(k.Item1) > 0)
            .Select(k => k.Item2.ToQuantity(_left[k.Item1]));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{"more finding".ToQuantity(left)} not shown as annotations ({kinds.Humanize("and")}): GitHub shows {perKind} of each kind per step. The log lists every finding, and the job summary counts them by rule.");
        writer.Write($"::notice title={GitHubReporter.EscapeProperty("DocLint")}::{GitHubReporter.EscapeData(message)}\n");
    }
}
