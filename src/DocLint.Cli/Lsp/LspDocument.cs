using System.Text;
using System.Text.Json.Nodes;
using DocLint.Core.Text;

namespace DocLint.Cli.Lsp;

/// <summary>How the client counts a position's character: UTF-16 code units (the protocol's default) or UTF-8 bytes.</summary>
internal enum PositionEncoding
{
    Utf16,
    Utf8,
}

/// <summary>
/// One open document: its text, version and line map, and the conversions between protocol positions and
/// offsets into the text (UTF-16 code units, as everywhere in DocLint).
/// </summary>
internal sealed class LspDocument(string uri, string path, string languageId, int version, string text)
{
    public string Uri { get; } = uri;

    /// <summary>The file's path (the reader and the configuration are chosen by it).</summary>
    public string Path { get; } = path;

    public string LanguageId { get; } = languageId;

    public int Version { get; private set; } = version;

    public SourceText Source { get; private set; } = SourceText.From(text);

    public string Text => Source.Text;

    /// <summary>
    /// Applies <c>contentChanges</c> in order: a change with a range replaces it, one without replaces the
    /// whole text. Positions past a line's end or the text's end are clamped, as the protocol asks.
    /// </summary>
    public void Apply(int version, JsonArray changes, PositionEncoding encoding)
    {
        foreach (var change in changes)
        {
            var text = change?["text"]?.GetValue<string>() ?? throw new LspException(LspErrors.InvalidParams, "a content change has no text");
            if (change["range"] is JsonObject range)
            {
                var start = OffsetOf(range["start"], encoding);
                var end = Math.Max(start, OffsetOf(range["end"], encoding));
                var current = Source.Text;
                Source = SourceText.From(string.Concat(current.AsSpan(0, start), text, current.AsSpan(end)));
            }
            else
            {
                Source = SourceText.From(text);
            }
        }

        Version = version;
    }

    /// <summary>The offset of a protocol position; throws <see cref="LspException"/> when it is not a position.</summary>
    public int OffsetOf(JsonNode? position, PositionEncoding encoding) => OffsetOf(Source, position, encoding);

    /// <summary>The offset in <paramref name="source"/> of a protocol position.</summary>
    public static int OffsetOf(SourceText source, JsonNode? position, PositionEncoding encoding)
    {
        if (position?["line"] is not JsonValue lineNode || position["character"] is not JsonValue charNode
            || !lineNode.TryGetValue(out int line) || !charNode.TryGetValue(out int character) || line < 0 || character < 0)
        {
            throw new LspException(LspErrors.InvalidParams, "invalid position");
        }

        if (line >= source.LineCount)
        {
            return source.Length;
        }

        var span = source.GetLineSpan(line);
        if (encoding == PositionEncoding.Utf16)
        {
            return span.Start + Math.Min(character, span.Length);
        }

        // UTF-8: walk the line's characters, counting bytes; a position inside a character's bytes rounds down.
        var text = source.Text;
        var bytes = 0;
        var offset = span.Start;
        while (offset < span.End)
        {
            var size = Rune.DecodeFromUtf16(text.AsSpan(offset, span.End - offset), out var rune, out var units) == System.Buffers.OperationStatus.Done
                ? rune.Utf8SequenceLength
                : 3;
            if (bytes + size > character)
            {
                break;
            }

            bytes += size;
            offset += units;
        }

        return offset;
    }

    /// <summary>The protocol position of an offset in <paramref name="source"/>.</summary>
    public static JsonObject PositionOf(SourceText source, int offset, PositionEncoding encoding)
    {
        var position = source.GetLinePosition(Math.Clamp(offset, 0, source.Length));
        var character = position.Character;
        if (encoding == PositionEncoding.Utf8)
        {
            var start = source.GetLineStart(position.Line);
            character = Encoding.UTF8.GetByteCount(source.Text.AsSpan(start, position.Character));
        }

        return new JsonObject { ["line"] = position.Line, ["character"] = character };
    }

    public static JsonObject RangeOf(SourceText source, TextSpan span, PositionEncoding encoding) =>
        new() { ["start"] = PositionOf(source, span.Start, encoding), ["end"] = PositionOf(source, span.End, encoding) };
}
