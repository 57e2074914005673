using System.Collections.Frozen;
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
    // The first words with an ASCII hash, in an open-addressing table keyed by that hash (each token's hash is
    // already in the index, so a token is looked up without hashing its text again); a slot holds the index
    // of its hash's words in _words, plus one (0: empty).
    private readonly uint[] _keys;
    private readonly int[] _values;
    private readonly Word[][] _words;

    // First words with a non-ASCII character: only a token with one can equal them, and such a token's hash says nothing.
    private readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _nonAscii;
    private readonly Dictionary<PhraseMatcher, int> _slots;
    private readonly PhraseMatcher.TermGroup[] _groups;

    public TermTable(IEnumerable<PhraseMatcher> matchers)
    {
        _slots = new Dictionary<PhraseMatcher, int>(ReferenceEqualityComparer.Instance);
        var entries = new Dictionary<string, List<Entry>>(StringComparer.OrdinalIgnoreCase);
        var groups = new List<PhraseMatcher.TermGroup>();
        foreach (var matcher in matchers)
        {
            if (matcher.Groups.Count == 0 || _slots.ContainsKey(matcher))
            {
                continue;
            }

            var slot = _slots.Count;
            _slots.Add(matcher, slot);
            foreach (var (word, group) in matcher.Groups)
            {
                if (!entries.TryGetValue(word, out var list))
                {
                    entries.Add(word, list = []);
                }

                list.Add(new Entry(slot, matcher.CaseSensitive ? word : null, groups.Count));
                groups.Add(group);
            }
        }

        var byHash = new Dictionary<uint, List<Word>>();
        var nonAscii = new Dictionary<string, Entry[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, list) in entries)
        {
            var hash = WordIndex.HashAscii(word);
            if (hash == WordIndex.NonAsciiHash)
            {
                nonAscii.Add(word, [.. list]);
                continue;
            }

            if (!byHash.TryGetValue(hash, out var words))
            {
                byHash.Add(hash, words = []);
            }

            words.Add(new Word(word, [.. list]));
        }

        var size = 16;
        while (size < byHash.Count * 2)
        {
            size *= 2;
        }

        _keys = new uint[size];
        _values = new int[size];
        _words = new Word[byHash.Count][];
        var filled = 0;
        foreach (var (hash, words) in byHash)
        {
            var at = (int)(hash & (uint)(size - 1));
            while (_values[at] != 0)
            {
                at = (at + 1) & (size - 1);
            }

            _words[filled] = [.. words];
            _keys[at] = hash;
            _values[at] = ++filled;
        }

        _nonAscii = nonAscii.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _groups = [.. groups];
    }

    /// <summary>
    /// One term group of one matcher (<paramref name="Group"/>: its place in _groups). <paramref name="OrdinalWord"/>
    /// is the first word of a case-sensitive matcher, which the token must equal ordinally; null for a matcher
    /// that ignores case. The matcher's own walk also tests its filter first; a token equal to one of its first
    /// words always passes it (an ASCII token hashes as the word does, and a non-ASCII one always passes).
    /// </summary>
    private readonly record struct Entry(int Slot, string? OrdinalWord, int Group);

    /// <summary>A first word (in one of its cases) and the groups of every matcher that has it.</summary>
    private readonly record struct Word(string Text, Entry[] Entries);

    /// <summary>The words of the table whose ASCII hash is <paramref name="hash"/>; empty when there are none.</summary>
    private ReadOnlySpan<Word> WordsWithHash(uint hash)
    {
        var mask = _keys.Length - 1;
        for (var at = (int)(hash & (uint)mask); _values[at] != 0; at = (at + 1) & mask)
        {
            if (_keys[at] == hash)
            {
                return _words[_values[at] - 1];
            }
        }

        return default;
    }

    /// <summary>Every matcher's candidate tokens in <paramref name="words"/>, an index of <paramref name="text"/>.</summary>
    public Candidates Walk(string text, WordIndex words)
    {
        var starts = words.Starts;
        var lengths = words.Lengths;
        var hashes = words.Hashes;
        var nextHashes = words.NextHashes;
        var found = new List<(int Slot, int Token, int Group)>(Math.Max(16, starts.Length / 4));
        for (var t = 0; t < starts.Length; t++)
        {
            var hash = hashes[t];
            var token = text.AsSpan(starts[t], lengths[t]);
            if (hash != WordIndex.NonAsciiHash)
            {
                foreach (var word in WordsWithHash(hash))
                {
                    if (token.Equals(word.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        Collect(word.Entries, t, token, nextHashes[t], found);
                    }
                }
            }
            else if (_nonAscii.TryGetValue(token, out var entries))
            {
                Collect(entries, t, token, nextHashes[t], found);
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

    private void Collect(Entry[] entries, int t, ReadOnlySpan<char> token, uint next, List<(int Slot, int Token, int Group)> found)
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
