using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The terms of every matcher of a rule set, by first word, so that a document's word index is walked once
/// for all of them instead of once per matcher. <see cref="Walk"/> looks each kept token up once and collects,
/// per matcher, the tokens it would stop at: those that pass its <see cref="PhraseMatcher.Words"/> filter, its
/// own first-word lookup (ordinal or ignoring case, as it compares) and its group's second-word test.
/// <see cref="PhraseMatcher.FindAll"/> then confirms only those, in order, exactly as its own walk would.
/// </summary>
internal sealed class TermTable
{
    // Every first word of every matcher (in one of its cases), each once, with its entries: word w's are
    // _entries[_entryStarts[w].._entryStarts[w + 1]], in matcher order. A token is looked up by the hash the
    // index already holds for it.
    private readonly WordMap _words;
    private readonly int[] _entryStarts;
    private readonly Entry[] _entries;
    private readonly Dictionary<PhraseMatcher, int> _slots;
    private readonly PhraseMatcher.TermGroup[] _groups;

    public TermTable(IEnumerable<PhraseMatcher> matchers)
    {
        // Each matcher with terms once, in order; the lists are sized for them all at once (a rule set's built-in
        // packs hold thousands of first words, and growing by doubling was most of what building the table allocated).
        _slots = new Dictionary<PhraseMatcher, int>(ReferenceEqualityComparer.Instance);
        var slotted = new List<PhraseMatcher>();
        var count = 0;
        foreach (var matcher in matchers)
        {
            if (matcher.Groups.Count > 0 && _slots.TryAdd(matcher, _slots.Count))
            {
                slotted.Add(matcher);
                count += matcher.Groups.Count;
            }
        }

        _words = new WordMap(count);
        var found = new (int Word, Entry Entry)[count];
        _groups = new PhraseMatcher.TermGroup[count];
        var g = 0;
        for (var slot = 0; slot < slotted.Count; slot++)
        {
            var matcher = slotted[slot];
            foreach (var (word, group) in matcher.Groups)
            {
                found[g] = (_words.Add(word), new Entry(slot, matcher.CaseSensitive ? word : null, g));
                _groups[g++] = group;
            }
        }

        // The entries by word (a counting sort, so each word's keep the matchers' order).
        _entryStarts = new int[_words.Count + 1];
        foreach (var (w, _) in found)
        {
            _entryStarts[w + 1]++;
        }

        for (var w = 1; w < _entryStarts.Length; w++)
        {
            _entryStarts[w] += _entryStarts[w - 1];
        }

        _entries = new Entry[found.Length];
        var next = _entryStarts[..^1];
        foreach (var (w, entry) in found)
        {
            _entries[next[w]++] = entry;
        }
    }

    /// <summary>
    /// One term group of one matcher (<paramref name="Group"/>: its place in _groups). <paramref name="OrdinalWord"/>
    /// is the first word of a case-sensitive matcher, which the token must equal ordinally; null for a matcher
    /// that ignores case. The matcher's own walk also tests its filter first; a token equal to one of its first
    /// words always passes it (an ASCII token hashes as the word does, and a non-ASCII one always passes).
    /// </summary>
    private readonly record struct Entry(int Slot, string? OrdinalWord, int Group);

    private ReadOnlySpan<Entry> EntriesOf(int word) => _entries.AsSpan(_entryStarts[word], _entryStarts[word + 1] - _entryStarts[word]);

    // What a walk finds, in token order; one list per thread, reused from walk to walk (it is copied out grouped).
    [ThreadStatic]
    private static List<(int Slot, int Token, int Group)>? _found;

    /// <summary>Every matcher's candidate tokens in <paramref name="words"/>, an index of <paramref name="text"/>.</summary>
    public Candidates Walk(string text, WordIndex words)
    {
        var starts = words.Starts;
        var lengths = words.Lengths;
        var hashes = words.Hashes;
        var nextHashes = words.NextHashes;
        var found = _found ??= new List<(int Slot, int Token, int Group)>(256);
        found.Clear();
        for (var t = 0; t < starts.Length; t++)
        {
            var token = text.AsSpan(starts[t], lengths[t]);
            var word = _words.IndexOf(token, hashes[t]);
            if (word >= 0)
            {
                Collect(EntriesOf(word), t, token, nextHashes[t], found);
            }
        }

        // Grouped by matcher, each group in token order.
        var bounds = new int[_slots.Count + 1];
        foreach (var f in found)
        {
            bounds[f.Slot + 1]++;
        }

        for (var s = 1; s < bounds.Length; s++)
        {
            bounds[s] += bounds[s - 1];
        }

        var next = bounds[..^1];
        var sorted = new (int Token, int Group)[found.Count];
        foreach (var f in found)
        {
            sorted[next[f.Slot]++] = (f.Token, f.Group);
        }

        return new Candidates(this, text, bounds, sorted);
    }

    private void Collect(ReadOnlySpan<Entry> entries, int t, ReadOnlySpan<char> token, uint next, List<(int Slot, int Token, int Group)> found)
    {
        foreach (var entry in entries)
        {
            if ((entry.OrdinalWord is null || token.SequenceEqual(entry.OrdinalWord)) && _groups[entry.Group].MayStartAt(next))
            {
                found.Add((entry.Slot, t, entry.Group));
            }
        }
    }

    /// <summary>What <see cref="Walk"/> found in one text: per matcher, the tokens its walk stops at.</summary>
    internal sealed class Candidates(TermTable table, string text, int[] bounds, (int Token, int Group)[] tokens)
    {
        /// <summary>The term group a candidate's <c>Group</c> stands for.</summary>
        public PhraseMatcher.TermGroup Group(int group) => table._groups[group];

        /// <summary>
        /// The candidate tokens of <paramref name="matcher"/> in <paramref name="forText"/>; false when the table
        /// does not hold the matcher or was walked over another text, and the matcher must walk the index itself.
        /// </summary>
        public bool TryGetCandidates(PhraseMatcher matcher, string forText, out ReadOnlySpan<(int Token, int Group)> candidates)
        {
            if (!ReferenceEquals(forText, text) || !table._slots.TryGetValue(matcher, out var slot))
            {
                candidates = default;
                return false;
            }

            candidates = tokens.AsSpan(bounds[slot], bounds[slot + 1] - bounds[slot]);
            return true;
        }
    }
}
