using System.Collections.Immutable;
using DocLint.Core.Documents;
using DocLint.Core.Semantics.Lexicon;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>
/// Finds the attributions of a document, sentence by sentence, from what the text shows: a lexicon of
/// cues, noun-phrase and clause boundaries read off function words and punctuation, capitalisation,
/// titles and appositives, and the sources named earlier in the story. Deterministic; no model.
/// <para>
/// For each cue it looks for the source where English puts it: before the verb ("a senior official
/// said"), after it ("…, said Maria Lopez"; "according to people familiar with the plan"), before an
/// appositive ("Lopez, a spokeswoman for the ministry, said"), in a relative clause ("who said"), or as
/// the subject of the clause a participle hangs from ("…, adding that"). The content is the quotation
/// or clause the cue introduces, or the one before it ("The talks stalled, she said."). What a
/// reference ("he", "the official") refers to is looked for in the sentences before it
/// (<see cref="LookBack"/>), so the result for a sentence depends on a bounded stretch of text: the
/// same whether a file is linted whole or in parts. Only sentences that hold a word a cue can start at
/// are read closely (names in the others are not remembered for resolving references).
/// </para>
/// </summary>
internal sealed partial class AttributionFinder
{
    /// <summary>How many sentences back a reference is resolved.</summary>
    public const int LookBack = 12;

    private readonly Document _document;
    private readonly string _prose;
    private readonly Lexicon.Lexicon _lexicon = Lexicon.Lexicon.Instance;
    private readonly Tokenizer _tokens = new();
    private readonly List<Attribution> _found = [];
    private readonly List<Mention> _mentions = [];
    private readonly ImmutableArray<TextSpan> _quoted;
    private TextSpan _sentence;
    private int _sentenceIndex;
    private int _sentenceFirstFound;

    /// <summary>
    /// Whether the sentence is a headline in title case ("Glenn Beck Says Trump Poses a Threat"): capitals tell
    /// nothing there. Null until first asked in the sentence (<see cref="TitleCase"/>); most sentences never ask.
    /// </summary>
    private bool? _titleCase;

    /// <summary>The word classes a cue found by the per-token loop of <see cref="AnalyzeSentence"/> starts at (besides "according").</summary>
    private const WordClass CueClasses = WordClass.Verb | WordClass.HedgeAdverb | WordClass.Appearance | WordClass.Raising | WordClass.Impersonal;

    private AttributionFinder(Document document)
    {
        _document = document;
        _prose = document.Prose;
        _quoted = document.QuotedRegions;
    }

    public static ImmutableArray<Attribution> Find(Document document)
    {
        var finder = new AttributionFinder(document);
        finder.Run();
        finder._found.Sort(static (a, b) => a.Cue.Start.CompareTo(b.Cue.Start));
        return [.. finder._found];
    }

    private void Run()
    {
        // Only sentences with a word a cue can start at are read closely; one vectorised pass finds them (in a lint
        // run, the pass that built the rules' word index: see RuleContext).
        var candidates = _document.TakeCueWords() ?? WordIndex.Build(_prose, _lexicon.CueWords);
        try
        {
            var starts = candidates.Starts;
            var lengths = candidates.Lengths;
            var hashes = candidates.Hashes;
            var next = 0;
            var sentences = _document.Sentences;
            for (_sentenceIndex = 0; _sentenceIndex < sentences.Length; _sentenceIndex++)
            {
                _sentence = sentences[_sentenceIndex];
                while (next < starts.Length && starts[next] < _sentence.Start)
                {
                    next++;
                }

                if (!HasCueWord(starts, lengths, hashes, next) && !MayFrame(_sentence))
                {
                    continue;
                }

                _tokens.Tokenize(_prose, _sentence, _quoted);
                _sentenceFirstFound = _found.Count;
                RecordNames();
                AnalyzeSentence();
            }
        }
        finally
        {
            candidates.Release();
        }
    }

    /// <summary>
    /// True when a word of the sentence, from the candidate <paramref name="first"/> on, is one a cue can start at
    /// (a verb form, a hedge, "according") or a frame needs ("poll"). A word with a character outside ASCII is taken
    /// to be one: the tokenizer may end it elsewhere (before a combining mark).
    /// </summary>
    private bool HasCueWord(ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<uint> hashes, int first)
    {
        for (var k = first; k < starts.Length && starts[k] < _sentence.End; k++)
        {
            var word = _prose.AsSpan(starts[k], lengths[k]);
            if (hashes[k] == WordIndex.NonAsciiHash || (WordClasses.Of(word, hashes[k]) & (CueClasses | WordClass.FrameEvidence)) != 0
                || word.Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sentence with no cue word may still be framed: "Graham: …" (a colon early on) or "To Sexton, …".</summary>
    private bool MayFrame(TextSpan sentence)
    {
        var text = _prose.AsSpan(sentence.Start, Math.Min(sentence.Length, 60));
        return text.Contains(':') || text.StartsWith("To ", StringComparison.Ordinal);
    }

    private int Count => _tokens.Count;

    private ref readonly Token T(int i) => ref _tokens[i];

    /// <summary>The lookup key of token <paramref name="i"/> (<see cref="Tokenizer.Key"/>).</summary>
    private ReadOnlySpan<char> Key(int i) => _tokens.Key(i);

    /// <remarks>A key is its token, or its token less a final dot: a token of another length is not read.</remarks>
    private bool IsWord(int i, string word) =>
        i >= 0 && i < Count && T(i).IsWord && (uint)(T(i).Length - word.Length) <= 1 && Key(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsWordIn(int i, WordSet set) => i >= 0 && i < Count && T(i).IsWord && Has(i, set);

    /// <summary>
    /// True when the key of token <paramref name="i"/> is in <paramref name="set"/>: the same answer as
    /// <c>set.Contains(Key(i))</c>, read off the token's <see cref="WordClasses"/> when the set is a class.
    /// </summary>
    private bool Has(int i, WordSet set) =>
        set.Class == WordClass.None ? set.Contains(Key(i)) : (_tokens.Classes(i) & set.Class) != 0 || set.HasShape && set.HasShapeOf(Key(i));

    /// <summary>True when the key of token <paramref name="i"/> is in any of <paramref name="classes"/>.</summary>
    private bool HasClass(int i, WordClass classes) => (_tokens.Classes(i) & classes) != 0;

    /// <summary>
    /// The lexicon's verb at word token <paramref name="i"/>, given the word after it (<see cref="Lexicon.Lexicon.Find"/>);
    /// null when the token's classes say it is no spelling of a verb, without a second lookup.
    /// </summary>
    private CueVerb? VerbAt(int i) =>
        HasClass(i, WordClass.Verb) ? _lexicon.Find(Key(i), _tokens.KeyHash(i), i + 1 < Count && T(i + 1).IsWord ? Key(i + 1) : default) : null;

    private bool IsKind(int i, TokenKind kind) => i >= 0 && i < Count && T(i).Kind == kind;

    /// <summary>True for tokens that end a clause: sentence punctuation, semicolons, dashes, colons.</summary>
    private bool IsClauseEnd(int i) => i >= Count || T(i).Kind is TokenKind.Period or TokenKind.Question or TokenKind.Exclamation or TokenKind.Semicolon;

    private void AnalyzeSentence()
    {
        _titleCase = null;
        TryFrame();
        var cues = _lexicon.CueWords;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var t = ref T(i);
            if (t.IsQuoted || !t.IsWord || !cues.MayContain(_tokens.TextHash(i)))
            {
                continue;
            }

            // Each cue below starts at "according" or at a word of one of these classes: the filter's other words
            // (most of what it passes) need no closer look.
            if (!HasClass(i, CueClasses) && !IsWord(i, "according"))
            {
                continue;
            }

            _ = TryAccordingTo(i) || TryHedge(i) || TryVerb(i);
        }

        DropNestedBeliefs();
        TrimContents();
    }

    /// <summary>
    /// "She said he feels he can win": a belief or intention inside what someone is reported to have said is
    /// part of that content, not an attribution of its own.
    /// </summary>
    private void DropNestedBeliefs()
    {
        for (var a = _found.Count - 1; a >= _sentenceFirstFound; a--)
        {
            if (_found[a].CueKind is not (CueKind.Belief or CueKind.Intent))
            {
                continue;
            }

            for (var b = _sentenceFirstFound; b < _found.Count; b++)
            {
                if (b != a && _found[b].ContentKind == ContentKind.Clause && _found[b].Content is { } content && content.Contains(_found[a].Cue)
                    && _found[b].CueKind is CueKind.Speech or CueKind.Frame)
                {
                    _found.RemoveAt(a);
                    break;
                }
            }
        }
    }

    private bool TitleCase => _titleCase ??= IsTitleCase();

    private bool IsTitleCase()
    {
        int words = 0, capitalised = 0;
        for (var i = 0; i < Count; i++)
        {
            if (T(i).IsWord && T(i).Length > 3 && !T(i).IsQuoted)
            {
                words++;
                capitalised += T(i).IsCapitalized ? 1 : 0;
            }
        }

        return words >= 3 && capitalised * 4 >= words * 3;
    }

    private void Add(CueKind cueKind, int cueFirst, int cueLast, TextSpan? source, SourceKind kind, TextSpan? content, ContentKind contentKind, TextSpan? antecedent = null, SourceKind antecedentKind = SourceKind.None)
    {
        var cue = TextSpan.FromBounds(T(cueFirst).Start, T(cueLast).End);
        for (var k = _sentenceFirstFound; k < _found.Count; k++)
        {
            if (_found[k].Cue.OverlapsWith(cue))
            {
                return;
            }
        }

        if (content is { IsEmpty: true })
        {
            content = null;
            contentKind = ContentKind.None;
        }

        _found.Add(new Attribution(cueKind, cue, source, content, kind, content is null ? ContentKind.None : contentKind, antecedent, antecedentKind));
    }

    /// <summary>
    /// Two attributions in one sentence ("X, she said, and Y, he added"): a content that runs into the next
    /// attribution's source or cue stops before it.
    /// </summary>
    private void TrimContents()
    {
        for (var a = _sentenceFirstFound; a < _found.Count; a++)
        {
            var attribution = _found[a];
            if (attribution.Content is not { } content || attribution.ContentKind == ContentKind.Quotation)
            {
                continue;
            }

            var end = content.End;
            for (var b = _sentenceFirstFound; b < _found.Count; b++)
            {
                // A hedge inside the content ("the minister reportedly resigned, NHK said") is part of what was said.
                if (b == a || _found[b].Source is null)
                {
                    continue;
                }

                // The other attribution begins at its source when that stands inside this content, else at its cue.
                var other = _found[b].Source is { } s && s.Start < _found[b].Cue.Start && s.Start > content.Start ? s.Start : _found[b].Cue.Start;
                if (other > content.Start && other < end && !(attribution.Source is { } own && own.OverlapsWith(_found[b].Cue)))
                {
                    end = other;
                }
            }

            if (end != content.End)
            {
                var trimmed = WithoutTrailingLink(TrimSpan(TextSpan.FromBounds(content.Start, end)));
                _found[a] = attribution with
                {
                    Content = trimmed.IsEmpty ? null : trimmed,
                    ContentKind = trimmed.IsEmpty ? ContentKind.None : attribution.ContentKind,
                };
            }
        }
    }

    /// <summary>"the party does not care, and" before "one in four said": the link to the next clause is neither's.</summary>
    private TextSpan WithoutTrailingLink(TextSpan span)
    {
        var text = _prose.AsSpan(span.Start, span.Length);
        foreach (var link in (ReadOnlySpan<string>)[" and", " but", " or", " while", " whereas"])
        {
            if (text.EndsWith(link, StringComparison.OrdinalIgnoreCase))
            {
                return TrimSpan(new TextSpan(span.Start, span.Length - link.Length));
            }
        }

        return span;
    }

    /// <summary>The span without white space, commas and dashes at either end.</summary>
    private TextSpan TrimSpan(TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && (char.IsWhiteSpace(_prose[start]) || _prose[start] is ',' or '—' or '–' or ';' or ':'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(_prose[end - 1]) || _prose[end - 1] is ',' or '—' or '–' or ';' or ':' or '-'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private TextSpan Span(int first, int last) => TextSpan.FromBounds(T(first).Start, T(last).End);
}
