using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules;

/// <summary>
/// A rule ready to run: immutable, shared by all threads. Each kind (Rules/Kinds) decides what to report;
/// finding matches, honouring scope, voice and exceptions is shared here.
/// </summary>
public abstract class CompiledRule
{
    private readonly PhraseMatcher _exceptions;

    /// <param name="matchers">Every other matcher the rule runs: what they look for decides which words <see cref="Words"/> keeps.</param>
    protected CompiledRule(RuleDefinition definition, PhraseMatcher exceptions, params PhraseMatcher[] matchers)
    {
        Definition = definition;
        Descriptor = definition.ToDescriptor();
        _exceptions = exceptions;
        Words = WordFilter.Union([exceptions.Words, .. matchers.Select(m => m.Words)]);
        Matchers = [exceptions, .. matchers];
        _messageUsesMatch = definition.Message.Contains("{match}", StringComparison.Ordinal);
    }

    private readonly bool _messageUsesMatch;

    public RuleDefinition Definition { get; }

    /// <summary>The rule's kind as its rule file names it (<c>existence</c>; a Vale rule's <c>extends</c>, such as <c>conditional</c>).</summary>
    public virtual string KindName => Definition.Kind.ToString().ToLowerInvariant();

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Definition.Id;

    /// <summary>The first words of every term of every matcher of the rule: the tokens its matching can start at.</summary>
    public WordFilter Words { get; private set; }

    /// <summary>Every matcher the rule and its conditions run over the word index (see <see cref="RuleSet.Terms"/>).</summary>
    internal PhraseMatcher[] Matchers { get; private set; }

    private CompiledCondition[] _when = [];
    private CompiledCondition[] _unless = [];

    /// <summary>Gives the rule its compiled `when` and `unless` conditions (done once, by <see cref="Loading.RuleCompiler"/>).</summary>
    internal void SetConditions(CompiledCondition[] when, CompiledCondition[] unless)
    {
        _when = when;
        _unless = unless;
        Words = WordFilter.Union([Words, .. when.Select(c => c.Words), .. unless.Select(c => c.Words)]);
        Matchers = [.. Matchers, .. when.Concat(unless).Select(c => c.Matcher).OfType<PhraseMatcher>()];
        DocumentWideConditions = [.. when.Concat(unless).Where(c => c.IsDocumentWide)];
        DocumentWidePass = 0;
        for (var i = 0; i < DocumentWideConditions.Length; i++)
        {
            DocumentWideConditions[i].DocumentWideBit = i;
            if (Array.IndexOf(when, DocumentWideConditions[i]) >= 0)
            {
                DocumentWidePass |= 1 << i;
            }
        }
    }

    /// <summary>
    /// The assumption about the whole file (one bit per <see cref="DocumentWideConditions"/> entry) under which
    /// every document-wide condition lets matches through: its `when` conditions found, its `unless` conditions not.
    /// </summary>
    internal int DocumentWidePass { get; private set; }

    /// <summary>
    /// True when a large file's parts need to run the rule only under <see cref="DocumentWidePass"/>: every
    /// finding of the kind is a match its conditions kept (<see cref="ReportsOnlyKeptMatches"/>), and no
    /// document-wide condition is limited to some matches (`only`), so under any other assumption it finds
    /// nothing. The parts' merge keeps its findings when what the file holds is that assumption.
    /// </summary>
    internal bool DocumentWideDecidedAtMerge => ReportsOnlyKeptMatches && DocumentWideConditions.All(c => !c.IsLimited);

    /// <summary>
    /// True when the kind reports only matches that its `when` and `unless` conditions kept
    /// (<see cref="ApplyConditions"/>), never something about a unit or the document as a whole.
    /// </summary>
    protected virtual bool ReportsOnlyKeptMatches => false;

    /// <summary>
    /// The rule's conditions about the whole document (`near: document`). Over a large file read in parts, the
    /// rule runs on each part under an assumption about them (<see cref="DocumentWidePass"/>, or each in turn),
    /// and the merge keeps what the true one found.
    /// </summary>
    internal ImmutableArray<CompiledCondition> DocumentWideConditions { get; private set; } = [];

    /// <summary>True when the rule has `when` or `unless` conditions.</summary>
    private bool HasConditions => _when.Length > 0 || _unless.Length > 0;

    /// <summary>
    /// The spans among <paramref name="spans"/> that every `when` condition holds for and no `unless`
    /// condition does. The conditions are bound to the document once.
    /// </summary>
    protected ImmutableArray<TextSpan> ApplyConditions(RuleContext context, ImmutableArray<TextSpan> spans)
    {
        if (!HasConditions || spans.IsEmpty)
        {
            return spans;
        }

        // Each condition is bound to the document when a span first needs it: one that no span reaches (an earlier
        // `when` failed for each, or it applies to none of them) finds nothing.
        var when = new Func<TextSpan, bool>?[_when.Length];
        var unless = new Func<TextSpan, bool>?[_unless.Length];
        var text = context.Document.Source.Text;
        var kept = ImmutableArray.CreateBuilder<TextSpan>(spans.Length);
        foreach (var span in spans)
        {
            var matched = text.AsSpan(span.Start, span.Length);
            var required = true;
            for (var c = 0; c < when.Length && required; c++)
            {
                required = !_when[c].AppliesTo(matched) || (when[c] ??= _when[c].For(context, spans))(span);
            }

            var cancelled = false;
            for (var c = 0; c < unless.Length && !cancelled && required; c++)
            {
                cancelled = _unless[c].AppliesTo(matched) && (unless[c] ??= _unless[c].For(context, spans))(span);
            }

            if (required && !cancelled)
            {
                kept.Add(span);
            }
        }

        return kept.ToImmutable();
    }

    public abstract void Analyze(RuleContext context);

    /// <summary>
    /// False when the rule's findings depend on the whole file in a way parts cannot carry (see
    /// <see cref="DocumentPart"/>); a rule set with such a rule lints every file whole.
    /// </summary>
    public virtual bool CanRunInParts => true;

    /// <summary>
    /// True when the rule keeps what it learns in one part of a file for the next
    /// (<see cref="RuleContext.StateOf{T}"/>): it sees a large file's parts one after another, in order, while
    /// the other rules analyse parts in parallel.
    /// </summary>
    public virtual bool CarriesAcrossParts => false;

    /// <summary>Matches of <paramref name="matcher"/> in scope and voice that no exception overlaps.</summary>
    protected ImmutableArray<TextSpan> FindAccepted(RuleContext context, PhraseMatcher matcher, Voice voice)
    {
        var text = context.TextFor(Definition.Scope);
        var words = context.WordsFor(Definition.Scope);
        // Patterns are matched unit by unit where the scope has units (sentences, paragraphs, headings);
        // the units are asked for only then, so terms alone do not make a document segment its sentences.
        var units = Definition.Scope is RuleScope.Document || !matcher.Scans ? default : context.Units(Definition.Scope, Definition.ScopeField);
        var matches = matcher.FindAll(text, words, units);
        if (matches.IsEmpty)
        {
            return matches;
        }

        var exceptions = _exceptions.IsEmpty ? [] : FindExceptions(context, text, words, matches);
        var accepted = ImmutableArray.CreateBuilder<TextSpan>(matches.Length);
        foreach (var match in matches)
        {
            if (context.Accepts(match, Definition.Scope, voice, Definition.ScopeField) && !SortedSpans.AnyOverlap(exceptions, match) && !InsideWord(text, match))
            {
                accepted.Add(match);
            }
        }

        return ApplyConditions(context, accepted.ToImmutable());
    }

    /// <summary>
    /// True when the match is part of a longer word that invisible characters break up: a soft hyphen, a
    /// zero-width joiner or non-joiner, a word joiner ("unem&#173;ploy&#173;ment" does not hold "ploy").
    /// </summary>
    private static bool InsideWord(string text, TextSpan match) =>
        (match.Start > 0 && IsInvisibleJoiner(text[match.Start - 1])) || (match.End < text.Length && IsInvisibleJoiner(text[match.End]));

    private static bool IsInvisibleJoiner(char c) => c is '\u00AD' or '\u200C' or '\u200D' or '\u2060';

    /// <summary>
    /// The exceptions that can cancel <paramref name="matches"/>: exception patterns are run only over the
    /// units (sentences, paragraphs) that hold a match, not over the whole document.
    /// </summary>
    private ImmutableArray<TextSpan> FindExceptions(RuleContext context, string text, WordIndex words, ImmutableArray<TextSpan> matches)
    {
        if (Definition.Scope is RuleScope.Document || !_exceptions.Scans)
        {
            return _exceptions.FindAll(text, words);
        }

        return _exceptions.FindAll(text, words, SortedSpans.UnitsAround(context.Units(Definition.Scope, Definition.ScopeField), matches));
    }

    protected string Format(RuleContext context, TextSpan match, params ReadOnlySpan<(string Name, string Value)> extra)
    {
        if (!_messageUsesMatch)
        {
            return MessageTemplate.Format(Definition.Message, extra);
        }

        Span<(string Name, string Value)> values = extra.Length < 4 ? [default, default, default, default] : new (string, string)[extra.Length + 1];
        values[0] = ("match", TermSyntax.Normalize(context.Document.Source.Text.AsSpan(match.Start, match.Length), caseSensitive: true));
        extra.CopyTo(values[1..]);
        return MessageTemplate.Format(Definition.Message, values[..(extra.Length + 1)]);
    }
}
