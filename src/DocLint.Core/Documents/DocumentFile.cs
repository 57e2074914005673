using DocLint.Core.Text;

namespace DocLint.Core.Documents;

/// <summary>A file read the way a lint reads it (decoded, then read by the reader its extension picks), for tools that show what rules see.</summary>
public static class DocumentFile
{
    /// <summary>The document, or why it could not be read.</summary>
    public static (Document? Document, string? Problem) Read(string path, ReadOnlySpan<byte> bytes, IReadOnlyDictionary<string, string> readers)
    {
        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.IsBinary)
        {
            return (null, "binary file skipped");
        }

        var source = SourceText.From(decoded.Text!);
        return (DocumentReaders.For(path, readers).Read(path, source), null);
    }
}
