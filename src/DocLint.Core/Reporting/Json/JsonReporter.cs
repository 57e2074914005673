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

    public static void Write(TextWriter writer, Report report)
    {
        var json = new JsonReportWriter(writer);
        json.Add(report);
        json.Complete(report);
    }

    /// <summary>
    /// The JSON format written as a run goes on: each part's diagnostics as it comes (in path order), the summary
    /// when the run is done. It keeps counts, not findings.
    /// </summary>
    public sealed class JsonReportWriter(TextWriter writer)
    {
        private readonly int[] _shown = new int[(int)DiagnosticSeverity.Error + 1];
        private JsonOutput.JsonDocumentWriter? _document;
        private int _suppressed;
        private bool _completed;

        /// <summary>Writes the diagnostics of <paramref name="part"/> (the header first, with the first part).</summary>
        public void Add(Report part)
        {
            var json = Start(part);
            foreach (var d in part.Diagnostics)
            {
                _suppressed += d.IsSuppressed ? 1 : 0;
                if (Report.IsShown(d))
                {
                    _shown[(int)d.Severity]++;
                }

                if (d.Severity > DiagnosticSeverity.None)
                {
                    WriteDiagnostic(json, d, part.DisplayPath(d.Path));
                    json.FlushWhenFull();
                }
            }
        }

        /// <summary>Ends the document with the summary of the run (<paramref name="whole"/>'s file count).</summary>
        public void Complete(Report whole)
        {
            var json = Start(whole);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", whole.FileCount);
            json.WriteNumber("errors", _shown[(int)DiagnosticSeverity.Error]);
            json.WriteNumber("warnings", _shown[(int)DiagnosticSeverity.Warning]);
            json.WriteNumber("suggestions", _shown[(int)DiagnosticSeverity.Suggestion]);
            json.WriteNumber("suppressed", _suppressed);
            json.WriteEndObject();
            json.WriteEndObject();
            _document!.Dispose();
            _completed = true;
        }

        private Utf8JsonWriter Start(Report report)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            if (_document is { } open)
            {
                return open.Json;
            }

            _document = JsonOutput.Open(writer);
            var json = _document.Json;
            json.WriteStartObject();
            json.WriteNumber("version", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            return json;
        }
    }

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
