using System.Runtime.InteropServices;

namespace DocLint.Core.Workspace;

/// <summary>What kind of file system entry a path names.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>
/// A file's status as the operating system reports it (statx on Linux), asked before a file is opened, so
/// that nothing but a regular file is ever opened for reading (opening a FIFO blocks until a writer comes),
/// and before a fixed file replaces the original (links, owner, group, and whether it changed since read).
/// Elsewhere only what .NET reports is known: the kind, size and time.
/// </summary>
public readonly partial record struct FileStatus(
    FileKind Kind,
    long Size,
    long ModifiedTicks,
    long ChangedTicks,
    ulong Inode,
    ulong Device,
    uint Links,
    uint Owner,
    uint Group)
{
    /// <summary>True when the owner, group, links and inode are known (Linux).</summary>
    public static bool IsDetailed { get; } = OperatingSystem.IsLinux();

    public bool IsRegular => Kind == FileKind.Regular;

    /// <summary>The status of <paramref name="path"/>; symbolic links are followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux())
        {
            return Statx(path, followLinks);
        }

        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
        }

        if (!info.Exists)
        {
            return default;
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return new FileStatus(FileKind.SymbolicLink, 0, info.LastWriteTimeUtc.Ticks, 0, 0, 0, 1, 0, 0);
        }

        var kind = info is DirectoryInfo ? FileKind.Directory : FileKind.Regular;
        return new FileStatus(kind, info is FileInfo file ? file.Length : 0, info.LastWriteTimeUtc.Ticks, 0, 0, 0, 1, 0, 0);
    }

    /// <summary>A short name for a kind that is not a regular file, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    private static FileStatus Statx(string path, bool followLinks)
    {
        var buffer = new StatxBuffer();
        if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref buffer) != 0)
        {
            return default;
        }

        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
        return new FileStatus(
            kind,
            (long)buffer.Size,
            Ticks(buffer.MtimeSeconds, buffer.MtimeNanoseconds),
            Ticks(buffer.CtimeSeconds, buffer.CtimeNanoseconds),
            buffer.Inode,
            ((ulong)buffer.DevMajor << 32) | buffer.DevMinor,
            buffer.Links,
            buffer.Uid,
            buffer.Gid);
    }

    private static long Ticks(long seconds, uint nanoseconds) => (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100);

    /// <summary>Changes the owner and group of <paramref name="path"/> (not following a link); false when not allowed.</summary>
    public static bool TryChangeOwner(string path, uint owner, uint group) => OperatingSystem.IsLinux() && lchown(path, owner, group) == 0;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, ref StatxBuffer buffer);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int lchown(string path, uint owner, uint group);

    /// <summary>struct statx (linux/stat.h): the same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(16)] public uint Links;
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long CtimeSeconds;
        [FieldOffset(104)] public uint CtimeNanoseconds;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }
}
