using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Examples;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;

namespace DocLint.Core.Tests.Rules;

/// <summary>Loads rules from YAML written in a test and lints text with them.</summary>
internal static class RuleHarness
{
    public static RuleSetLoadResult Load(params (string FileName, string Yaml)[] files)
    {
        var builder = new RuleSetBuilder();
        foreach (var (name, yaml) in files)
        {
            builder.AddFile(name, yaml);
        }

        return builder.Build();
    }

    public static RuleSet LoadOk(params (string FileName, string Yaml)[] files)
    {
        var result = Load(files);
        result.Errors.Should().BeEmpty();
        return result.RuleSet!;
    }

    public static IReadOnlyList<Diagnostic> Lint(RuleSet rules, string text) =>
        new LintEngine(rules).LintText("doc.txt", text).Diagnostics;

    /// <summary>The findings in <paramref name="text"/> written to a file and linted as a run lints files, with <paramref name="options"/>.</summary>
    public static IReadOnlyList<Diagnostic> LintFile(RuleSet rules, LintOptions options, string text)
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", text);
        return new LintEngine(rules, options).LintFiles([file]).Diagnostics;
    }

    /// <summary>The text with each diagnostic marked, as rule examples are written: easy to read when a test fails.</summary>
    public static string Annotate(RuleSet rules, string text, string ruleId) =>
        ExampleMarkup.Annotate(text, Lint(rules, text).Select(d => (d.Id, d.Span)), ruleId);

    public static string Errors(RuleSetLoadResult result) =>
        string.Join("\n", result.Errors.Select(e => $"{e.Path}({e.LineSpan.Start.Line + 1},{e.LineSpan.Start.Character + 1}): {e.Message}"));
}
