using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules;

/// <summary>What a rule sees while it analyses one document, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _sink;
    private ImmutableArray<TextSpan> _blockSpans;
    private ImmutableArray<TextSpan> _headingSpans;

    private readonly WordFilter? _words;
    private readonly TermTable? _terms;

    /// <param name="words">The words the rules that run in this context start matches at (see <see cref="RuleSet.Words"/>); null keeps every word.</param>
    /// <param name="part">Where the document lies in its file; null for a document read whole.</param>
    /// <param name="terms">The rule set's terms, looked up together in each word index built (null: each matcher walks the index).</param>
    internal RuleContext(Document document, List<Diagnostic> sink, WordFilter? words = null, DocumentPart? part = null, TermTable? terms = null)
    {
        Document = document;
        _sink = sink;
        _words = words;
        _terms = terms;
        Part = part ?? DocumentPart.Whole(document.Prose.Length);
    }

    public Document Document { get; }

    /// <summary>Where the document lies in its file: findings are reported in the file's coordinates, and only where the part owns them.</summary>
    public DocumentPart Part { get; }

    /// <summary>What the current rule carries from one part of the file to the next (one object per rule and file).</summary>
    public T StateOf<T>()
        where T : class, new() => Part.StateOf<T>(Rule);

    public string Prose => Document.Prose;

    internal CompiledRule Rule { get; set; } = null!;

    /// <summary>
    /// For a part of a large file: what the rules' document-wide conditions are taken to find in the whole
    /// file, one bit per condition (<see cref="Conditions.CompiledCondition.DocumentWideBit"/>); -1 when the
    /// document in view is the whole file and they look for themselves.
    /// </summary>
    internal int DocumentWideAssumption { get; set; } = -1;

    internal DiagnosticSeverity Severity { get; set; }

    private WordIndex? _proseWords;
    private WordIndex? _frontMatterWords;

    /// <summary>The word tokens of the text a scope is scanned in that any rule may start a match at, built once per document and shared by all rules.</summary>
    public WordIndex WordsFor(RuleScope scope) => scope == RuleScope.FrontMatter
        ? _frontMatterWords ??= WithTerms(Document.FrontMatterView, WordIndex.Build(Document.FrontMatterView, _words))
        : _proseWords ??= WithTerms(Document.Prose, BuildProseWords());

    private WordIndex WithTerms(string text, WordIndex words)
    {
        if (_terms is not null)
        {
            words.Terms = _terms.Walk(text, words);
        }

        return words;
    }

    /// <summary>
    /// Whether the prose's word index also collects the tokens that may start a cue: when some rule reads the
    /// document's attributions and they are still to be found.
    /// </summary>
    internal bool CollectsCueWords { get; init; }

    /// <summary>Where the run's time goes (<see cref="Engine.RuleTimings"/>); null when nothing is timed.</summary>
    internal Engine.RuleTimings? Timings { get; init; }

    /// <summary>
    /// Of the current rule's time, the ticks spent on work the rules share (a Vale document's units), which the rule
    /// reports here and <see cref="Engine.DocumentAnalyzer"/> charges to that work instead of the rule.
    /// </summary>
    internal long SharedTicks { get; set; }

    /// <summary>Whether findings carry fingerprints (<see cref="Engine.LintOptions.Fingerprints"/>); a run whose outputs read none skips hashing them.</summary>
    internal bool Fingerprints { get; init; } = true;

    /// <summary>
    /// Whether the run shows or applies fixes and suggestions (<see cref="Engine.LintOptions.CheckFixes"/>): JSON, SARIF,
    /// rdjsonl, <c>--fix</c>, the language and MCP servers. A rule whose suggestions cost work to find (spelling) finds
    /// them only then.
    /// </summary>
    public bool ShowsFixes { get; init; } = true;

    /// <summary>
    /// The prose's word index; with <see cref="CollectsCueWords"/>, the tokens that may start a cue are collected in
    /// the same scan and handed to the document for the attribution finder.
    /// </summary>
    private WordIndex BuildProseWords()
    {
        if (!CollectsCueWords || !Document.AttributionsPending)
        {
            return WordIndex.Build(Document.Prose, _words);
        }

        var (words, cueWords) = WordIndex.Build(Document.Prose, _words, Semantics.Lexicon.Lexicon.Instance.CueWords);
        Document.OfferCueWords(cueWords);
        return words;
    }

    /// <summary>Gives the word indexes' arrays back to their pool once every rule is done with the document.</summary>
    internal void ReleaseWords()
    {
        // Cue words the attribution finder did not take (no rule that reads them was on) go back too.
        Document.TakeCueWords()?.Release();
        _proseWords?.Release();
        _frontMatterWords?.Release();
        _proseWords = _frontMatterWords = null;
    }

    /// <summary>The text a scope is scanned in: the front-matter view for `frontmatter.KEY`, the prose view otherwise.</summary>
    public string TextFor(RuleScope scope) => scope == RuleScope.FrontMatter ? Document.FrontMatterView : Document.Prose;

    /// <summary>The units of a scope, sorted and disjoint.</summary>
    public ImmutableArray<TextSpan> Units(RuleScope scope, string? field = null) => scope switch
    {
        RuleScope.FrontMatter => field is not null && Document.FrontMatterSpans.TryGetValue(field, out var value) ? [value] : [],
        RuleScope.Sentence => Document.Sentences,
        RuleScope.Paragraph => _blockSpans.IsDefault ? _blockSpans = [.. Document.Blocks.Select(b => b.Span)] : _blockSpans,
        RuleScope.Heading => _headingSpans.IsDefault
            ? _headingSpans = [.. Document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Span)]
            : _headingSpans,
        _ => [new TextSpan(0, Document.Prose.Length)],
    };

    /// <summary>True when <paramref name="span"/> lies in one unit of the scope and is in the wanted voice.</summary>
    public bool Accepts(TextSpan span, RuleScope scope, Voice voice, string? field = null)
    {
        if (scope != RuleScope.Document && SortedSpans.IndexContaining(Units(scope, field), span) < 0)
        {
            return false;
        }

        if (scope == RuleScope.FrontMatter)
        {
            // A front-matter value has no quotations of its own to speak of.
            return true;
        }

        return voice switch
        {
            Voice.Reporter => !SortedSpans.AnyOverlap(Document.OtherVoiceRegions, span),
            Voice.Quoted => SortedSpans.IndexContaining(Document.QuotedRegions, span) >= 0,
            Voice.Attributed => SortedSpans.IndexContaining(Document.OtherVoiceRegions, span) >= 0,
            _ => true,
        };
    }

    /// <summary>Reports a finding of the current rule at <paramref name="span"/>, when the part owns it.</summary>
    public void Report(TextSpan span, string message, ImmutableArray<string> suggestions = default, TextEdit? fix = null, bool withMatchedText = true)
    {
        span = Document.Snap(span);
        if (Part.Owns(span.Start))
        {
            _sink.Add(Build(span, message, suggestions, fix, withMatchedText));
        }
    }

    /// <summary>Adds a finding made earlier with <see cref="Create"/> (a verdict about the whole file, given in its last part).</summary>
    public void Report(Diagnostic finding) => _sink.Add(finding);

    /// <summary>A finding of the current rule at <paramref name="span"/>, in the file's coordinates, not yet reported.</summary>
    public Diagnostic Create(TextSpan span, string message, ImmutableArray<string> suggestions = default, TextEdit? fix = null, bool withMatchedText = true) =>
        Build(Document.Snap(span), message, suggestions, fix, withMatchedText);

    // The normal form of each sentence a finding was hashed with whole, by the sentence: the findings of one
    // sentence, of any rule, normalise it once. A longer sentence is hashed around each finding, not cached.
    private Dictionary<TextSpan, string>? _normalizedSentences;

    private string NormalizedSentence(TextSpan sentence)
    {
        _normalizedSentences ??= [];
        if (!_normalizedSentences.TryGetValue(sentence, out var normalized))
        {
            normalized = DiagnosticFingerprint.Normalize(Document.Prose.AsSpan(sentence.Start, sentence.Length));
            _normalizedSentences[sentence] = normalized;
        }

        return normalized;
    }

    private Diagnostic Build(TextSpan span, string message, ImmutableArray<string> suggestions, TextEdit? fix, bool withMatchedText)
    {
        var snippet = span.IsEmpty ? null : Document.Source.ToString(span);
        var index = SortedSpans.IndexContaining(Document.Sentences, span.Start);
        var sentence = index >= 0 ? Document.Sentences[index] : span;
        var window = DiagnosticFingerprint.Window(sentence, span);
        return new Diagnostic
        {
            Descriptor = Rule.Descriptor,
            Severity = Severity,
            Message = message,
            Path = Document.Path,
            Span = Part.ToFile(span),
            LineSpan = Part.ToFile(Document.Source.GetLinePositionSpan(span)),
            MatchedText = withMatchedText ? snippet : null,
            Snippet = snippet,
            // A finding about what the document lacks (no matched words) is identified by its rule alone.
            Fingerprint = !Fingerprints ? null
                : !withMatchedText ? DiagnosticFingerprint.Compute(Rule.Id, [], [])
                : index >= 0 && window == sentence ? DiagnosticFingerprint.Compute(Rule.Id, Document.Prose.AsSpan(span.Start, span.Length), NormalizedSentence(sentence), sentenceNormalized: true)
                : DiagnosticFingerprint.Compute(Rule.Id, Document.Prose.AsSpan(span.Start, span.Length), Document.Prose.AsSpan(window.Start, window.Length)),
            Suggestions = suggestions.IsDefault ? [] : suggestions,
            Fix = fix is null || Part.Offset == 0 ? fix : fix with { Span = Part.ToFile(fix.Span) },
        };
    }
}
