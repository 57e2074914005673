using DocLint.Core.Documents.Html;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Documents.PlainText;

namespace DocLint.Core.Documents;

/// <summary>The reader for a file, chosen by extension; a mapping given by the user wins.</summary>
public static class DocumentReaders
{
    public static IReadOnlyList<IDocumentReader> All { get; } = [PlainTextReader.Instance, MarkdownReader.Instance, MarkdownReader.Mdx, HtmlReader.Instance];

    /// <summary>
    /// .md and .markdown are Markdown, .mdx is MDX (Markdown without indented code), .html, .htm and .xhtml are HTML; everything else is plain text.
    /// </summary>
    public static IDocumentReader For(string path, IReadOnlyDictionary<string, string> overrides)
    {
        var extension = Path.GetExtension(path);
        if (overrides.TryGetValue(extension, out var name) && Find(name) is { } chosen)
        {
            return chosen;
        }

        return extension.ToLowerInvariant() switch
        {
            ".md" or ".markdown" => MarkdownReader.Instance,
            ".mdx" => MarkdownReader.Mdx,
            ".html" or ".htm" or ".xhtml" => HtmlReader.Instance,
            _ => PlainTextReader.Instance,
        };
    }

    public static IDocumentReader? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
