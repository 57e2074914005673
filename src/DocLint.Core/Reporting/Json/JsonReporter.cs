using System.Text.Json;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.Json;

/// <summary>
/// The JSON format, schema version 1 (documented in docs/formats.md): one object per diagnostic with the
/// path, the 1-based span, the 0-based offsets, id, severity, message, matched text, suggestions, fix and
/// whether it was suppressed; then a summary. Silent findings are included (scripts may want them).
/// </summary>
public static class JsonReporter
{
    public const int SchemaVersion = 1;

    public static void Write(TextWriter writer, Report report) => JsonOutput.WriteTo(writer, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.None))
        {
            WriteDiagnostic(json, d, report.DisplayPath(d.Path));
            json.FlushWhenFull();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", report.FileCount);
        var shown = report.Shown.ToList();
        json.WriteNumber("errors", shown.Count(d => d.Severity == DiagnosticSeverity.Error));
        json.WriteNumber("warnings", shown.Count(d => d.Severity == DiagnosticSeverity.Warning));
        json.WriteNumber("suggestions", shown.Count(d => d.Severity == DiagnosticSeverity.Suggestion));
        json.WriteNumber("suppressed", report.Diagnostics.Count(d => d.IsSuppressed));
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d, string path)
    {
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("id", d.Id);
        json.WriteString("title", d.Descriptor.Title);
        json.WriteString("severity", d.Severity.ToConfigName());
        json.WriteString("message", d.Message);
        json.WriteStartObject("span");
        json.WriteNumber("startLine", d.LineSpan.Start.Line + 1);
        json.WriteNumber("startColumn", d.LineSpan.Start.Character + 1);
        json.WriteNumber("endLine", d.LineSpan.End.Line + 1);
        json.WriteNumber("endColumn", d.LineSpan.End.Character + 1);
        json.WriteEndObject();
        json.WriteStartObject("offset");
        json.WriteNumber("start", d.Span.Start);
        json.WriteNumber("length", d.Span.Length);
        json.WriteEndObject();
        if (d.MatchedText is { } matched)
        {
            json.WriteString("matchedText", matched);
        }
        else
        {
            json.WriteNull("matchedText");
        }

        json.WriteStartArray("suggestions");
        foreach (var suggestion in d.Suggestions)
        {
            json.WriteStringValue(suggestion);
        }

        json.WriteEndArray();
        if (d.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            json.WriteNumber("start", fix.Span.Start);
            json.WriteNumber("length", fix.Span.Length);
            json.WriteString("newText", fix.NewText);
            json.WriteEndObject();
        }

        if (d.Fingerprint is { } fingerprint)
        {
            json.WriteString("fingerprint", fingerprint);
        }

        json.WriteBoolean("suppressed", d.IsSuppressed);
        if (d.Baseline != BaselineState.None)
        {
            json.WriteString("baselineState", d.Baseline == BaselineState.New ? "new" : "unchanged");
        }
        json.WriteEndObject();
    }
}
