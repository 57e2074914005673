using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DocLint.Core.Text;

/// <summary>
/// Words, each once ignoring case (ordinal), by their place in the order they were added. ASCII words sit in an
/// open-addressing table keyed by <see cref="WordIndex.HashAscii"/>, so a token of a <see cref="WordIndex"/>,
/// whose hash is already known, is looked up without hashing its text again, and the table costs a fraction of a
/// frozen set to build; words with a character outside ASCII (no ASCII word equals one ignoring case) sit in a
/// dictionary of their own. The rule set's term table and the attribution layer's word lists use it.
/// </summary>
internal sealed class WordMap
{
    private readonly List<string> _words;

    // A slot holds a word's hash, its place plus one (0: empty) and its text folded to lower case; words that share a
    // hash take a slot each. A word of up to eight characters is compared by its folded text in the slot, so a
    // lookup reads one slot and not the word's string (see Fold).
    private Slot[] _slots;
    private Dictionary<string, int>? _nonAscii;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nonAsciiLookup;
    private int _ascii;

    public WordMap(int capacity = 8)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _words = new List<string>(capacity);
    }

    public WordMap(IEnumerable<string> words)
        : this(words.TryGetNonEnumeratedCount(out var count) ? count : 8)
    {
        foreach (var word in words)
        {
            Add(word);
        }
    }

    public int Count => _words.Count;

    /// <summary>The words in the order they were first added.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The word at <paramref name="place"/> (<see cref="IndexOf(ReadOnlySpan{char})"/>).</summary>
    public string WordAt(int place) => _words[place];

    public bool Contains(ReadOnlySpan<char> word) => IndexOf(word) >= 0;

    /// <summary>The place of the word equal to <paramref name="word"/> ignoring case; -1 when there is none.</summary>
    public int IndexOf(ReadOnlySpan<char> word) => IndexOf(word, WordIndex.HashAscii(word));

    /// <summary>
    /// <see cref="IndexOf(ReadOnlySpan{char})"/> for a word whose <see cref="WordIndex.HashAscii"/> is
    /// <paramref name="hash"/> (a token's entry in <see cref="WordIndex.Hashes"/>).
    /// </summary>
    public int IndexOf(ReadOnlySpan<char> word, uint hash)
    {
        if (hash == WordIndex.NonAsciiHash)
        {
            return _nonAscii is not null && _nonAsciiLookup.TryGetValue(word, out var place) ? place : -1;
        }

        var (head, tail) = Fold(word);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = (int)(hash & (uint)mask); slots[at].PlacePlusOne != 0; at = (at + 1) & mask)
        {
            // The word and the one in the slot are ASCII (their hash says so): the folded text is exact up to eight
            // characters, and an ASCII comparison is exact for longer ones.
            ref readonly var slot = ref slots[at];
            var place = slot.PlacePlusOne - 1;
            if (slot.Hash == hash && slot.Head == head && slot.Tail == tail && (word.Length <= 8 || System.Text.Ascii.EqualsIgnoreCase(word, _words[place])))
            {
                return place;
            }
        }

        return -1;
    }

    /// <summary>
    /// An ASCII word's first and last four characters (they overlap in a short word; a word under four has only a
    /// head), each as four UTF-16 code units in a <see cref="ulong"/>, with A–Z made a–z, and the word's length
    /// (up to 255) in the head's top byte, which an ASCII character leaves empty. Two words of up to eight
    /// characters are equal ignoring ASCII case exactly when these are; longer words with equal ones are compared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Head, ulong Tail) Fold(ReadOnlySpan<char> word)
    {
        ulong head, tail;
        if (word.Length >= 4)
        {
            ref var bytes = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(word));
            head = Unsafe.ReadUnaligned<ulong>(ref bytes);
            tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (word.Length - 4) * sizeof(char)));
        }
        else
        {
            head = 0;
            for (var i = 0; i < word.Length; i++)
            {
                head |= (ulong)word[i] << (16 * i);
            }

            tail = 0;
        }

        return (Lower(head) | ((ulong)Math.Min(word.Length, 255) << 56), Lower(tail));

        // Per 16-bit lane holding a character under 0x80: bit 7 of c + 0x3F is set from 'A' on, bit 7 of c + 0x25
        // from the character after 'Z' on; where just one is set, the letter gets its lower-case bit (0x20).
        static ulong Lower(ulong chars)
        {
            var upper = ((chars + 0x003F_003F_003F_003F) ^ (chars + 0x0025_0025_0025_0025)) & 0x0080_0080_0080_0080;
            return chars | (upper >> 2);
        }
    }

    /// <summary>Removes every word; the table keeps its size.</summary>
    public void Clear()
    {
        _words.Clear();
        Array.Clear(_slots);
        _nonAscii?.Clear();
        _ascii = 0;
    }

    /// <summary>Adds <paramref name="word"/> unless a word equal to it ignoring case is there; returns the place of the one kept.</summary>
    public int Add(string word)
    {
        var hash = WordIndex.HashAscii(word);
        var existing = IndexOf(word, hash);
        if (existing >= 0)
        {
            return existing;
        }

        var place = _words.Count;
        _words.Add(word);
        if (hash == WordIndex.NonAsciiHash)
        {
            if (_nonAscii is null)
            {
                _nonAscii = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                _nonAsciiLookup = _nonAscii.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            _nonAscii.Add(word, place);
            return place;
        }

        if (++_ascii * 2 > _slots.Length)
        {
            Grow();
        }

        var (head, tail) = Fold(word);
        Insert(new Slot(hash, place + 1, head, tail));
        return place;
    }

    private void Insert(Slot slot)
    {
        var mask = _slots.Length - 1;
        var at = (int)(slot.Hash & (uint)mask);
        while (_slots[at].PlacePlusOne != 0)
        {
            at = (at + 1) & mask;
        }

        _slots[at] = slot;
    }

    private void Grow()
    {
        var slots = _slots;
        _slots = new Slot[slots.Length * 2];
        foreach (var slot in slots)
        {
            if (slot.PlacePlusOne != 0)
            {
                Insert(slot);
            }
        }
    }

    private readonly record struct Slot(uint Hash, int PlacePlusOne, ulong Head, ulong Tail);
}
