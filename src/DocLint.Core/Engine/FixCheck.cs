using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Rules;
using DocLint.Core.Text;

namespace DocLint.Core.Engine;

/// <summary>
/// A fix must not make a new finding. Each fix is tried on its own paragraph: the paragraph is read again
/// with the replacement in place and the enabled rules run over it (<see cref="DocumentAnalyzer"/>, without
/// this check); if any reports words the replacement put in ("utter fiasco" fixed to "utter failure", which
/// DL3003 reports), the finding keeps its suggestions and loses its fix.
/// </summary>
internal static class FixCheck
{
    public static void DropFixesThatWouldBeReported(
        Document document, IReadOnlyList<CompiledRule> rules, WordFilter words, Func<CompiledRule, DiagnosticSeverity> severityOf, List<Diagnostic> sink, int from, int offset)
    {
        // Rules about what a whole document has or how often (a licence, a count) say nothing about one paragraph.
        List<CompiledRule>? local = null;
        for (var i = from; i < sink.Count; i++)
        {
            if (sink[i].Fix is not { } fix || sink[i].Path != document.Path)
            {
                continue;
            }

            local ??= [.. rules.Where(r => r.Definition.Kind is not (RuleKind.Required or RuleKind.Occurrence))];
            var span = new TextSpan(fix.Span.Start - offset, fix.Span.Length);
            if (span.Start < 0 || span.End > document.Source.Length || IsReported(document, local, words, severityOf, span, fix.NewText))
            {
                sink[i] = sink[i] with { Fix = null };
            }
        }
    }

    private static bool IsReported(Document document, List<CompiledRule> rules, WordFilter words, Func<CompiledRule, DiagnosticSeverity> severityOf, TextSpan span, string replacement)
    {
        var paragraph = document.BlockAt(span.Start)?.Span ?? span;
        var start = Math.Min(paragraph.Start, span.Start);
        var end = Math.Max(paragraph.End, span.End);
        var text = document.Source.Text;

        // The paragraph as the fix leaves it, after a line that stands for the headline, so that the
        // paragraph is read as body text.
        const string head = "Headline\n\n";
        var fixedText = string.Concat(head, text.AsSpan(start, span.Start - start), replacement, text.AsSpan(span.End, end - span.End));
        var inserted = new TextSpan(head.Length + span.Start - start, replacement.Length);
        var trial = PlainTextReader.Instance.Read(document.Path, SourceText.From(fixedText));
        var found = new List<Diagnostic>();
        DocumentAnalyzer.Analyze(trial, rules, words, severityOf, found, part: null, checkFixes: false, fingerprints: false);

        // A rule that ran out of time or failed cannot vouch for the fix either.
        return found.Exists(d => d.Span.OverlapsWith(inserted) || EngineDiagnostics.SkipsARule(d));
    }
}
