namespace DocLint.Core.Text;

/// <summary>
/// A one-hash Bloom filter over a set of words, keyed by <see cref="WordIndex"/>'s case-insensitive token
/// hashes: <see cref="MayContain"/> is false only for a token that is certainly not in the set, so a
/// matcher with hundreds of first words skips almost every token with one bit test. Tokens with non-ASCII
/// characters always pass (the dictionary decides).
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

    public bool MayContain(uint hash) => hash == WordIndex.NonAsciiHash || (_bits[(hash >> 6) & (Bits / 64 - 1)] & (1UL << (int)(hash & 63))) != 0;

    private void Add(uint hash)
    {
        if (hash != WordIndex.NonAsciiHash)
        {
            _bits[(hash >> 6) & (Bits / 64 - 1)] |= 1UL << (int)(hash & 63);
        }
    }
}
