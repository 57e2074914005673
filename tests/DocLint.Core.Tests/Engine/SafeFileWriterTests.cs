using System.Text;
using DocLint.Core.Fixing;
using DocLint.Core.Text;
using DocLint.Core.Workspace;
using DocLint.Testing;

namespace DocLint.Core.Tests.Engine;

public class SafeFileWriterTests
{
    [Fact]
    public void A_failure_before_the_rename_leaves_the_original_intact_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.\r\n");

        var problem = SafeFileWriter.Write(path, "They slammed it.\r\n", "They criticized it.\r\n", SourceEncoding.Utf8, beforeRename: () => throw new IOException("disk full"));

        problem.Should().Be("not fixed: disk full");
        File.ReadAllText(path).Should().Be("They slammed it.\r\n");
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_touched()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Someone edited this meanwhile.");

        SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().Be("the file changed since it was read; not fixed");
        File.ReadAllText(path).Should().Be("Someone edited this meanwhile.");
    }

    [Theory]
    [InlineData(SourceEncoding.Utf8Bom)]
    [InlineData(SourceEncoding.Utf16LittleEndian)]
    [InlineData(SourceEncoding.Utf16BigEndian)]
    public void The_encoding_bom_and_line_endings_are_kept(SourceEncoding encoding)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("a.txt", SafeFileWriter.Encode("One\r\nThey slammed it.\rTwo\n", encoding));

        SafeFileWriter.Write(path, "One\r\nThey slammed it.\rTwo\n", "One\r\nThey criticized it.\rTwo\n", encoding).Should().BeNull();

        var decoded = SourceDecoder.Decode(File.ReadAllBytes(path));
        (decoded.Text, decoded.Encoding).Should().Be(("One\r\nThey criticized it.\rTwo\n", encoding));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_file_mode_is_kept()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().BeNull();

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Encoding.UTF8.GetString(File.ReadAllBytes(path)).Should().Be("They criticized it.");
    }

    [Fact]
    public void An_edit_made_while_the_fix_is_written_is_kept_and_the_file_is_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");

        var problem = SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8, beforeRename: () => File.WriteAllText(path, "They slammed it!"));

        problem.Should().Be("changed while fixing; not fixed");
        File.ReadAllText(path).Should().Be("They slammed it!");
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Fact]
    public void An_edit_that_keeps_the_size_and_time_is_still_seen_by_its_hash()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        var time = File.GetLastWriteTimeUtc(path);

        var problem = SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8, beforeRename: () =>
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                stream.Write("X"u8);
            }

            File.SetLastWriteTimeUtc(path, time);
        });

        problem.Should().Be("changed while fixing; not fixed");
        File.ReadAllText(path).Should().Be("Xhey slammed it.");
    }

    [Fact]
    public void A_file_replaced_by_another_while_the_fix_is_written_is_not_overwritten()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        var other = folder.Write("b.txt", "They slammed it.");

        var problem = SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8, beforeRename: () => File.Move(other, path, overwrite: true));

        problem.Should().Be("changed while fixing; not fixed", "an editor that saves by renaming gives the path a new file");
        File.ReadAllText(path).Should().Be("They slammed it.");
    }

    [UnixFact]
    public void A_symbolic_link_is_fixed_at_its_target_and_stays_a_link()
    {
        using var folder = new TempFolder();
        var target = folder.Write("real/a.txt", "They slammed it.");
        var link = Path.Combine(folder.Path, "link.txt");
        File.CreateSymbolicLink(link, "real/a.txt");

        SafeFileWriter.Write(link, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().BeNull();

        new FileInfo(link).LinkTarget.Should().Be("real/a.txt");
        File.ReadAllText(target).Should().Be("They criticized it.");
        Directory.GetFiles(Path.Combine(folder.Path, "real")).Should().Equal(target);
    }

    [UnixFact]
    public void A_file_with_two_hard_links_is_left_alone_with_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        var second = Path.Combine(folder.Path, "b.txt");
        using (var ln = System.Diagnostics.Process.Start("ln", [path, second]))
        {
            ln.WaitForExit();
        }

        SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().Be("not fixed: it has 2 hard links, and replacing it would split them");

        File.ReadAllText(path).Should().Be("They slammed it.");
        FileStatus.Of(second).Links.Should().Be(2);
    }

    [UnixFact]
    public void The_owner_and_group_are_kept_or_the_file_is_left_alone()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        var root = FileStatus.Of(path).Owner == 0;
        // As root, give the file to another user: the fix must keep it theirs. Otherwise the file is ours, and stays so.
        var owner = root ? 65534u : FileStatus.Of(path).Owner;
        if (root)
        {
            FileStatus.TryChangeOwner(path, 65534, 65534).Should().BeTrue();
        }

        SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().BeNull();

        FileStatus.Of(path).Owner.Should().Be(owner);
        File.ReadAllText(path).Should().Be("They criticized it.");
    }

    [UnixFact]
    public void A_fifo_is_never_opened_for_a_fix()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]))
        {
            mkfifo.WaitForExit();
        }

        SafeFileWriter.Write(path, "x", "y", SourceEncoding.Utf8).Should().Be("not fixed: it is a named pipe (FIFO)");
    }

    [Fact]
    public void Temporary_files_of_a_process_that_is_gone_are_swept_and_nothing_else()
    {
        using var folder = new TempFolder();
        var dead = folder.Write(".a.txt.doclint-2147483646-0123456789abcdef0123456789abcdef.tmp", "half");
        var older = folder.Write(".b.txt.doclint-0123456789abcdef0123456789abcdef.tmp", "half");
        var ours = folder.Write($".c.txt.doclint-{Environment.ProcessId}-0123456789abcdef0123456789abcdef.tmp", "in progress");
        var unrelated = folder.Write(".d.txt.doclint-notes.tmp", "mine");
        var document = folder.Write("a.txt", "text");

        SafeFileWriter.SweepStale(folder.Path).Should().Be(2);

        Directory.GetFiles(folder.Path).Order(StringComparer.Ordinal).Should().Equal(new[] { ours, unrelated, document }.Order(StringComparer.Ordinal));
        SafeFileWriter.IsTempName(dead).Should().BeTrue();
        SafeFileWriter.IsTempName(older).Should().BeTrue();
        SafeFileWriter.IsTempName(unrelated).Should().BeFalse();
    }

    [Fact]
    public void An_atomic_write_replaces_the_file_whole_and_keeps_its_mode()
    {
        using var folder = new TempFolder();
        var path = folder.Write("base.json", "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        SafeFileWriter.WriteAtomically(path, stream => stream.Write("new"u8));
        var failing = () => SafeFileWriter.WriteAtomically(path, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("disk full");
        });

        failing.Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be("new", "a failed write leaves the last whole file");
        Directory.GetFiles(folder.Path).Should().Equal(path);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }
    }
}
