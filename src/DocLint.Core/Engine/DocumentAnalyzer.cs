using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Engine;

/// <summary>
/// Runs rules over one document. A rule whose pattern times out is skipped for that document (for the rest of
/// a file linted in parts) with DL0004; a rule that fails (an exception from it or from the regex engine) is skipped
/// the same way with DL0005, and the other rules' findings are kept.
/// </summary>
public static class DocumentAnalyzer
{
    /// <summary>Runs each rule under the assumption that lets its matches through (<see cref="CompiledRule.DocumentWidePass"/>).</summary>
    internal const int EachRulePasses = -2;

    /// <param name="part">Where the document lies in its file, when a large file is linted a part at a time; null for a whole document.</param>
    public static void Analyze(Document document, RuleSet rules, Func<CompiledRule, DiagnosticSeverity> severityOf, List<Diagnostic> sink, DocumentPart? part = null) =>
        Analyze(document, rules.Rules, rules.Words, severityOf, sink, part, checkFixes: true, terms: rules.Terms);

    public static void Analyze(Document document, IReadOnlyList<CompiledRule> rules, Func<CompiledRule, DiagnosticSeverity> severityOf, List<Diagnostic> sink) =>
        Analyze(document, rules, WordFilter.Union(rules.Select(r => r.Words)), severityOf, sink, part: null, checkFixes: true);

    /// <param name="checkFixes">Whether the fixes found are checked (<see cref="FixCheck"/>); false for the check's own trial runs.</param>
    /// <param name="documentWide">
    /// For a part of a large file: what document-wide conditions are taken to find (<see cref="RuleContext.DocumentWideAssumption"/>),
    /// or <see cref="EachRulePasses"/>: for each rule, what lets its matches through (<see cref="CompiledRule.DocumentWidePass"/>).
    /// </param>
    /// <param name="then">Runs in the same context once the rules are done, before its word index goes back to the pool.</param>
    /// <param name="terms">The terms of <paramref name="rules"/>' matchers (<see cref="RuleSet.Terms"/>), looked up together; null: each matcher walks the word index.</param>
    /// <param name="fingerprints">Whether the findings carry fingerprints (<see cref="LintOptions.Fingerprints"/>).</param>
    /// <param name="timings">Where the time goes, rule by rule (<see cref="LintOptions.Timings"/>); null: nothing is timed.</param>
    internal static void Analyze(Document document, IReadOnlyList<CompiledRule> rules, WordFilter words, Func<CompiledRule, DiagnosticSeverity> severityOf, List<Diagnostic> sink, DocumentPart? part, bool checkFixes, int documentWide = -1, Action<RuleContext>? then = null, TermTable? terms = null, bool fingerprints = true, RuleTimings? timings = null)
    {
        var collectsCueWords = document.AttributionsPending && UseAttributions(rules);
        var context = new RuleContext(document, sink, words, part, terms) { DocumentWideAssumption = documentWide, CollectsCueWords = collectsCueWords, Fingerprints = fingerprints, ShowsFixes = checkFixes, Timings = timings };
        if (timings is not null)
        {
            // Finding the attributions, on first use, is charged to the work the rules share, not to the rule that asked.
            document.Timed = context;
        }

        var first = sink.Count;
        using var budget = context.Part.Budget.Enter();
        try
        {
            if (collectsCueWords)
            {
                // Built before any rule asks for attributions, so the finder takes its cue words from the same scan.
                var start = timings is null ? 0 : Stopwatch.GetTimestamp();
                context.WordsFor(RuleScope.Sentence);
                timings?.AddSince(RuleTimings.WordIndex, start);
            }

            foreach (var rule in rules)
            {
                var severity = severityOf(rule);
                if (severity == DiagnosticSeverity.None || context.Part.IsSkipped(rule))
                {
                    continue;
                }

                context.Rule = rule;
                context.Severity = severity;
                if (documentWide == EachRulePasses)
                {
                    context.DocumentWideAssumption = rule.DocumentWidePass;
                }

                var before = sink.Count;
                var started = timings is null ? 0 : Stopwatch.GetTimestamp();
                context.SharedTicks = 0;
                try
                {
                    rule.Analyze(context);
                }
                catch (RegexMatchTimeoutException ex)
                {
                    // Whatever the rule reported before the timeout is dropped: a partial result would mislead.
                    Skip(sink, context, rule, before, EngineDiagnostics.RegexTimeout, ex is RegexBudgetExceededException spent
                        ? string.Create(
                            CultureInfo.InvariantCulture,
                            $"rule {rule.Id} was skipped for this file: patterns on the backtracking engine took more than {spent.MatchTimeout.TotalSeconds:0.###} s in all in {spent.What}")
                        : string.Create(
                            CultureInfo.InvariantCulture,
                            $"rule {rule.Id} was skipped for this file: its pattern '{Truncate(ex.Pattern)}' took longer than {ex.MatchTimeout.TotalSeconds:0.###} s"));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A bug in the rule or in the regex engine (the interpreter overflows on some nested lazy loops):
                    // the rule's findings for the file are dropped, the other rules' kept, and the run says it failed.
                    Skip(sink, context, rule, before, EngineDiagnostics.InternalError, $"internal error: rule {rule.Id} failed on this file and was skipped: {ex.GetType().Name}: {ex.Message}");
                }

                timings?.Add(rule.Id, Stopwatch.GetTimestamp() - started - context.SharedTicks);
            }

            if (checkFixes)
            {
                var start = timings is null ? 0 : Stopwatch.GetTimestamp();
                FixCheck.DropFixesThatWouldBeReported(document, rules, words, severityOf, sink, first, part?.Offset ?? 0);
                timings?.AddSince(RuleTimings.FixChecks, start);
            }

            then?.Invoke(context);
        }
        finally
        {
            context.ReleaseWords();
        }
    }

    /// <summary>
    /// Drops what <paramref name="rule"/> reported into <paramref name="sink"/> since <paramref name="before"/> and, the first time in the file, says
    /// why with an engine diagnostic at its start.
    /// </summary>
    private static void Skip(List<Diagnostic> sink, RuleContext context, CompiledRule rule, int before, DiagnosticDescriptor descriptor, string message)
    {
        sink.RemoveRange(before, sink.Count - before);
        if (context.Part.MarkSkipped(rule))
        {
            sink.Add(new Diagnostic
            {
                Descriptor = descriptor,
                Severity = descriptor.DefaultSeverity,
                Message = message,
                Path = context.Document.Path,
                Span = new TextSpan(0, 0),
                LineSpan = default,
            });
        }
    }

    /// <summary>True when a rule failed on the file (DL0005): the run then reports that DocLint did not finish its work.</summary>
    internal static bool HasFailedRule(List<Diagnostic> diagnostics) => diagnostics.Exists(d => ReferenceEquals(d.Descriptor, EngineDiagnostics.InternalError));

    private static bool UseAttributions(IReadOnlyList<CompiledRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Definition.UsesAttributions)
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string pattern) => pattern.Length <= 60 ? pattern : pattern[..57] + "...";
}
