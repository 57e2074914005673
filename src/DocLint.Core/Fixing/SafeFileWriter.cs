using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Text;
using DocLint.Core.Workspace;

namespace DocLint.Core.Fixing;

/// <summary>
/// Writes a fixed file without risk to it: the new text is encoded as the original was (UTF-8 with or
/// without BOM, UTF-16 with BOM; line endings are the text's own), written to a temporary file in the same
/// folder, flushed to disk, given the original's permissions, owner and group, and renamed over the
/// original, so a crash leaves either the old file or the new one.
/// <list type="bullet">
/// <item>A file whose content changed since it was read is not touched; neither is one that changes while
/// its fix is written: its size, times, inode and a hash of its bytes are compared again just before the rename.</item>
/// <item>A symbolic link is fixed at its target (the link stays a link). A file with more than one hard link
/// is left alone (a rename would split the links), and so is one whose owner or group the fixed copy cannot be given.</item>
/// <item>Temporary files are named <c>.NAME.doclint-PID-GUID.tmp</c>: removed on SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT (<see cref="RemoveTempFilesOnTermination"/>), and swept by the next run (<see cref="SweepStale"/>)
/// once the process that made them is gone.</item>
/// </list>
/// </summary>
public static partial class SafeFileWriter
{
    /// <summary>The reason given for a file that changed while its fix was written.</summary>
    public const string ChangedWhileFixing = "changed while fixing; not fixed";

    /// <summary>The reason given for a file that changed between the lint and the fix.</summary>
    public const string ChangedSinceRead = "the file changed since it was read; not fixed";

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> InFlight = new(StringComparer.Ordinal);
    private static bool _stopping;

    /// <summary>Writes <paramref name="newText"/>; returns null on success or the reason the file was left alone.</summary>
    /// <param name="beforeRename">Runs after the temporary file is complete and before the last check and the rename (tests use it to fail or edit there).</param>
    public static string? Write(string path, string expectedText, string newText, SourceEncoding encoding, Action? beforeRename = null)
    {
        string target;
        try
        {
            target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"not fixed: cannot follow the link: {ex.Message}";
        }

        var before = FileStatus.Of(target);
        if (!before.IsRegular)
        {
            return $"not fixed: it is {FileStatus.Describe(before.Kind)}";
        }

        if (before.Links > 1)
        {
            return $"not fixed: it has {before.Links} hard links, and replacing it would split them";
        }

        byte[] current;
        try
        {
            current = File.ReadAllBytes(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file again: {ex.Message}";
        }

        var decoded = SourceDecoder.Decode(current);
        if (FileStatus.Of(target) != before || decoded.IsBinary || decoded.HasInvalidBytes || decoded.Text != expectedText || decoded.Encoding != encoding)
        {
            return ChangedSinceRead;
        }

        var hash = SHA256.HashData(current);
        return Replace(target, Encode(newText, encoding), before, hash, beforeRename);
    }

    /// <summary>
    /// Writes a new file (or replaces one) atomically: a reader, or a run killed meanwhile, sees the old file
    /// whole or the new one whole. A symbolic link is written at its target. Throws <see cref="IOException"/>.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var target = FileStatus.Of(full, followLinks: false).Kind == FileKind.SymbolicLink
            ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full
            : full;
        var existing = FileStatus.Of(target);
        if (existing.Kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new IOException($"{path} is {FileStatus.Describe(existing.Kind)}");
        }

        var (temp, created) = CreateTemp(target);
        try
        {
            using (var stream = created)
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (existing.IsRegular && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            lock (Gate)
            {
                if (_stopping)
                {
                    throw new IOException("DocLint is stopping");
                }

                File.Move(temp, target, overwrite: true);
            }
        }
        finally
        {
            Forget(temp);
        }
    }

    private static string? Replace(string target, byte[] bytes, FileStatus before, byte[] hash, Action? beforeRename)
    {
        string temp;
        FileStream created;
        try
        {
            (temp, created) = CreateTemp(target);
        }
        catch (IOException ex)
        {
            return $"not fixed: {ex.Message}";
        }

        try
        {
            using (var stream = created)
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            if (FileStatus.IsDetailed && FileStatus.Of(temp) is var made && (made.Owner != before.Owner || made.Group != before.Group)
                && !FileStatus.TryChangeOwner(temp, before.Owner, before.Group))
            {
                return $"not fixed: it belongs to user {before.Owner} and group {before.Group}, and a fixed copy could not be given them";
            }

            beforeRename?.Invoke();
            lock (Gate)
            {
                if (_stopping)
                {
                    return "not fixed: DocLint is stopping";
                }

                // The last check, just before the rename: the same file (inode), size and times, and the same bytes.
                if (FileStatus.Of(target) != before || !SHA256.HashData(File.ReadAllBytes(target)).AsSpan().SequenceEqual(hash))
                {
                    return ChangedWhileFixing;
                }

                File.Move(temp, target, overwrite: true);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"not fixed: {ex.Message}";
        }
        finally
        {
            Forget(temp);
        }
    }

    /// <summary>
    /// Creates a new temporary file beside <paramref name="target"/> and records it, in one step under the
    /// lock a stop signal takes: a file is never created after the signal removed the others.
    /// </summary>
    private static (string Path, FileStream Stream) CreateTemp(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.doclint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        lock (Gate)
        {
            if (_stopping)
            {
                throw new IOException("DocLint is stopping");
            }

            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            InFlight.Add(temp);
            return (temp, stream);
        }
    }

    /// <summary>Deletes the temporary file if it is still there, and stops tracking it.</summary>
    private static void Forget(string temp)
    {
        lock (Gate)
        {
            InFlight.Remove(temp);
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swept by the next run.
        }
    }

    /// <summary>
    /// Removes the temporary files of fixes in progress when the process is asked to stop (SIGINT, SIGTERM,
    /// SIGHUP, SIGQUIT), then lets it stop; no rename starts after that. Dispose to stop listening.
    /// </summary>
    public static IDisposable RemoveTempFilesOnTermination()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsBrowser())
        {
            return new Registrations([]);
        }

        return new Registrations(
            [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => RemoveInFlight()))]);
    }

    /// <summary>What a stop signal does: no rename starts any more, and the temporary files are removed.</summary>
    internal static void RemoveInFlight()
    {
        lock (Gate)
        {
            _stopping = true;
            foreach (var temp in InFlight)
            {
                TryDelete(temp);
            }

            InFlight.Clear();
        }
    }

    /// <summary>
    /// Removes the temporary files that interrupted fixes left in <paramref name="folder"/>: those whose
    /// process is gone, and any older than <see cref="Engine.Limits.StaleTempAge"/>. Returns how many.
    /// </summary>
    public static int SweepStale(string folder)
    {
        var removed = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, ".*.doclint-*.tmp", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var file in candidates)
        {
            if (TempName().Match(Path.GetFileName(file)) is not { Success: true } match)
            {
                continue;
            }

            var pid = match.Groups["pid"].Success ? int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            var old = DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > Engine.Limits.StaleTempAge;
            if ((pid != Environment.ProcessId && !IsRunning(pid)) || old)
            {
                TryDelete(file);
                removed += File.Exists(file) ? 0 : 1;
            }
        }

        return removed;
    }

    /// <summary>True when <paramref name="path"/> is named as this writer names its temporary files.</summary>
    public static bool IsTempName(string path) => TempName().IsMatch(Path.GetFileName(path));

    private static bool IsRunning(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>".NAME.doclint-PID-GUID.tmp", and ".NAME.doclint-GUID.tmp" as earlier versions named them.</summary>
    [GeneratedRegex(@"^\..+\.doclint-(?:(?<pid>[0-9]{1,10})-)?[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();

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

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
