using System.Globalization;
using System.Text.Json;
using DocLint.Core.Documents;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting.Inspection;

/// <summary>
/// What rules see in a document (<c>doclint inspect</c>): blocks, sentences, quotations, attributions and
/// the stretches that are not the writer's voice (quotations, attributed content, posts, answers). JSON (schema in docs/formats.md) for tools and tests;
/// text for people, each span with its 1-based line and column and its words.
/// </summary>
public static class InspectionWriter
{
    public const int SchemaVersion = 1;

    public static void WriteJson(TextWriter writer, IEnumerable<(string Path, Document? Document, string? Problem)> documents) => JsonOutput.WriteTo(writer, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", SchemaVersion);
        json.WriteStartArray("documents");
        foreach (var (path, document, problem) in documents)
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            if (document is null)
            {
                json.WriteString("problem", problem);
                json.WriteEndObject();
                continue;
            }

            json.WriteNumber("length", document.Source.Length);
            json.WriteStartArray("blocks");
            foreach (var block in document.Blocks)
            {
                json.WriteStartObject();
                json.WriteString("kind", block.Kind.Name());
                WriteOffsets(json, block.Span);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sentences");
            foreach (var sentence in document.Sentences)
            {
                json.WriteStartObject();
                WriteOffsets(json, sentence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("quotations");
            foreach (var quotation in document.Quotations)
            {
                json.WriteStartObject();
                WriteOffsets(json, quotation.Span);
                json.WriteNumber("depth", quotation.Depth);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attributions");
            foreach (var a in document.Attributions)
            {
                json.WriteStartObject();
                json.WriteString("cueKind", a.CueKind.Name());
                WriteSpan(json, "cue", a.Cue);
                WriteSpan(json, "source", a.Source);
                WriteSpan(json, "content", a.Content);
                json.WriteString("sourceKind", a.SourceKind.Name());
                json.WriteString("contentKind", a.ContentKind.Name());
                if (a.Antecedent is { } antecedent)
                {
                    WriteSpan(json, "antecedent", antecedent);
                    json.WriteString("antecedentKind", a.AntecedentKind.Name());
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("otherVoices");
            foreach (var voice in document.Voices)
            {
                json.WriteStartObject();
                WriteOffsets(json, voice.Span);
                json.WriteString("voice", voice.Voice.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteText(TextWriter writer, string path, Document document)
    {
        writer.Write(path);
        writer.Write('\n');
        var source = document.Source;
        var attributions = document.Attributions;
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            writer.Write($"  sentence {Where(source, sentence)}: {Words(document, sentence, 200)}\n");
            for (; next < attributions.Length && attributions[next].Cue.Start < sentence.End; next++)
            {
                var a = attributions[next];
                writer.Write($"    {a.CueKind.Name()} '{Words(document, a.Cue, 60)}' {Where(source, a.Cue)}");
                writer.Write(a.Source is { } s ? $"; source '{Words(document, s, 80)}' ({a.SourceKind.Name()})" : "; no source");
                if (a.Antecedent is { } antecedent)
                {
                    writer.Write($" → '{Words(document, antecedent, 60)}' ({a.AntecedentKind.Name()})");
                }

                writer.Write(a.Content is { } c ? $"; {a.ContentKind.Name()} '{Words(document, c, 80)}'\n" : "; no content\n");
            }
        }

        foreach (var voice in document.Voices.Where(v => v.Voice is OtherVoice.Post or OtherVoice.Answer))
        {
            writer.Write($"  {voice.Voice.ToString().ToLowerInvariant()} {Where(source, voice.Span)}: {Words(document, voice.Span, 120)}\n");
        }

        if (document.OtherVoiceRegions.Length > 0)
        {
            writer.Write("  not the writer's voice: ");
            writer.Write(string.Join(", ", document.OtherVoiceRegions.Select(r => $"{Where(source, r)}–{Where(source, new TextSpan(r.End - 1, 1))}")));
            writer.Write('\n');
        }
    }

    private static string Where(SourceText source, TextSpan span)
    {
        var line = source.GetLinePositionSpan(span).Start;
        return string.Create(CultureInfo.InvariantCulture, $"({line.Line + 1},{line.Character + 1})");
    }

    private static string Words(Document document, TextSpan span, int max)
    {
        var text = string.Join(' ', document.Source.ToString(span).Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return Shorten.To(text, max);
    }

    private static void WriteSpan(Utf8JsonWriter json, string name, TextSpan? span)
    {
        if (span is not { } value)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        WriteOffsets(json, value);
        json.WriteEndObject();
    }

    private static void WriteOffsets(Utf8JsonWriter json, TextSpan span)
    {
        json.WriteNumber("start", span.Start);
        json.WriteNumber("length", span.Length);
    }
}
