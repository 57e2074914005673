using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DocLint.Core.Text;

/// <summary>
/// The word tokens of a text: maximal runs of the characters .NET's regular expressions call word
/// characters (\w: letters, non-spacing marks, decimal digits, connector punctuation). Computed once per
/// scanned text and shared by every rule, so a rule with hundreds of terms looks each word up once.
/// <para>
/// Each token also carries a case-insensitive hash (<see cref="Hashes"/>) so that a rule can reject the
/// words it has no term for with one bit test (<see cref="WordFilter"/>) before any dictionary lookup.
/// </para>
/// </summary>
public sealed class WordIndex
{
    /// <summary>The hash of a token that contains a non-ASCII character: such tokens are always looked up.</summary>
    public const uint NonAsciiHash = 0;

    private WordIndex(int[] starts, int[] lengths, uint[] hashes, bool isAscii)
    {
        Starts = starts;
        Lengths = lengths;
        Hashes = hashes;
        IsAscii = isAscii;
    }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    /// <summary>Per token, <see cref="HashAscii"/> of its text, or <see cref="NonAsciiHash"/>.</summary>
    public uint[] Hashes { get; }

    public int Count => Starts.Length;

    /// <summary>True when every word is ASCII (no hash is <see cref="NonAsciiHash"/>).</summary>
    public bool IsAscii { get; }

    public static WordIndex Build(string text)
    {
        // Two passes, count then fill, so the arrays are allocated once at their exact size: on a very
        // large document, growing lists would hold up to three times the memory the index needs.
        var count = CountWords(text);
        var starts = new int[count];
        var lengths = new int[count];
        var hashes = new uint[count];
        var t = 0;
        var wordStart = -1;
        var hash = Seed;
        var ascii = true;
        var allAscii = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var word = c < 128 ? AsciiWord[c] : IsNonAsciiWordChar(c);
            if (word)
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                    hash = Seed;
                    ascii = true;
                }

                if (c < 128)
                {
                    hash = (hash ^ FoldAscii(c)) * Prime;
                }
                else
                {
                    ascii = false;
                    allAscii = false;
                }
            }
            else if (wordStart >= 0)
            {
                starts[t] = wordStart;
                lengths[t] = i - wordStart;
                hashes[t++] = ascii ? Finish(hash) : NonAsciiHash;
                wordStart = -1;
            }
        }

        if (wordStart >= 0)
        {
            starts[t] = wordStart;
            lengths[t] = text.Length - wordStart;
            hashes[t] = ascii ? Finish(hash) : NonAsciiHash;
        }

        return new WordIndex(starts, lengths, hashes, allAscii);
    }

    /// <summary>How many words <paramref name="text"/> has: 16 characters at a time where they are ASCII.</summary>
    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            for (; i + Vector256<ushort>.Count <= text.Length; i += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                if (Vector256.GreaterThanAny(v, Vector256.Create((ushort)127)))
                {
                    // A block with a non-ASCII character is counted one character at a time.
                    CountScalar(text.AsSpan(i, Vector256<ushort>.Count), ref count, ref inWord);
                    continue;
                }

                var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25));
                var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
                var underscore = Vector256.Equals(v, Vector256.Create((ushort)'_'));
                var mask = (letter | digit | underscore).ExtractMostSignificantBits();
                var starts = mask & ~((mask << 1) | (inWord ? 1u : 0u));
                count += BitOperations.PopCount(starts);
                inWord = (mask & 0x8000) != 0;
            }
        }

        CountScalar(text.AsSpan(i), ref count, ref inWord);
        return count;
    }

    private static void CountScalar(ReadOnlySpan<char> chars, ref int count, ref bool inWord)
    {
        foreach (var c in chars)
        {
            var w = IsWordChar(c);
            count += w && !inWord ? 1 : 0;
            inWord = w;
        }
    }

    /// <summary>
    /// The case-insensitive hash of an ASCII word, as <see cref="Build"/> computes it, or
    /// <see cref="NonAsciiHash"/> when <paramref name="word"/> has a character outside ASCII.
    /// </summary>
    public static uint HashAscii(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word)
        {
            if (c >= 128)
            {
                return NonAsciiHash;
            }

            hash = (hash ^ FoldAscii(c)) * Prime;
        }

        return Finish(hash);
    }

    /// <summary>The same test as the regex engine's \w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? AsciiWord[c] : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c)
    {
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    private const uint Seed = 2166136261;
    private const uint Prime = 16777619;

    // Upper-cases ASCII letters only, as ordinal case-insensitive comparison does (a table: no branch).
    private static uint FoldAscii(char c) => AsciiFold[c];

    private static ReadOnlySpan<byte> AsciiFold =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
        64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
        96, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 123, 124, 125, 126, 127,
    ];

    // Mixes the high bits down (FNV-1a's low bits are weak), and keeps 0 for non-ASCII tokens.
    private static uint Finish(uint hash)
    {
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >> 12;
        return hash == NonAsciiHash ? 1 : hash;
    }

    private static ReadOnlySpan<bool> AsciiWord =>
    [
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        true, true, true, true, true, true, true, true, true, true, false, false, false, false, false, false,
        false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
        true, true, true, true, true, true, true, true, true, true, true, false, false, false, false, true,
        false, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
        true, true, true, true, true, true, true, true, true, true, true, false, false, false, false, false,
    ];
}
