using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace DocLint.Core.Text;

/// <summary>
/// The word tokens of a text: maximal runs of the characters .NET's regular expressions call word
/// characters (\w: letters, non-spacing marks, decimal digits, connector punctuation). Computed once per
/// scanned text and shared by every rule, so a rule with hundreds of terms looks each word up once.
/// <para>
/// Each token also carries a case-insensitive hash (<see cref="Hashes"/>) so that a rule can reject the
/// words it has no term for with one bit test (<see cref="WordFilter"/>) before any dictionary lookup.
/// Built with a filter (the union of every rule's first words), the index keeps only the tokens that pass
/// it, each with the hash of the token after it (<see cref="NextHashes"/>): on news text that is about one
/// token in ten, so the rules that walk the index walk a tenth of it.
/// </para>
/// <para>
/// Boundaries are found 16 characters at a time where the text is ASCII; a token's hash is computed from
/// its length and its first and last four characters, so its cost does not grow with the word.
/// </para>
/// </summary>
public sealed class WordIndex
{
    /// <summary>The hash of a token that contains a non-ASCII character: such tokens are always looked up.</summary>
    public const uint NonAsciiHash = 0;

    /// <summary>The <see cref="NextHashes"/> entry of the last token of the text.</summary>
    public const uint NoNextHash = 1;

    private int[] _starts;
    private int[] _lengths;
    private uint[] _hashes;
    private uint[] _nextHashes;

    private WordIndex(int capacity)
    {
        _starts = ArrayPool<int>.Shared.Rent(capacity);
        _lengths = ArrayPool<int>.Shared.Rent(capacity);
        _hashes = ArrayPool<uint>.Shared.Rent(capacity);
        _nextHashes = ArrayPool<uint>.Shared.Rent(capacity);
        _capacity = Math.Min(Math.Min(_starts.Length, _lengths.Length), Math.Min(_hashes.Length, _nextHashes.Length));
    }

    private int _capacity;

    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    public ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, Count);

    /// <summary>Per token, <see cref="HashAscii"/> of its text, or <see cref="NonAsciiHash"/>.</summary>
    public ReadOnlySpan<uint> Hashes => _hashes.AsSpan(0, Count);

    /// <summary>Per token, the hash of the next token in the text (kept or not), or <see cref="NoNextHash"/>.</summary>
    public ReadOnlySpan<uint> NextHashes => _nextHashes.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>The filter the tokens were kept by; null when every token is kept.</summary>
    public WordFilter? Filter { get; private init; }

    /// <summary>
    /// The rule set's term candidates in this index (<see cref="Rules.Matching.TermTable"/>), when the index was
    /// walked for them; matchers walk the index themselves otherwise.
    /// </summary>
    internal Rules.Matching.TermTable.Candidates? Terms { get; set; }

    /// <summary>True when every word of the text is ASCII (no hash is <see cref="NonAsciiHash"/>), kept or not.</summary>
    public bool IsAscii { get; private set; } = true;

    /// <summary>Every word token of <paramref name="text"/>.</summary>
    public static WordIndex Build(string text) => Build(text, null);

    /// <summary>The word tokens of <paramref name="text"/> that <paramref name="keep"/> may contain; every token when it is null.</summary>
    public static WordIndex Build(string text, WordFilter? keep)
    {
        var index = Create(text, keep);
        var scanner = new Scanner(index, keep, null, text);
        scanner.Run();
        return index;
    }

    /// <summary>
    /// Two indexes of <paramref name="text"/> from one scan: the tokens <paramref name="keep"/> may contain and
    /// those <paramref name="second"/> may contain, each the same as <see cref="Build(string, WordFilter?)"/> with
    /// that filter would give.
    /// </summary>
    public static (WordIndex Kept, WordIndex Second) Build(string text, WordFilter? keep, WordFilter second)
    {
        var index = Create(text, keep);
        var other = Create(text, second);
        var scanner = new Scanner(index, keep, other, text);
        scanner.Run();
        other.IsAscii = index.IsAscii;
        return (index, other);
    }

    // The arrays grow by doubling from a guess: news has a word every six characters or so, and a
    // filtered index (what lint runs build) keeps about three in ten.
    private static WordIndex Create(string text, WordFilter? keep) =>
        new(Math.Max(16, text.Length / (keep is null ? 8 : 64))) { Filter = keep };

    /// <summary>
    /// Gives the arrays back to the pool they came from; the index is empty afterwards. Lint runs build one
    /// index per document and release it when its rules are done; an index that is never released is
    /// simply collected.
    /// </summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<uint>.Shared.Return(_hashes);
        ArrayPool<uint>.Shared.Return(_nextHashes);
        _starts = _lengths = [];
        _hashes = _nextHashes = [];
        _capacity = Count = 0;
        Terms = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int start, int length, uint hash)
    {
        if (Count == _capacity)
        {
            Grow();
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        _hashes[Count] = hash;
        _nextHashes[Count] = NoNextHash;
        Count++;
    }

    private void Grow()
    {
        var size = Math.Max(16, Count * 2);
        _starts = Grown(ArrayPool<int>.Shared, _starts, size, Count);
        _lengths = Grown(ArrayPool<int>.Shared, _lengths, size, Count);
        _hashes = Grown(ArrayPool<uint>.Shared, _hashes, size, Count);
        _nextHashes = Grown(ArrayPool<uint>.Shared, _nextHashes, size, Count);
        _capacity = Math.Min(Math.Min(_starts.Length, _lengths.Length), Math.Min(_hashes.Length, _nextHashes.Length));

        static T[] Grown<T>(ArrayPool<T> pool, T[] array, int size, int count)
        {
            var larger = pool.Rent(size);
            array.AsSpan(0, count).CopyTo(larger);
            pool.Return(array);
            return larger;
        }
    }

    /// <summary>Finds the tokens: vectorised over ASCII blocks, one character at a time elsewhere.</summary>
    private ref struct Scanner(WordIndex index, WordFilter? keep, WordIndex? second, string text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _wordStart = -1;
        private bool _wordAscii = true;

        // The kept token whose next hash is still to be filled in, or -1; the same for the second index.
        private int _pending = -1;
        private int _secondPending = -1;

        public void Run()
        {
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(_text));
                for (; i + Vector256<ushort>.Count <= _text.Length; i += Vector256<ushort>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                    if (Vector256.GreaterThanAny(v, Vector256.Create((ushort)127)))
                    {
                        Scalar(i, i + Vector256<ushort>.Count);
                        continue;
                    }

                    var mask = WordMask(v);

                    // Bits where the text enters or leaves a word; they alternate, starting with whatever
                    // the state at the block's start is not.
                    var changes = mask ^ ((mask << 1) | (_wordStart >= 0 ? 1u : 0u));
                    changes &= 0xFFFF;
                    while (changes != 0)
                    {
                        var at = i + BitOperations.TrailingZeroCount(changes);
                        if (_wordStart < 0)
                        {
                            _wordStart = at;
                            _wordAscii = true;
                        }
                        else
                        {
                            EndWord(at);
                        }

                        changes &= changes - 1;
                    }
                }
            }

            Scalar(i, _text.Length);
            if (_wordStart >= 0)
            {
                EndWord(_text.Length);
            }
        }

        private void Scalar(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var c = _text[i];
                if (IsWordChar(c))
                {
                    if (_wordStart < 0)
                    {
                        _wordStart = i;
                        _wordAscii = true;
                    }

                    if (c >= 128)
                    {
                        _wordAscii = false;
                        index.IsAscii = false;
                    }
                }
                else if (_wordStart >= 0)
                {
                    EndWord(i);
                }
            }
        }

        private void EndWord(int end)
        {
            var length = end - _wordStart;
            var hash = _wordAscii ? HashOfAscii(_text.Slice(_wordStart, length)) : NonAsciiHash;
            if (_pending >= 0)
            {
                index._nextHashes[_pending] = hash;
                _pending = -1;
            }

            if (keep is null || keep.MayContain(hash))
            {
                _pending = index.Count;
                index.Add(_wordStart, length, hash);
            }

            if (second is not null)
            {
                if (_secondPending >= 0)
                {
                    second._nextHashes[_secondPending] = hash;
                    _secondPending = -1;
                }

                if (second.Filter!.MayContain(hash))
                {
                    _secondPending = second.Count;
                    second.Add(_wordStart, length, hash);
                }
            }

            _wordStart = -1;
        }
    }

    /// <summary>Which of 16 ASCII characters are word characters (letters, digits, underscore), as bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint WordMask(Vector256<ushort> v)
    {
        var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25));
        var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        var underscore = Vector256.Equals(v, Vector256.Create((ushort)'_'));
        return (letter | digit | underscore).ExtractMostSignificantBits();
    }

    /// <summary>
    /// The case-insensitive hash of a word, as <see cref="Build"/> computes it for a token, or
    /// <see cref="NonAsciiHash"/> when <paramref name="word"/> has a character outside ASCII.
    /// </summary>
    public static uint HashAscii(ReadOnlySpan<char> word) => Ascii.IsValid(word) ? HashOfAscii(word) : NonAsciiHash;

    /// <summary>
    /// The hash of <paramref name="text"/>'s second word token, as <see cref="Build(string)"/> would give it, without
    /// building an index; false when the text has fewer than two words.
    /// </summary>
    public static bool TryGetSecondWordHash(ReadOnlySpan<char> text, out uint hash)
    {
        var i = 0;
        for (var word = 0; word < 2; word++)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                hash = NoNextHash;
                return false;
            }

            if (word == 1)
            {
                hash = HashAscii(text[start..i]);
                return true;
            }
        }

        hash = NoNextHash;
        return false;
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

    /// <summary>
    /// The hash of an ASCII word from its length and its first and last four characters (they overlap in a
    /// short word), read eight bytes at a time. Setting bit 5 of each character folds ASCII case: it turns
    /// A–Z into a–z and leaves every other word character distinct (digits already have it, '_' becomes DEL).
    /// </summary>
    /// <remarks>For a word known to be ASCII; <see cref="HashAscii"/> checks.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint HashOfAscii(ReadOnlySpan<char> word)
    {
        const ulong Fold = 0x0020_0020_0020_0020;
        ulong head, tail;
        if (word.Length >= 4)
        {
            ref var bytes = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(word));
            head = Unsafe.ReadUnaligned<ulong>(ref bytes) | Fold;
            tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (word.Length - 4) * sizeof(char))) | Fold;
        }
        else
        {
            head = 0;
            for (var i = 0; i < word.Length; i++)
            {
                head |= (ulong)(word[i] | 0x20) << (16 * i);
            }

            tail = 0;
        }

        var x = (head * 0x9E3779B97F4A7C15) ^ BitOperations.RotateLeft(tail * 0xC2B2AE3D27D4EB4F, 31) ^ ((ulong)word.Length * 0x165667B19E3779F9);
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9;
        x ^= x >> 32;

        // 0 and 1 are NonAsciiHash and NoNextHash.
        var hash = (uint)x;
        return hash < 2 ? hash + 2 : hash;
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
