using System.Text;
using System.Text.Json;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting.Reviewdog;

/// <summary>
/// reviewdog's Diagnostic Format as JSON lines (<c>reviewdog -f=rdjsonl</c>): one object a finding with its
/// message, location (path relative to the root; 1-based lines; columns counted in UTF-8 bytes from 1, as
/// reviewdog counts them), severity (ERROR, WARNING, INFO), code (the rule id and its help page) and source.
/// A safe fix becomes a reviewdog suggestion, which reviewdog posts as a GitHub suggested change; other
/// suggestions stay in the message's rule page, since they are not safe to apply unread. Without the source
/// text (standard input read elsewhere) columns fall back to UTF-16 counts.
/// </summary>
public static class RdJsonLinesReporter
{
    public static void Write(TextWriter writer, Report report)
    {
        using var buffer = new MemoryStream();
        var columns = new ColumnCursor(ColumnUnit.Utf8Bytes);
        foreach (var d in report.Shown)
        {
            buffer.SetLength(0);
            report.Sources.TryGetValue(d.Path, out var source);
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteDiagnostic(json, d, report.RelativeToRoot(d.Path) ?? report.DisplayPath(d.Path), source, ref columns);
            }

            writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            writer.Write('\n');
        }
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d, string path, SourceText? source, ref ColumnCursor columns)
    {
        json.WriteStartObject();
        json.WriteString("message", d.Message);
        json.WriteStartObject("location");
        json.WriteString("path", path);
        WriteRange(json, d.Span, d.LineSpan, source, ref columns);
        json.WriteEndObject();
        json.WriteString("severity", d.Severity switch
        {
            DiagnosticSeverity.Error => "ERROR",
            DiagnosticSeverity.Warning => "WARNING",
            _ => "INFO",
        });
        json.WriteStartObject("source");
        json.WriteString("name", "doclint");
        json.WriteString("url", ToolInfo.InformationUri);
        json.WriteEndObject();
        json.WriteStartObject("code");
        json.WriteString("value", d.Id);
        if (!d.Id.StartsWith("DL0", StringComparison.Ordinal) && ToolInfo.HelpUri(d.Descriptor) is { } help)
        {
            json.WriteString("url", help);
        }

        json.WriteEndObject();
        if (d.Fix is { } fix && source is not null)
        {
            json.WriteStartArray("suggestions");
            json.WriteStartObject();
            WriteRange(json, fix.Span, source.GetLinePositionSpan(fix.Span), source, ref columns);
            json.WriteString("text", fix.NewText);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter json, TextSpan span, LinePositionSpan lines, SourceText? source, ref ColumnCursor columns)
    {
        json.WriteStartObject("range");
        WritePosition(json, "start", span.Start, lines.Start, source, ref columns);
        WritePosition(json, "end", span.End, lines.End, source, ref columns);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, int offset, LinePosition position, SourceText? source, ref ColumnCursor columns)
    {
        var column = position.Character + 1;
        if (source is not null && offset <= source.Length)
        {
            column = columns.At(source, position.Line, offset);
        }

        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line + 1);
        json.WriteNumber("column", column);
        json.WriteEndObject();
    }
}
