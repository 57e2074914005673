using System.Text.Json;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting.Json;

/// <summary>
/// Vale's <c>--output=JSON</c> shape, for editors and scripts written against it: an object keyed by path (in
/// ordinal order, files without findings left out), each a list of alerts in position order with <c>Action</c>
/// (<c>Name</c>, <c>Params</c>), <c>Span</c> (the first and last column on the line, 1-based, counted in
/// characters as Vale counts runes), <c>Check</c>, <c>Description</c>, <c>Link</c>, <c>Message</c>,
/// <c>Severity</c>, <c>Match</c> and <c>Line</c>. A Vale rule's action is the one its file declares, as Vale shows
/// it; a DocLint rule's is read off its finding (see <see cref="Action"/>).
/// Configuration errors (DL0001) go to <paramref name="configurationErrors"/> when given, as Vale prints its
/// errors apart from its alerts.
/// </summary>
public static class ValeJsonReporter
{
    public static void Write(TextWriter writer, Report report, TextWriter? configurationErrors = null)
    {
        var shown = new List<Diagnostic>();
        foreach (var d in report.Shown)
        {
            if (configurationErrors is not null && d.Id == EngineDiagnostics.InvalidRule.Id)
            {
                configurationErrors.Write(Text.LineFormatter.Format(d, report.DisplayPath, report.Sources.GetValueOrDefault(d.Path)));
                configurationErrors.Write('\n');
                continue;
            }

            shown.Add(d);
        }

        var byPath = shown.GroupBy(d => report.DisplayPath(d.Path)).OrderBy(g => g.Key, StringComparer.Ordinal);
        JsonOutput.WriteTo(writer, json =>
        {
            var columns = new ColumnCursor(ColumnUnit.Characters);
            json.WriteStartObject();
            foreach (var file in byPath)
            {
                json.WritePropertyName(file.Key);
                json.WriteStartArray();
                foreach (var d in file.OrderBy(d => d.LineSpan.Start.Line).ThenBy(d => d.LineSpan.Start.Character))
                {
                    WriteAlert(json, d, report.Sources.GetValueOrDefault(d.Path), ref columns);
                    json.FlushWhenFull();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    private static void WriteAlert(Utf8JsonWriter json, Diagnostic d, SourceText? source, ref ColumnCursor columns)
    {
        json.WriteStartObject();
        json.WriteStartObject("Action");
        var (name, parameters) = Action(d);
        json.WriteString("Name", name);
        if (parameters is null)
        {
            json.WriteNull("Params");
        }
        else
        {
            json.WriteStartArray("Params");
            foreach (var p in parameters)
            {
                json.WriteStringValue(p);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();

        // Vale 3's newest JSON lists what the action offers after it (an empty list where there is no action).
        json.WriteStartArray("Suggestions");
        foreach (var suggestion in d.Suggestions)
        {
            json.WriteStringValue(suggestion);
        }

        json.WriteEndArray();
        var (first, last) = Columns(d, source, ref columns);
        json.WriteStartArray("Span");
        json.WriteNumberValue(first);
        json.WriteNumberValue(last);
        json.WriteEndArray();
        json.WriteString("Check", d.Id);
        json.WriteString("Description", d.Descriptor.Description);
        // A rule's own `link`, or its page in DocLint's documentation (empty for a rule with neither, a Vale rule's way).
        json.WriteString("Link", d.Id.StartsWith("DL0", StringComparison.Ordinal) ? d.Descriptor.HelpLink ?? "" : ToolInfo.HelpUri(d.Descriptor) ?? "");
        json.WriteString("Message", d.Message);
        json.WriteString("Severity", d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "suggestion",
        });
        json.WriteString("Match", Match(d));
        json.WriteNumber("Line", d.LineSpan.Start.Line + 1);
        json.WriteEndObject();
    }

    /// <summary>
    /// The matched text; for a Vale rule, as Vale read it: entities decoded, a curly apostrophe written as one
    /// (<c>&amp;rsquo;</c>) read as a straight one.
    /// </summary>
    private static string Match(Diagnostic d)
    {
        var text = d.MatchedText ?? d.Snippet ?? "";
        if (d.Descriptor.Category != Vale.ValeRule.Category || !text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        return System.Net.WebUtility.HtmlDecode(text.Replace("&rsquo;", "'", StringComparison.Ordinal).Replace("&lsquo;", "'", StringComparison.Ordinal));
    }

    /// <summary>
    /// A Vale rule's action as Vale shows it: the action its file declares, as written (<c>suggest</c> with
    /// <c>spellings</c>, <c>remove</c>, <c>edit</c> with <c>split</c>), none when it declares none; a <c>replace</c>
    /// without parameters takes the replacements found for the match. DocLint's own rules show what they offer:
    /// a safe fix as <c>replace</c> (<c>remove</c> when it deletes), suggestions as <c>replace</c> with them.
    /// </summary>
    private static (string Name, IReadOnlyList<string>? Params) Action(Diagnostic d)
    {
        if (d.Descriptor.Category == Vale.ValeRule.Category)
        {
            return d.Descriptor.Action switch
            {
                null => ("", null),
                { Params.IsDefaultOrEmpty: false } declared => (declared.Name, declared.Params),
                { Name: "replace" } => ("replace", d.Fix is { } offered ? [offered.NewText] : d.Suggestions.IsDefaultOrEmpty ? null : d.Suggestions),
                var declared => (declared.Name, null),
            };
        }

        return d.Fix is { } fix ? (fix.NewText.Length == 0 ? ("remove", []) : ("replace", [fix.NewText]))
            : !d.Suggestions.IsDefaultOrEmpty ? ("replace", d.Suggestions)
            : ("", null);
    }

    /// <summary>The first and last column of the finding on its first line (the last is the line's end when it runs on), as Vale's Span.</summary>
    private static (int First, int Last) Columns(Diagnostic d, SourceText? source, ref ColumnCursor columns)
    {
        var start = d.LineSpan.Start;
        var end = d.LineSpan.End;
        if (source is null || start.Line >= source.LineCount)
        {
            var length = end.Line == start.Line ? Math.Max(end.Character - start.Character, 1) : 1;
            return (start.Character + 1, start.Character + length);
        }

        var lineStart = source.GetLineStart(start.Line);
        var first = columns.At(source, start.Line, lineStart + start.Character);
        var lastOffset = end.Line == start.Line
            ? lineStart + Math.Max(end.Character, start.Character + 1)
            : source.GetLineSpan(start.Line).End;
        var last = columns.At(source, start.Line, lastOffset) - 1;
        return (first, Math.Max(first, last));
    }
}
