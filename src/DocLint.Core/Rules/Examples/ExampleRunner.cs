using DocLint.Core.Diagnostics;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Engine;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Examples;

/// <summary>The result of running one example: null <see cref="Failure"/> when it passed.</summary>
public sealed record ExampleResult(RuleExample Example, string? Failure, string Actual)
{
    public bool Passed => Failure is null;
}

/// <summary>
/// Runs a rule's examples as plain-text documents. Only the rule under test and the rules an example names
/// with {|ID:…|} are compared, so other rules may fire on the same text without failing it.
/// </summary>
public static class ExampleRunner
{
    public static IReadOnlyList<ExampleResult> Run(CompiledRule rule, Func<string, CompiledRule?> findRule)
    {
        var results = new List<ExampleResult>();
        foreach (var example in rule.Definition.Examples)
        {
            results.Add(RunOne(rule, example, findRule));
        }

        return results;
    }

    public static ExampleResult RunOne(CompiledRule rule, RuleExample example, Func<string, CompiledRule?> findRule)
    {
        string text;
        IReadOnlyList<ExpectedSpan> expected;
        try
        {
            (text, expected) = ExampleMarkup.Parse(example.Markup);
        }
        catch (FormatException ex)
        {
            return new ExampleResult(example, ex.Message, example.Markup);
        }

        if (example.ExpectsFindings && expected.Count == 0)
        {
            return new ExampleResult(example, "a 'flag' example must mark at least one span with [|…|]", example.Markup);
        }

        if (!example.ExpectsFindings && expected.Count > 0)
        {
            return new ExampleResult(example, "a 'pass' example must not mark anything; use 'flag'", example.Markup);
        }

        var rules = new List<CompiledRule> { rule };
        foreach (var id in expected.Select(e => e.RuleId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (id == rule.Id)
            {
                continue;
            }

            if (findRule(id) is not { } other)
            {
                return new ExampleResult(example, $"the example names rule '{id}', which is not loaded", example.Markup);
            }

            rules.Add(other);
        }

        var document = PlainTextReader.Instance.Read("example.txt", SourceText.From(text));
        var sink = new List<Diagnostic>();
        DocumentAnalyzer.Analyze(document, rules, static r => r.Definition.Severity == DiagnosticSeverity.None ? DiagnosticSeverity.Warning : r.Definition.Severity, sink);
        // A rule that timed out or failed on the example has not passed it, whatever it found.
        if (sink.Find(EngineDiagnostics.SkipsARule) is { } skipped)
        {
            return new ExampleResult(example, skipped.Message, example.Markup);
        }

        var compared = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var actual = sink
            .Where(d => compared.Contains(d.Id))
            .Select(d => (d.Id, d.Span))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var wanted = expected
            .Select(e => (Id: e.RuleId ?? rule.Id, e.Span))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var annotated = ExampleMarkup.Annotate(text, actual, rule.Id);
        if (actual.SequenceEqual(wanted))
        {
            return new ExampleResult(example, null, annotated);
        }

        var engineProblem = sink.FirstOrDefault(d => d.Id.StartsWith("DL0", StringComparison.Ordinal));
        var detail = engineProblem is null ? "" : $" ({engineProblem.Id}: {engineProblem.Message})";
        return new ExampleResult(
            example,
            $"example does not produce what it marks{detail}; expected \"{example.Markup}\" but got \"{annotated}\"",
            annotated);
    }
}
