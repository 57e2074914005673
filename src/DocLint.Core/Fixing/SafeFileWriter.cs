using System.Text;
using DocLint.Core.Text;

namespace DocLint.Core.Fixing;

/// <summary>
/// Writes a fixed file without risk to it: the new text is encoded as the original was (UTF-8 with or
/// without BOM, UTF-16 with BOM; line endings are the text's own), written to a temporary file in the same
/// folder, flushed to disk, given the original's permissions, and renamed over the original, so a crash
/// leaves either the old file or the new one. A file whose content changed since it was read is not touched.
/// </summary>
public static class SafeFileWriter
{
    /// <summary>Writes <paramref name="newText"/>; returns null on success or the reason the file was left alone.</summary>
    /// <param name="beforeRename">Runs after the temporary file is complete and before the rename (tests use it to fail there).</param>
    public static string? Write(string path, string expectedText, string newText, SourceEncoding encoding, Action? beforeRename = null)
    {
        byte[] current;
        try
        {
            current = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file again: {ex.Message}";
        }

        var decoded = SourceDecoder.Decode(current);
        if (decoded.IsBinary || decoded.HasInvalidBytes || decoded.Text != expectedText || decoded.Encoding != encoding)
        {
            return "the file changed since it was read; not fixed";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.doclint-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encode(newText, encoding));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            beforeRename?.Invoke();
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"not fixed: {ex.Message}";
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static byte[] Encode(string text, SourceEncoding encoding)
    {
        Encoding target = encoding switch
        {
            SourceEncoding.Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            SourceEncoding.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            SourceEncoding.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        return [.. target.GetPreamble(), .. target.GetBytes(text)];
    }
}
