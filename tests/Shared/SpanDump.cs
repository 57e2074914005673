using System.Text;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Testing;

/// <summary>
/// Prints a document's structure the way Markdig's source-position tests do: the prose view line by line
/// (█ marks a source character that is masked), then every block, sentence and quotation with its
/// 1-based line:column range and text. A failing test shows the whole picture.
/// </summary>
internal static class SpanDump
{
    public static string Dump(Document document)
    {
        var source = document.Source;
        var text = new StringBuilder();
        for (var line = 0; line < source.LineCount; line++)
        {
            var span = source.GetLineSpan(line);
            text.Append("prose  |");
            for (var i = span.Start; i < span.End; i++)
            {
                var masked = document.Prose[i] != source.Text[i] && document.Prose[i] == ' ';
                text.Append(masked ? '█' : document.Prose[i]);
            }

            text.Append("|\n");
        }

        foreach (var block in document.Blocks)
        {
            text.Append($"block  {block.Kind} {Range(source, block.Span)} {Quote(source, block.Span)}\n");
        }

        foreach (var sentence in document.Sentences)
        {
            text.Append($"sent   {Range(source, sentence)} {Quote(source, sentence)}\n");
        }

        foreach (var quote in document.QuotedRegions)
        {
            text.Append($"quote  {Range(source, quote)} {Quote(source, quote)}\n");
        }

        foreach (var (key, value) in document.FrontMatter.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append($"front  {key}={value}\n");
        }

        foreach (var directive in document.Directives)
        {
            text.Append($"direct {directive.Kind} [{string.Join(",", directive.RuleIds)}] {Range(source, directive.Span)}\n");
        }

        return text.ToString();
    }

    private static string Range(SourceText source, TextSpan span)
    {
        var lines = source.GetLinePositionSpan(span);
        return $"{lines.Start.Line + 1}:{lines.Start.Character + 1}-{lines.End.Line + 1}:{lines.End.Character + 1}";
    }

    private static string Quote(SourceText source, TextSpan span) =>
        "\"" + source.ToString(span).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
