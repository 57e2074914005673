using System.Text;
using DocLint.Core.Fixing;
using DocLint.Core.Text;
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

    [Fact]
    public void The_file_mode_is_kept()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "They slammed it.");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        SafeFileWriter.Write(path, "They slammed it.", "They criticized it.", SourceEncoding.Utf8).Should().BeNull();

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Encoding.UTF8.GetString(File.ReadAllBytes(path)).Should().Be("They criticized it.");
    }
}
