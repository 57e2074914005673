using System.Text;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class SourceDecoderTests
{
    [Fact]
    public void Utf8_without_bom()
    {
        var result = SourceDecoder.Decode(Encoding.UTF8.GetBytes("Afghanistan’s border"));

        result.Text.Should().Be("Afghanistan’s border");
        result.Encoding.Should().Be(SourceEncoding.Utf8);
        result.HasInvalidBytes.Should().BeFalse();
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_text()
    {
        var result = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);

        result.Text.Should().Be("hi");
        result.Encoding.Should().Be(SourceEncoding.Utf8Bom);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_bom(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("“Quoted” 😀")).ToArray();

        var result = SourceDecoder.Decode(bytes);

        result.Text.Should().Be("“Quoted” 😀");
        result.Encoding.Should().Be(bigEndian ? SourceEncoding.Utf16BigEndian : SourceEncoding.Utf16LittleEndian);
        result.IsBinary.Should().BeFalse("UTF-16 text is full of NUL bytes but is not binary");
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_located()
    {
        // "ab\n" then a Latin-1 é (0xE9), which is not valid UTF-8, then "cd".
        var result = SourceDecoder.Decode([(byte)'a', (byte)'b', (byte)'\n', 0xE9, (byte)'c', (byte)'d']);

        result.Text.Should().Be("ab\n\uFFFDcd");
        result.FirstInvalidOffset.Should().Be(3);
        result.FirstInvalidByte.Should().Be(0xE9);
    }

    [Fact]
    public void Nul_bytes_mark_a_binary_file()
    {
        var result = SourceDecoder.Decode([0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13]);

        result.IsBinary.Should().BeTrue();
        result.Text.Should().BeNull();
    }

    [Fact]
    public void Empty_input_is_empty_text()
    {
        var result = SourceDecoder.Decode([]);

        result.Text.Should().BeEmpty();
        result.IsBinary.Should().BeFalse();
    }
}
