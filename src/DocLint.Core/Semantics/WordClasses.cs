using DocLint.Core.Semantics.Lexicon;

namespace DocLint.Core.Semantics;

/// <summary>
/// The word lists of the semantic layer as classes of a token: each closed class of <see cref="Grammar"/>
/// and each word list of the <see cref="Lexicon.Lexicon"/> has a bit. A token's key is looked up once, when
/// the attribution finder first asks about it (<see cref="Tokenizer.Classes"/>), so the finder asks "is this
/// a determiner, a title, a verb of the lexicon" with a bit test instead of a hash lookup per list.
/// </summary>
[Flags]
internal enum WordClass : ulong
{
    None = 0,
    SubjectPronoun = 1UL << 0,
    ObjectPronoun = 1UL << 1,
    Relative = 1UL << 2,
    Definite = 1UL << 3,
    Indefinite = 1UL << 4,
    Quantifier = 1UL << 5,
    IndefinitePronoun = 1UL << 6,
    Numeral = 1UL << 7,
    NounPhrasePreposition = 1UL << 8,
    Stop = 1UL << 9,
    BeForm = 1UL << 10,
    Auxiliary = 1UL << 11,
    Adverb = 1UL << 12,
    ClauseLink = 1UL << 13,
    NotAdverb = 1UL << 14,
    ClauseOpener = 1UL << 15,
    Occasion = 1UL << 16,
    Person = 1UL << 17,
    Spokesperson = 1UL << 18,
    Institution = 1UL << 19,
    Document = 1UL << 20,
    Outlet = 1UL << 21,
    Organisation = 1UL << 22,
    Share = 1UL << 23,
    Professional = 1UL << 24,
    Place = 1UL << 25,
    Party = 1UL << 26,
    Label = 1UL << 27,
    Title = 1UL << 28,
    HedgeAdverb = 1UL << 29,
    Raising = 1UL << 30,
    Impersonal = 1UL << 31,
    Appearance = 1UL << 32,
    FrameEvidence = 1UL << 33,
    OutletFirstWord = 1UL << 34,

    /// <summary>A spelling of a verb of the lexicon (a key of <see cref="Lexicon.Lexicon.Verbs"/>).</summary>
    Verb = 1UL << 35,

    /// <summary>A modal auxiliary (<see cref="Grammar.Modals"/>).</summary>
    Modal = 1UL << 36,

    /// <summary>Not looked up yet (<see cref="Tokenizer.Classes"/>).</summary>
    Unknown = 1UL << 63,
}

/// <summary>
/// Which classes each word of every classed <see cref="WordSet"/> belongs to. A token is looked up once; a
/// one-bit filter turns most words of no list away before the lookup, and the words are a <see cref="Text.WordMap"/>
/// (an ASCII word found by the same hash the filter tests, the few others, "’s", "’re", in a small table of their own).
/// </summary>
internal static class WordClasses
{
    private static readonly Lazy<Table> Shared = new(Build);

    /// <summary>The classes of <paramref name="key"/> (a token's lookup key), compared as the lists compare: ordinal, ignoring case.</summary>
    public static WordClass Of(ReadOnlySpan<char> key) => Shared.Value.Of(key, Text.WordIndex.HashAscii(key));

    /// <summary>The classes of <paramref name="key"/>, whose <see cref="Text.WordIndex.HashAscii"/> is <paramref name="hash"/> (a token's <see cref="Tokenizer.KeyHash"/>).</summary>
    public static WordClass Of(ReadOnlySpan<char> key, uint hash) => Shared.Value.Of(key, hash);

    /// <summary>Loads the table (and the lexicon and grammar lists it is built from) now, if no one has yet.</summary>
    public static void Prepare() => _ = Shared.Value;

    /// <summary>Every set that has a class; <see cref="WordSet.Contains"/> on any of them agrees with <see cref="Of"/>.</summary>
    public static IEnumerable<WordSet> ClassedSets() => Grammar.All.Concat(Lexicon.Lexicon.Instance.Classed);

    private static Table Build()
    {
        // Each word once, with the union of its lists' classes, in one map (ignoring case, as the lists compare). The
        // lists share many words, so the map starts at the size of the longest, which the words cannot be fewer than,
        // and grows as it needs: sized for the sum of the lists, it would be twice as large as the words need.
        var capacity = ClassedSets().Select(set => set.Words.Count).Append(Lexicon.Lexicon.Instance.Verbs.Count).Max();
        var words = new Text.WordMap(capacity);
        var classes = new List<WordClass>(capacity);
        void Add(string word, WordClass wordClass)
        {
            var place = words.Add(word);
            if (place == classes.Count)
            {
                classes.Add(wordClass);
            }
            else
            {
                classes[place] |= wordClass;
            }
        }

        foreach (var set in ClassedSets())
        {
            foreach (var word in set.Words)
            {
                Add(word, set.Class);
            }
        }

        foreach (var verb in Lexicon.Lexicon.Instance.Verbs.Keys)
        {
            Add(verb, WordClass.Verb);
        }

        return new Table(words, [.. classes]);
    }

    private sealed class Table
    {
        private readonly Text.WordFilter _filter;
        private readonly Text.WordMap _words;
        private readonly WordClass[] _classes;

        public Table(Text.WordMap words, WordClass[] classes)
        {
            _filter = new Text.WordFilter(words.Words);
            _words = words;
            _classes = classes;
        }

        public WordClass Of(ReadOnlySpan<char> key, uint hash)
        {
            if (!_filter.MayContain(hash))
            {
                return WordClass.None;
            }

            var word = _words.IndexOf(key, hash);
            return word >= 0 ? _classes[word] : WordClass.None;
        }
    }
}
