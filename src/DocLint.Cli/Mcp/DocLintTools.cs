using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocLint.Cli.Commands;
using DocLint.Cli.Lsp;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Fixing;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.Json;
using DocLint.Core.Rules.Documentation;
using DocLint.Core.Workspace;

namespace DocLint.Cli.Mcp;

/// <summary>A tool's outcome: its JSON (the structured result) or an error message for the caller.</summary>
internal sealed record ToolResult(JsonNode? Json, string? Error = null, string? Text = null);

/// <summary>
/// What <c>doclint mcp</c> offers a writing agent, independent of the protocol: lint text or files, apply safe
/// fixes to text, explain a rule, list the rules. Rules and configuration are resolved as <c>doclint check</c>
/// run in the server's folder resolves them (<see cref="LintWorkspace"/>); findings are in the JSON format.
/// </summary>
internal sealed class DocLintTools(string root)
{
    private readonly LintWorkspace _workspace = CreateWorkspace(root);

    private static LintWorkspace CreateWorkspace(string root)
    {
        var workspace = new LintWorkspace(root);
        workspace.AddRoot(root);
        return workspace;
    }

    /// <summary>Lints text as if it were the file <paramref name="fileName"/> (its extension picks the reader; its folder, the configuration).</summary>
    public ToolResult LintText(string text, string fileName)
    {
        var path = Path.GetFullPath(fileName, root);
        var setup = _workspace.For(path);
        var result = setup.Engine.LintText(path, text);
        return new ToolResult(ReportJson(result.Diagnostics, 1, setup, _ => fileName));
    }

    /// <summary>Lints files, folders and globs as <c>doclint check</c> does, relative to the server's folder.</summary>
    public ToolResult LintFiles(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return new ToolResult(null, "give at least one path");
        }

        // A folder walk takes what `doclint check` run in the server's folder takes: the files a .vale.ini names too.
        var rootSetup = _workspace.For(Path.Combine(root, "."));
        var discovered = FileDiscovery.Expand(paths, root, alsoDocument: rootSetup.Configuration?.Vale is { } vale ? vale.Covers : null);
        var explicitFiles = paths.Select(p => Path.GetFullPath(p, root)).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var results = new List<FileResult>();
        foreach (var group in discovered.Files.Select(f => Path.GetFullPath(f, root)).GroupBy(_workspace.For))
        {
            // The set holds the Vale configuration the workspace resolved, Vale's environment variables read then.
            var included = group.Key.Configuration is { } set ? ConfigOptions.Resolve(set, root) : null;
            var files = group.Where(f => included?.Selects(f, explicitFiles) ?? true).ToList();
            results.AddRange(group.Key.Engine.LintEach(files));
        }

        var lint = LintEngine.Collect(results);
        ImmutableArray<Diagnostic> all = [.. lint.Diagnostics.Concat(discovered.Problems.Select(p => p with { Path = Path.GetFullPath(p.Path, root) })).Order(DiagnosticOrder.Instance)];
        return new ToolResult(ReportJson(all, lint.FileCount, rootSetup, p => Display(p)));
    }

    /// <summary>Applies the safe fixes of the findings DocLint shows in <paramref name="text"/>: the new text, a unified diff and the fixes.</summary>
    public ToolResult FixText(string text, string fileName)
    {
        var path = Path.GetFullPath(fileName, root);
        var setup = _workspace.For(path);
        var result = setup.Engine.LintText(path, text);
        var plan = FixPlan.Create(path, text, result.Diagnostics.Where(Report.IsShown));
        var fixes = new JsonArray();
        foreach (var d in plan.Applied)
        {
            fixes.Add((JsonNode)new JsonObject
            {
                ["id"] = d.Id,
                ["startLine"] = d.LineSpan.Start.Line + 1,
                ["startColumn"] = d.LineSpan.Start.Character + 1,
                ["oldText"] = text.Substring(d.Fix!.Span.Start, d.Fix.Span.Length),
                ["newText"] = d.Fix.NewText,
            });
        }

        return new ToolResult(new JsonObject
        {
            ["fileName"] = fileName,
            ["newText"] = plan.NewText,
            ["diff"] = UnifiedDiff.Format(fileName.Replace('\\', '/').TrimStart('/'), text, plan.NewText),
            ["fixes"] = fixes,
        });
    }

    /// <summary>The rule's page, as <c>doclint rules explain</c> prints it.</summary>
    public ToolResult ExplainRule(string id)
    {
        var wanted = id.Trim();
        var setup = _workspace.For(Path.Combine(root, "."));
        var rule = setup.Rules.FindTyped(wanted);
        var engine = rule is null ? EngineDiagnostics.All.FirstOrDefault(d => string.Equals(d.Id, wanted, StringComparison.OrdinalIgnoreCase)) : null;
        var page = rule is not null ? RuleDocumentation.Page(rule.Definition) : engine is not null ? RuleDocumentation.EnginePage(engine) : null;
        return page is null
            ? new ToolResult(null, $"no rule '{wanted}' is loaded; the list_rules tool lists the rules")
            : new ToolResult(new JsonObject { ["id"] = rule?.Id ?? engine!.Id, ["page"] = page }, Text: page);
    }

    /// <summary>Every loaded rule: id, name, title, category, default severity, kind and its page.</summary>
    public ToolResult ListRules()
    {
        var rules = new JsonArray();
        foreach (var rule in _workspace.For(Path.Combine(root, ".")).Rules.Rules)
        {
            var d = rule.Definition;
            rules.Add((JsonNode)new JsonObject
            {
                ["id"] = d.Id,
                ["name"] = d.Name,
                ["title"] = d.Title,
                ["category"] = d.Category,
                ["severity"] = d.Severity.ToConfigName(),
                ["kind"] = rule.KindName,
                ["helpUri"] = ToolInfo.HelpUri(rule.Descriptor),
            });
        }

        return new ToolResult(new JsonObject { ["rules"] = rules });
    }

    private string Display(string path) =>
        path.StartsWith('<') || !Path.IsPathRooted(path) || Path.GetRelativePath(root, path).StartsWith("..", StringComparison.Ordinal) ? path : Path.GetRelativePath(root, path);

    /// <summary>Findings as the JSON format writes them (docs/formats.md): the same fields, the same summary.</summary>
    private JsonNode ReportJson(ImmutableArray<Diagnostic> diagnostics, int files, LintSetup setup, Func<string, string> display)
    {
        var report = new Report
        {
            Diagnostics = diagnostics,
            Rules = [.. setup.Rules.Rules.Select(r => r.Descriptor)],
            Root = root,
            FileCount = files,
            DisplayPath = display,
        };
        using var writer = new StringWriter();
        JsonReporter.Write(writer, report);
        return JsonNode.Parse(writer.ToString(), documentOptions: new JsonDocumentOptions())!;
    }
}
