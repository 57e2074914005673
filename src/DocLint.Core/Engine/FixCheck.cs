using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Rules;
using DocLint.Core.Text;

namespace DocLint.Core.Engine;

/// <summary>
/// A fix must not make a new finding. Each fix is tried on its own paragraph: the paragraph is read again
/// with the replacement in place and every enabled rule runs over it; if any reports words the replacement
/// put in ("utter fiasco" fixed to "utter failure", which DL3003 reports), the finding keeps its suggestions
/// and loses its fix.
/// </summary>
internal static class FixCheck
{
    public static void DropFixesThatWouldBeReported(
        Document document, IReadOnlyList<CompiledRule> rules, Func<CompiledRule, DiagnosticSeverity> severityOf, List<Diagnostic> sink, int from, int offset)
    {
        Text.WordFilter? words = null;
        for (var i = from; i < sink.Count; i++)
        {
            if (sink[i].Fix is not { } fix || sink[i].Path != document.Path)
            {
                continue;
            }

            var span = new TextSpan(fix.Span.Start - offset, fix.Span.Length);
            if (span.Start < 0 || span.End > document.Source.Length || IsReported(document, rules, words ??= Text.WordFilter.Union(rules.Select(r => r.Words)), severityOf, span, fix.NewText))
            {
                sink[i] = sink[i] with { Fix = null };
            }
        }
    }

    private static bool IsReported(Document document, IReadOnlyList<CompiledRule> rules, Text.WordFilter words, Func<CompiledRule, DiagnosticSeverity> severityOf, TextSpan span, string replacement)
    {
        var blocks = document.Blocks;
        var b = SortedSpans.FirstAtOrAfter(blocks.AsSpan(), span.Start + 1, static x => x.Span.End);
        var block = b < blocks.Length && blocks[b].Span.Start <= span.Start ? blocks[b].Span : span;
        var text = document.Source.Text;
        var start = Math.Min(block.Start, span.Start);
        var end = Math.Max(block.End, span.End);
        // The paragraph as the fix leaves it, after a line that stands for the headline, so that the
        // paragraph is read as body text.
        const string head = "Headline\n\n";
        var fixedText = string.Concat(head, text.AsSpan(start, span.Start - start), replacement, text.AsSpan(span.End, end - span.End));
        var inserted = new TextSpan(head.Length + span.Start - start, replacement.Length);
        var trial = PlainTextReader.Instance.Read(document.Path, SourceText.From(fixedText));
        var found = new List<Diagnostic>();
        var context = new RuleContext(trial, found, words, part: null);
        try
        {
            foreach (var rule in rules)
            {
                var severity = severityOf(rule);
                if (severity == DiagnosticSeverity.None || rule.Definition.Kind is RuleKind.Required or RuleKind.Occurrence)
                {
                    continue;
                }

                context.Rule = rule;
                context.Severity = severity;
                try
                {
                    rule.Analyze(context);
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    return true;
                }

                if (found.Exists(d => d.Span.OverlapsWith(inserted)))
                {
                    return true;
                }
            }
        }
        finally
        {
            context.ReleaseWords();
        }

        return false;
    }
}
