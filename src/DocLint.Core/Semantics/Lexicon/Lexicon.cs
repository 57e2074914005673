using System.Collections.Immutable;
using System.Reflection;

namespace DocLint.Core.Semantics.Lexicon;

/// <summary>The grammatical forms one spelling can be.</summary>
[Flags]
internal enum VerbForms : byte
{
    None = 0,
    Base = 1,
    Third = 2,
    Past = 4,
    Participle = 8,
    Gerund = 16,
}

/// <summary>One spelling of an attribution verb (the flags are those of cue-verbs.txt).</summary>
/// <param name="TakesObject">The verb's plain object is often a thing, not a clause ("wrote a bill", "announced a deal").</param>
/// <param name="Addressee">Its first object is who was addressed, not what was said ("told reporters that").</param>
/// <param name="NegationVoids">Negated, it reports nothing said ("did not respond"), or the writer's claim ("don't realize").</param>
/// <param name="ActiveOnly">In the passive it names an act, not words ("threatened by rivals", "protested by residents").</param>
internal sealed record CueVerb(string Lemma, CueKind Class, VerbForms Forms, bool Weak, string? Particle, bool TakesObject = false, bool Addressee = false, bool NegationVoids = false, bool ActiveOnly = false);

/// <summary>
/// The word lists of the semantic layer, read once from the text files beside this class (embedded in the
/// assembly). Lookups take spans and ignore case, so the scan allocates nothing.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Shared = new(Load);

    private Lexicon(Dictionary<string, List<CueVerb>> verbs, Dictionary<string, HashSet<string>> sections)
    {
        Verbs = verbs.ToDictionary(v => v.Key, v => v.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _verbSpellings = new Text.WordMap(Verbs.Keys);
        _verbsBySpelling = [.. _verbSpellings.Words.Select(spelling => Verbs[spelling])];
        Person = Set(sections, "source-words/person", WordClass.Person);
        Spokesperson = Set(sections, "source-words/spokesperson", WordClass.Spokesperson);
        Institution = Set(sections, "source-words/institution", WordClass.Institution);
        Document = Set(sections, "source-words/document", WordClass.Document);
        Outlet = Set(sections, "source-words/outlet", WordClass.Outlet);
        OutletNames = Set(sections, "source-words/outlet-name", WordClass.None);
        Organisation = Set(sections, "source-words/organisation", WordClass.Organisation);
        Share = Set(sections, "source-words/share", WordClass.Share);
        Label = Set(sections, "source-words/label", WordClass.Label);
        Party = Set(sections, "source-words/party", WordClass.Party);
        Professional = Set(sections, "source-words/professional", WordClass.Professional);
        Place = Set(sections, "source-words/place", WordClass.Place);
        Title = Set(sections, "source-words/title", WordClass.Title, IsChiefOfficer);
        HedgeAdverb = Set(sections, "hedges/adverb", WordClass.HedgeAdverb);
        Raising = Set(sections, "hedges/raising", WordClass.Raising);
        Impersonal = Set(sections, "hedges/impersonal", WordClass.Impersonal);
        Appearance = Set(sections, "hedges/appearance", WordClass.Appearance);
        OutletFirstWords = new WordSet(OutletNames.Words.Select(n => n.Split(' ')[0])) { Class = WordClass.OutletFirstWord };
        FrameEvidence = new WordSet(["poll", "polls", "survey", "study", "analysis", "report", "census", "data"]) { Class = WordClass.FrameEvidence };
        Classed = [Person, Spokesperson, Institution, Document, Outlet, Organisation, Share, Label, Party, Professional, Place, Title, HedgeAdverb, Raising, Impersonal, Appearance, FrameEvidence, OutletFirstWords];
        CueWords = new Text.WordFilter(Verbs.Keys.Concat(HedgeAdverb.Words).Concat(Raising.Words).Concat(Impersonal.Words).Concat(Appearance.Words)
            .Concat(FrameEvidence.Words).Append("according"));
    }

    /// <summary>
    /// Every word a cue can start at (a verb form, a hedge, "according") or that a frame needs ("In a CNN
    /// poll, …"): a sentence with no token this one-bit filter passes holds no attribution but a
    /// headline's "Name: …" or a "To Name, …".
    /// </summary>
    public Text.WordFilter CueWords { get; }

    /// <summary>What an opening "In a … poll," frames its sentence with: "poll", "survey", "study", "data".</summary>
    public WordSet FrameEvidence { get; }

    public static Lexicon Instance => Shared.Value;

    /// <summary>Each spelling's verbs: one, or more when phrasal verbs share it ("point out", "point to").</summary>
    public Dictionary<string, CueVerb[]> Verbs { get; }

    // The keys of Verbs by the hash a token already holds (Tokenizer.KeyHash), and each one's verbs by its place.
    private readonly Text.WordMap _verbSpellings;
    private readonly CueVerb[][] _verbsBySpelling;

    /// <summary>The verbs spelled <paramref name="word"/> (a key of <see cref="Verbs"/>, ignoring case); empty when it is none.</summary>
    public ReadOnlySpan<CueVerb> VerbsSpelled(ReadOnlySpan<char> word) => VerbsSpelled(word, Text.WordIndex.HashAscii(word));

    private ReadOnlySpan<CueVerb> VerbsSpelled(ReadOnlySpan<char> word, uint hash) =>
        _verbSpellings.IndexOf(word, hash) is var spelling and >= 0 ? _verbsBySpelling[spelling] : [];

    /// <summary>
    /// The verb <paramref name="word"/> is, given the word after it: a phrasal verb when its particle
    /// follows ("points out"), else the plain verb of that spelling, if there is one. <paramref name="hash"/> is
    /// the word's <see cref="Text.WordIndex.HashAscii"/>.
    /// </summary>
    public CueVerb? Find(ReadOnlySpan<char> word, uint hash, ReadOnlySpan<char> next)
    {
        CueVerb? plain = null;
        foreach (var verb in VerbsSpelled(word, hash))
        {
            if (verb.Particle is null)
            {
                plain = verb;
            }
            else if (next.Equals(verb.Particle, StringComparison.OrdinalIgnoreCase))
            {
                return verb;
            }
        }

        return plain;
    }

    public WordSet Person { get; }

    public WordSet Spokesperson { get; }

    public WordSet Institution { get; }

    public WordSet Document { get; }

    public WordSet Outlet { get; }

    public WordSet OutletNames { get; }

    public WordSet OutletFirstWords { get; }

    /// <summary>The lists that are classes of a token (<see cref="WordClasses"/>).</summary>
    public ImmutableArray<WordSet> Classed { get; }

    public WordSet Organisation { get; }

    public WordSet Share { get; }

    /// <summary>Professionals who speak on the record for a firm or client: "economists", "analysts", "lawyers".</summary>
    public WordSet Professional { get; }

    /// <summary>Countries, regions and their adjectives: "U.S.", "Russian", "Western"; a place names no one.</summary>
    public WordSet Place { get; }

    /// <summary>Members of a party or camp: "Republicans", "Democrats".</summary>
    public WordSet Party { get; }

    /// <summary>Labels that head a paragraph ("UPDATE:", "WATCH:"): not speakers.</summary>
    public WordSet Label { get; }

    public WordSet Title { get; }

    public WordSet HedgeAdverb { get; }

    public WordSet Raising { get; }

    public WordSet Impersonal { get; }

    public WordSet Appearance { get; }

    /// <summary>The three capitals of a "chief … officer" title (C_O: executive, financial, operating, technology …).</summary>
    private static bool IsChiefOfficer(ReadOnlySpan<char> word) =>
        word.Length == 3 && word[0] == 'C' && word[2] == 'O' && char.IsAsciiLetterUpper(word[1]);

    private static WordSet Set(Dictionary<string, HashSet<string>> sections, string name, WordClass wordClass, WordSet.Shape? shape = null) =>
        new(sections.TryGetValue(name, out var words) ? words : [], shape) { Class = wordClass };

    private static Lexicon Load()
    {
        var verbs = new Dictionary<string, List<CueVerb>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines("cue-verbs.txt"))
        {
            AddVerb(verbs, line);
        }

        var sections = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in new[] { "source-words", "hedges" })
        {
            var current = default(HashSet<string>);
            foreach (var line in Lines(file + ".txt"))
            {
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    current = [];
                    sections[$"{file}/{line[1..^1]}"] = current;
                }
                else
                {
                    (current ?? throw new InvalidDataException($"{file}.txt: a word before the first [section]: '{line}'")).Add(line);
                }
            }
        }

        return new Lexicon(verbs, sections);
    }

    private static List<string> Lines(string name)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("DocLint.Lexicon/" + name)
            ?? throw new InvalidOperationException($"the lexicon file {name} is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        // Lines end where a text reader ends them (\n, \r\n, \r); the empty piece between \r and \n is skipped with the blank lines.
        var text = reader.ReadToEnd();
        foreach (var range in text.AsSpan().SplitAny('\r', '\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    /// <summary>One line of cue-verbs.txt: "lemma[/past[/participle]] [particle] class [weak] [object]".</summary>
    private static void AddVerb(Dictionary<string, List<CueVerb>> verbs, string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        // Flags follow the class; the first word is the verb itself (which may be "object").
        bool Flag(string name)
        {
            var at = words.LastIndexOf(name);
            if (at <= 0)
            {
                return false;
            }

            words.RemoveAt(at);
            return true;
        }

        var weak = Flag("weak");
        var takesObject = Flag("object");
        var addressee = Flag("addressee");
        var negationVoids = Flag("negation-voids");
        var activeOnly = Flag("active-only");

        var cueClass = Enum.Parse<CueKind>(words[^1], ignoreCase: true);
        var particle = words.Count > 2 ? words[1] : null;
        var parts = words.ToArray();
        var forms = parts[0].Split('/');
        var lemma = forms[0].TrimEnd('+');
        var doubles = forms[0].EndsWith('+');
        var past = forms.Length > 1 ? [forms[1]] : Inflect.Past(lemma, doubles);
        var participle = forms.Length > 2 ? [forms[2]] : past;

        void Add(string form, VerbForms kind)
        {
            // One lemma's spellings gather their forms ("said" is past and participle); a spelling two
            // lemmas share keeps the first of them, except for phrasal verbs, which differ by particle.
            if (!verbs.TryGetValue(form, out var list))
            {
                verbs[form] = [new CueVerb(lemma, cueClass, kind, weak, particle, takesObject, addressee, negationVoids, activeOnly)];
                return;
            }

            var index = list.FindIndex(v => v.Lemma == lemma && v.Particle == particle);
            if (index >= 0)
            {
                list[index] = list[index] with { Forms = list[index].Forms | kind };
            }
            else if (particle is not null || list.TrueForAll(v => v.Particle is not null))
            {
                list.Add(new CueVerb(lemma, cueClass, kind, weak, particle, takesObject, addressee, negationVoids, activeOnly));
            }
        }

        Add(lemma, VerbForms.Base);
        Add(Inflect.Third(lemma), VerbForms.Third);
        foreach (var p in past)
        {
            Add(p, VerbForms.Past);
        }

        foreach (var p in participle)
        {
            Add(p, VerbForms.Participle);
        }

        foreach (var g in Inflect.Gerund(lemma, doubles))
        {
            Add(g, VerbForms.Gerund);
        }
    }

    /// <summary>English's regular verb endings.</summary>
    private static class Inflect
    {
        public static string Third(string lemma) =>
            lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith('o')
                ? lemma + "es"
                : ConsonantY(lemma) ? lemma[..^1] + "ies" : lemma + "s";

        public static string[] Past(string lemma, bool doubles) =>
            lemma.EndsWith('e') ? [lemma + "d"]
            : ConsonantY(lemma) ? [lemma[..^1] + "ied"]
            : doubles ? [lemma + lemma[^1] + "ed", lemma + "ed"]
            : [lemma + "ed"];

        public static string[] Gerund(string lemma, bool doubles) =>
            lemma.EndsWith("ie", StringComparison.Ordinal) ? [lemma[..^2] + "ying"]
            : lemma.EndsWith("ee", StringComparison.Ordinal) || lemma.EndsWith("ye", StringComparison.Ordinal) || lemma.EndsWith("oe", StringComparison.Ordinal) ? [lemma + "ing"]
            : lemma.EndsWith('e') ? [lemma[..^1] + "ing"]
            : doubles ? [lemma + lemma[^1] + "ing", lemma + "ing"]
            : [lemma + "ing"];

        private static bool ConsonantY(string word) => word.Length > 1 && word[^1] == 'y' && "aeiou".IndexOf(word[^2]) < 0;
    }
}

/// <summary>
/// A case-insensitive set of words or phrases (<see cref="Text.WordMap"/>), looked up by span; optionally also the
/// words of a shape no list can hold in full.
/// </summary>
internal sealed class WordSet(IEnumerable<string> words, WordSet.Shape? shape = null)
{
    private readonly Text.WordMap _map = new(words);

    public delegate bool Shape(ReadOnlySpan<char> word);

    /// <summary>The words, each once (ignoring case), in list order.</summary>
    public IReadOnlyList<string> Words => _map.Words;

    /// <summary>The token class of this list's words (<see cref="WordClasses"/>); <see cref="WordClass.None"/> for a list that is no class.</summary>
    public WordClass Class { get; init; }

    /// <summary>True when words of a shape (<see cref="Shape"/>) belong too, which no class can record.</summary>
    public bool HasShape => shape is not null;

    public bool Contains(ReadOnlySpan<char> word) => _map.Contains(word) || shape is not null && shape(word);

    /// <summary>True when <paramref name="word"/> belongs for its shape alone; for a word the list does not hold, the same as <see cref="Contains"/>.</summary>
    public bool HasShapeOf(ReadOnlySpan<char> word) => shape is not null && shape(word);
}
