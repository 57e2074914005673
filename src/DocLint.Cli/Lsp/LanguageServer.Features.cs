using System.Text.Json.Nodes;
using DocLint.Core.Diagnostics;
using DocLint.Core.Fixing;
using DocLint.Core.Reporting;
using DocLint.Core.Rules.Documentation;
using DocLint.Core.Text;
using DocLint.Core.Vale;
using Diagnostic = DocLint.Core.Diagnostics.Diagnostic;

namespace DocLint.Cli.Lsp;

/// <summary>What the server says about findings: diagnostics, code actions and hovers.</summary>
internal sealed partial class LanguageServer
{
    /// <summary>The kind of "fix all safe findings in this document".</summary>
    public const string FixAllKind = "source.fixAll.doclint";

    private JsonArray ToLsp(Lint lint)
    {
        var items = new JsonArray();
        foreach (var d in lint.Diagnostics.Where(Report.IsShown))
        {
            items.Add((JsonNode)ToLsp(d, lint.Source));
        }

        return items;
    }

    /// <summary>A finding as an LSP diagnostic: range, severity, rule id as code and its page as codeDescription.</summary>
    private JsonObject ToLsp(Diagnostic d, SourceText source)
    {
        var item = new JsonObject
        {
            ["range"] = LspDocument.RangeOf(source, d.Span, _encoding),
            ["severity"] = SeverityOf(d.Severity),
            ["code"] = d.Id,
            ["source"] = "doclint",
            ["message"] = d.Message,
        };
        WithHelp(item, d);
        if (d.Fingerprint is { } fingerprint)
        {
            item["data"] = new JsonObject { ["fingerprint"] = fingerprint };
        }

        return item;
    }

    /// <summary>A problem in a configuration or rule file, from its line and column to the end of that line.</summary>
    private JsonObject ProblemToLsp(Diagnostic d, SourceText? source)
    {
        JsonObject range;
        var start = d.LineSpan.Start;
        if (source is not null && start.Line < source.LineCount)
        {
            var line = source.GetLineSpan(start.Line);
            var offset = Math.Min(line.Start + start.Character, line.End);
            range = LspDocument.RangeOf(source, TextSpan.FromBounds(offset, Math.Max(offset, line.End)), _encoding);
        }
        else
        {
            var position = new JsonObject { ["line"] = start.Line, ["character"] = start.Character };
            range = new JsonObject { ["start"] = position, ["end"] = position.DeepClone() };
        }

        return WithHelp(
            new JsonObject
            {
                ["range"] = range,
                ["severity"] = SeverityOf(d.Severity),
                ["code"] = d.Id,
                ["source"] = "doclint",
                ["message"] = d.Message,
            },
            d);
    }

    /// <summary>The rule's help page as the diagnostic's codeDescription, when it has one.</summary>
    private static JsonObject WithHelp(JsonObject item, Diagnostic d)
    {
        if (ToolInfo.HelpUri(d.Descriptor) is { } help)
        {
            item["codeDescription"] = new JsonObject { ["href"] = help };
        }

        return item;
    }

    private static int SeverityOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 1,
        DiagnosticSeverity.Warning => 2,
        DiagnosticSeverity.Suggestion => 3,
        _ => 4,
    };

    private DocumentState StateOf(JsonNode? parameters)
    {
        var uri = UriString(parameters?["textDocument"]?["uri"]) ?? throw new LspException(LspErrors.InvalidParams, "no uri");
        return _documents.TryGetValue(uri, out var state) ? state : throw new LspException(LspErrors.InvalidParams, $"document not open: {uri}");
    }

    /// <summary>
    /// For the findings in the range: each one's safe fix (a quick fix), a Vale rule's suggestions, and "suppress on this line"; and for the
    /// document, "fix all safe findings" when it has any. <c>context.only</c> filters by kind.
    /// </summary>
    private JsonArray CodeActions(JsonNode? parameters)
    {
        var state = StateOf(parameters);
        var lint = LintOf(state);
        var uri = state.Document.Uri;
        var start = LspDocument.OffsetOf(lint.Source, parameters?["range"]?["start"], _encoding);
        var end = Math.Max(start, LspDocument.OffsetOf(lint.Source, parameters?["range"]?["end"], _encoding));
        var only = (parameters?["context"]?["only"] as JsonArray)?.Select(k => k is JsonValue v && v.TryGetValue(out string? s) ? s : "").ToList();
        bool Wanted(string kind) => only is null || only.Any(k => kind == k || kind.StartsWith(k + ".", StringComparison.Ordinal));

        var shown = lint.Diagnostics.Where(Report.IsShown).ToList();
        var actions = new JsonArray();
        var suppressed = new HashSet<(int Line, string Id)>();
        foreach (var d in shown.Where(d => d.Span.Start <= end && d.Span.End >= start))
        {
            if (d.Fix is { } fix && Wanted("quickfix"))
            {
                var old = lint.Source.ToString(fix.Span);
                actions.Add((JsonNode)Action($"Replace '{old}' with '{fix.NewText}' ({d.Id})", "quickfix", d, lint, uri, [fix], preferred: true));
            }

            // A Vale rule's choices (a misspelling's suggestions, a substitution's several replacements): one quick fix each.
            if (d.Fix is null && !d.Suggestions.IsDefaultOrEmpty && ValeStyleSet.IsValeRuleName(d.Id) && Wanted("quickfix"))
            {
                var old = lint.Source.ToString(d.Span);
                foreach (var suggestion in d.Suggestions.Take(5))
                {
                    var edit = ValeActions.SuggestionEdit(d.Span, old, suggestion);
                    actions.Add((JsonNode)Action($"Replace '{old.Trim()}' with '{suggestion}' ({d.Id})", "quickfix", d, lint, uri, [edit], preferred: false));
                }
            }

            if (!d.Id.StartsWith("DL0", StringComparison.Ordinal) && Wanted("quickfix") && suppressed.Add((d.LineSpan.Start.Line, d.Id)))
            {
                actions.Add((JsonNode)Action($"Suppress {d.Id} on this line", "quickfix", d, lint, uri, [SuppressionEdit(d, lint)], preferred: false));
            }
        }

        var fixable = shown.Where(d => d.Fix is not null).ToList();
        if (fixable.Count > 0 && Wanted(FixAllKind))
        {
            var plan = FixPlan.Create(state.Document.Path, lint.Source.Text, fixable);
            actions.Add((JsonNode)new JsonObject
            {
                ["title"] = $"Fix all safe findings in this document ({plan.Applied.Count})",
                ["kind"] = FixAllKind,
                ["edit"] = Edit(uri, lint, plan.Applied.Select(d => d.Fix!)),
            });
        }

        return actions;
    }

    private JsonObject Action(string title, string kind, Diagnostic d, Lint lint, string uri, IEnumerable<TextEdit> edits, bool preferred)
    {
        var action = new JsonObject
        {
            ["title"] = title,
            ["kind"] = kind,
            ["diagnostics"] = new JsonArray(ToLsp(d, lint.Source)),
            ["edit"] = Edit(uri, lint, edits),
        };
        if (preferred)
        {
            action["isPreferred"] = true;
        }

        return action;
    }

    private JsonObject Edit(string uri, Lint lint, IEnumerable<TextEdit> edits)
    {
        var list = new JsonArray();
        foreach (var edit in edits)
        {
            list.Add((JsonNode)new JsonObject { ["range"] = LspDocument.RangeOf(lint.Source, edit.Span, _encoding), ["newText"] = edit.NewText });
        }

        return new JsonObject { ["changes"] = new JsonObject { [uri] = list } };
    }

    /// <summary>
    /// The directive that silences a finding on its line, in the form the document's reader understands: in
    /// Markdown and HTML a comment at the end of the line (a comment line of its own would split a Markdown
    /// paragraph); in plain text a directive line of its own before it.
    /// </summary>
    private static TextEdit SuppressionEdit(Diagnostic d, Lint lint)
    {
        var line = d.LineSpan.Start.Line;
        var source = lint.Source;
        if (lint.Reader is "markdown" or "html")
        {
            var lineSpan = source.GetLineSpan(line);
            return new TextEdit(new TextSpan(lineSpan.End, 0), $" <!-- doclint-disable-line {d.Id} -->");
        }

        var start = source.GetLineStart(line);
        var content = source.GetLineSpan(line);
        var indent = source.Text.AsSpan(start, content.Length).Length - source.Text.AsSpan(start, content.Length).TrimStart().Length;
        var lineBreak = content.End < source.Length ? (source.Text[content.End] == '\r' && content.End + 1 < source.Length && source.Text[content.End + 1] == '\n' ? "\r\n" : source.Text[content.End].ToString()) : "\n";
        return new TextEdit(new TextSpan(start, 0), $"{source.Text.Substring(start, indent)}doclint-disable-next-line {d.Id}{lineBreak}");
    }

    /// <summary>On a finding: its rule's page, as <c>doclint rules explain</c> prints it.</summary>
    private JsonObject? Hover(JsonNode? parameters)
    {
        var state = StateOf(parameters);
        var lint = LintOf(state);
        var offset = LspDocument.OffsetOf(lint.Source, parameters?["position"], _encoding);
        var here = lint.Diagnostics.Where(Report.IsShown).Where(d => d.Span.Start <= offset && offset <= d.Span.End).ToList();
        if (here.Count == 0)
        {
            return null;
        }

        var setup = _workspace.For(state.Document.Path);
        var pages = here.Select(d => d.Id).Distinct(StringComparer.Ordinal).Select(id =>
            setup.Rules.Find(id) is { } rule ? RuleDocumentation.Page(rule.Definition)
            : EngineDiagnostics.All.FirstOrDefault(e => e.Id == id) is { } engine ? RuleDocumentation.EnginePage(engine)
            : null).OfType<string>();
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = string.Join("\n---\n\n", pages) },
            ["range"] = LspDocument.RangeOf(lint.Source, here[0].Span, _encoding),
        };
    }
}
