using System.Text;

namespace DocLint.Core.Workspace;

/// <summary>
/// Reads configuration, rule and baseline files: only regular files are opened (a named pipe, a socket or
/// a device would block or never end), and only up to a size limit. Throws <see cref="IOException"/> with
/// a reason that can be shown as it is.
/// </summary>
public static class RegularFile
{
    /// <summary>Why <paramref name="status"/> may not be opened for reading, or null when it may.</summary>
    public static string? WhyNotReadable(FileStatus status, long maxBytes) => status.Kind switch
    {
        FileKind.Regular when status.Size > maxBytes => $"it is {status.Size:N0} bytes, more than the limit of {maxBytes:N0}",
        FileKind.Regular => null,
        FileKind.Missing => "file not found",
        _ => $"it is {FileStatus.Describe(status.Kind)}; only regular files are read",
    };

    /// <summary>The file's text (UTF-8, or as its BOM says); throws <see cref="IOException"/> when it is not a regular file or is too large.</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        if (WhyNotReadable(FileStatus.Of(path), maxBytes) is { } reason)
        {
            throw reason == "file not found" ? new FileNotFoundException(reason, path) : new IOException(reason);
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>The file's bytes; throws <see cref="IOException"/> when it is not a regular file or is too large.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        if (WhyNotReadable(FileStatus.Of(path), maxBytes) is { } reason)
        {
            throw reason == "file not found" ? new FileNotFoundException(reason, path) : new IOException($"{path}: {reason}");
        }

        return File.ReadAllBytes(path);
    }
}
