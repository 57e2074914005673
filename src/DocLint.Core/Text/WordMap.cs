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
    private readonly List<string> _words = [];

    // A slot holds a word, its hash and its place (no word: empty); words that share a hash take a slot each. The
    // three sit together, so a lookup reads one slot and the word's text, not an array per field.
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

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = (int)(hash & (uint)mask); slots[at].Word is { } candidate; at = (at + 1) & mask)
        {
            // The word and the one in the slot are ASCII (their hash says so): an ASCII comparison is exact.
            if (slots[at].Hash == hash && candidate.Length == word.Length && System.Text.Ascii.EqualsIgnoreCase(word, candidate))
            {
                return slots[at].Place;
            }
        }

        return -1;
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

        Insert(new Slot(word, hash, place));
        return place;
    }

    private void Insert(Slot slot)
    {
        var mask = _slots.Length - 1;
        var at = (int)(slot.Hash & (uint)mask);
        while (_slots[at].Word is not null)
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
            if (slot.Word is not null)
            {
                Insert(slot);
            }
        }
    }

    private readonly record struct Slot(string? Word, uint Hash, int Place);
}
