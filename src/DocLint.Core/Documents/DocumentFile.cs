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
            return (null, BinaryProblem(bytes));
        }

        var source = SourceText.From(decoded.Text!);
        return (DocumentReaders.For(path, readers).Read(path, source), null);
    }

    /// <summary>Why a file that decodes as binary is skipped: UTF-16 without a byte order mark, or NUL bytes.</summary>
    public static string BinaryProblem(ReadOnlySpan<byte> bytes) => SourceDecoder.LooksLikeUtf16WithoutBom(bytes)
        ? "file skipped: it looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a BOM"
        : "binary file skipped (it contains NUL bytes)";
}
