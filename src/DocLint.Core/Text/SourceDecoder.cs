using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DocLint.Core.Text;

/// <summary>How a file's bytes were turned into text; kept so that writers can put the bytes back as they were.</summary>
public enum SourceEncoding
{
    Utf8,
    Utf8Bom,
    Utf16LittleEndian,
    Utf16BigEndian,
}

/// <summary>The outcome of decoding one file.</summary>
/// <param name="Text">The decoded text (without a byte order mark), or null for a binary file.</param>
/// <param name="Encoding">The encoding that was detected.</param>
/// <param name="FirstInvalidOffset">
/// Offset in <paramref name="Text"/> of the first U+FFFD that stands for invalid input bytes, or -1.
/// </param>
/// <param name="FirstInvalidByte">The first invalid byte, for the message.</param>
public sealed record DecodeResult(string? Text, SourceEncoding Encoding, int FirstInvalidOffset, byte FirstInvalidByte)
{
    public bool IsBinary => Text is null;

    public bool HasInvalidBytes => FirstInvalidOffset >= 0;
}

/// <summary>
/// Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM. A NUL byte in the first 8 KiB of a file
/// without a UTF-16 BOM marks it as binary (the test git uses). Invalid UTF-8 decodes to U+FFFD and the
/// first offending position is reported, so the rest of the file can still be linted.
/// </summary>
public static class SourceDecoder
{
    private const int BinaryProbeLength = 8 * 1024;

    /// <summary>How many bytes from a file's start <see cref="IsUtf8Text"/> needs.</summary>
    public const int HeadLength = 3 + BinaryProbeLength;

    /// <summary>
    /// True when a file whose first bytes are <paramref name="head"/> (<see cref="HeadLength"/> of them, or
    /// the whole file) is decoded as UTF-8 and not skipped as binary; <paramref name="bomLength"/> is 3 when
    /// it starts with a UTF-8 byte order mark.
    /// </summary>
    public static bool IsUtf8Text(ReadOnlySpan<byte> head, out int bomLength)
    {
        bomLength = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return !head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            && !head.Slice(bomLength, Math.Min(head.Length - bomLength, BinaryProbeLength)).Contains((byte)0);
    }

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], SourceEncoding.Utf16LittleEndian, new UnicodeEncoding(false, false, true));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], SourceEncoding.Utf16BigEndian, new UnicodeEncoding(true, false, true));
        }

        var isText = IsUtf8Text(bytes, out var bom);
        var encoding = bom > 0 ? SourceEncoding.Utf8Bom : SourceEncoding.Utf8;
        return isText ? DecodeUtf8(bytes[bom..], encoding) : new DecodeResult(null, encoding, -1, 0);
    }

    /// <summary>
    /// True when NUL bytes sit at every other position, as in UTF-16 text without a byte order mark (most
    /// text is ASCII, whose UTF-16 code units have a zero high byte).
    /// </summary>
    public static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var even = Math.Min(bytes.Length, BinaryProbeLength) & ~1;
        var probe = bytes[..even];
        if (probe.Length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < probe.Length; i += 2)
        {
            evenZeros += probe[i] == 0 ? 1 : 0;
            oddZeros += probe[i + 1] == 0 ? 1 : 0;
        }

        var pairs = probe.Length / 2;
        return (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) || (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1);
    }

    private static DecodeResult DecodeUtf8(ReadOnlySpan<byte> bytes, SourceEncoding encoding)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return FirstInvalidUtf8(bytes) is var (offset, bad)
            ? new DecodeResult(text, encoding, offset, bad)
            : new DecodeResult(text, encoding, -1, 0);
    }

    /// <summary>
    /// Where the first invalid UTF-8 sequence in <paramref name="bytes"/> starts, in characters of the decoded
    /// text, and its first byte; null when the bytes are valid UTF-8.
    /// </summary>
    public static (int CharOffset, byte Byte)? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        // Fast path: valid UTF-8 is checked in one vectorised pass.
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            return (charsWritten, bytes[bytesRead]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodeResult DecodeUtf16(ReadOnlySpan<byte> bytes, SourceEncoding kind, UnicodeEncoding strict)
    {
        try
        {
            return new DecodeResult(strict.GetString(bytes), kind, -1, 0);
        }
        catch (DecoderFallbackException ex)
        {
            var lenient = new UnicodeEncoding(kind == SourceEncoding.Utf16BigEndian, false, false);
            var text = lenient.GetString(bytes);
            var offset = Math.Max(0, ex.Index / 2);
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : (byte)0;
            return new DecodeResult(text, kind, Math.Min(offset, text.Length), bad);
        }
    }
}
