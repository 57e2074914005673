using System.Runtime.CompilerServices;

namespace DocLint.Core.Text;

/// <summary>
/// A one-hash Bloom filter over a set of words, keyed by <see cref="WordIndex"/>'s case-insensitive token
/// hashes: <see cref="MayContain"/> is false only for a token that is certainly not in the set, so a
/// matcher with hundreds of first words skips almost every token with one bit test. Tokens with non-ASCII
/// characters always pass (the dictionary decides). Filters combine (<see cref="Union"/>): the union of
/// every rule's filters decides which tokens a document's <see cref="WordIndex"/> keeps at all.
/// </summary>
public sealed class WordFilter
{
    private const int Bits = 1 << 14;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    /// <summary>
    /// Builds the filter. A word with a non-ASCII character needs no entry: no non-ASCII character is
    /// ordinal-case-insensitively equal to an ASCII one, so only a non-ASCII token can equal it, and those
    /// always pass.
    /// </summary>
    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            Add(WordIndex.HashAscii(word));
        }
    }

    private WordFilter()
    {
    }

    /// <summary>The filter of no words (it passes only the tokens every filter passes), shared: a filter never changes once built.</summary>
    public static WordFilter None { get; } = new();

    /// <summary>The filter of <paramref name="words"/>; <see cref="None"/> when there are none.</summary>
    public static WordFilter Of(IReadOnlyCollection<string> words) => words.Count == 0 ? None : new WordFilter(words);

    /// <summary>A filter that passes what any of <paramref name="filters"/> passes: one of them when the others add nothing.</summary>
    public static WordFilter Union(IEnumerable<WordFilter> filters)
    {
        WordFilter? single = null;
        WordFilter? union = null;
        foreach (var filter in filters)
        {
            if (ReferenceEquals(filter, None) || ReferenceEquals(filter, single))
            {
                continue;
            }

            if (single is null && union is null)
            {
                single = filter;
                continue;
            }

            if (union is null)
            {
                union = new WordFilter();
                single!._bits.CopyTo(union._bits, 0);
                single = null;
            }

            for (var i = 0; i < union._bits.Length; i++)
            {
                union._bits[i] |= filter._bits[i];
            }
        }

        return union ?? single ?? None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(uint hash) => hash == WordIndex.NonAsciiHash || (_bits[(hash >> 6) & (Bits / 64 - 1)] & (1UL << (int)(hash & 63))) != 0;

    /// <summary>True when this filter passes every word <paramref name="other"/> passes.</summary>
    public bool Covers(WordFilter other)
    {
        for (var i = 0; i < _bits.Length; i++)
        {
            if ((other._bits[i] & ~_bits[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Add(uint hash)
    {
        if (hash != WordIndex.NonAsciiHash)
        {
            _bits[(hash >> 6) & (Bits / 64 - 1)] |= 1UL << (int)(hash & 63);
        }
    }
}
