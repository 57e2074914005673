using System.Collections.Immutable;
using DocLint.Core.Semantics;

namespace DocLint.Core.Rules.Conditions;

/// <summary>Which part of an attribution an `attribution` rule reports.</summary>
public enum AttributionPart
{
    Source,
    Cue,
    Content,

    /// <summary>The source and the cue, from the first to the last of them ("studies show", "said a senior official").</summary>
    SourceAndCue,

    /// <summary>From the first to the last of cue, source and content.</summary>
    Attribution,
}

/// <summary>
/// Which attributions a rule is about, as written in its file: kinds of source, kinds of cue, the cue's
/// words, kinds of content. An empty list accepts any.
/// </summary>
public sealed record AttributionSelector
{
    public static AttributionSelector Any { get; } = new();

    /// <summary>`sources`: the kinds of source accepted, as written (a reference is "reference", whatever it refers to).</summary>
    public ImmutableArray<SourceKind> Sources { get; init; } = [];

    /// <summary>`cueKinds`: what the cue says the source does (speech, belief, evidence, …).</summary>
    public ImmutableArray<CueKind> CueKinds { get; init; } = [];

    /// <summary>`cues`: terms or patterns the cue's words must match.</summary>
    public MatcherSpec Cues { get; init; } = MatcherSpec.Empty;

    /// <summary>`contentKinds`: quotation, clause, topic or none.</summary>
    public ImmutableArray<ContentKind> ContentKinds { get; init; } = [];
}

/// <summary>How near a match an attribution must be: governing it (its content holds the match), or within some sentences.</summary>
/// <param name="Governs">True for `near: governs`: the match lies in the attribution's content.</param>
/// <param name="Sentences">Otherwise: 0 for `near: sentence` (the attribution is in the match's sentence), N for N sentences either side, -1 for the whole document.</param>
public readonly record struct Nearness(bool Governs, int Sentences)
{
    public static Nearness Governing => new(true, 0);

    /// <summary>`near: document`: anywhere in the document (in a large file linted in parts, the part).</summary>
    public static Nearness WholeDocument => new(false, -1);

    public bool IsDocument => !Governs && Sentences < 0;

    public override string ToString() => Governs ? "governs" : IsDocument ? "document" : Sentences == 0 ? "sentence" : Sentences.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A condition of `when` (all must hold for a match to be reported) or `unless` (any that holds cancels
/// it): an attribution near the match, words near it, or the kind of block it is in.
/// </summary>
public abstract record RuleCondition(RuleLocation Location)
{
    /// <summary>`only`: the matched terms the condition is for ("allegedly" near a charge); empty for every match.</summary>
    public ImmutableArray<string> Only { get; init; } = [];
}

/// <summary>
/// `attribution: {near, sources, cueKinds, cues, contentKinds}`: an attribution the selector accepts stands
/// near the match. Unless `sources` says otherwise, an attribution with no source (a hedge) does not count.
/// </summary>
public sealed record AttributionCondition(AttributionSelector Selector, Nearness Near, RuleLocation Location) : RuleCondition(Location);

/// <summary>
/// `words: {near, terms, patterns}`: words or patterns stand within the match's sentence (`near: sentence`),
/// N sentences either side of it or anywhere in the document, the matched words included. With `before: N`
/// or `after: N` instead of `near`, they stand among the N words just before (or after) the match, in its
/// sentence: the neighbours that tell a word's sense ("declared a disaster", "racist graffiti").
/// </summary>
public sealed record WordsCondition(MatcherSpec Words, Nearness Near, RuleLocation Location) : RuleCondition(Location)
{
    /// <summary>`before: N`: the words end among the N words before the match; 0 when not asked.</summary>
    public int Before { get; init; }

    /// <summary>`after: N`: the words start among the N words after the match; 0 when not asked.</summary>
    public int After { get; init; }
}

/// <summary>
/// `name: true`: the match is part of a proper name: capitalised where the rule writes it in lower case, and
/// not because it opens a sentence or stands in a headline written in title case ("Jane Hack", "the Radical
/// Party").
/// </summary>
public sealed record NameCondition(RuleLocation Location) : RuleCondition(Location);

/// <summary>`frontMatter: [keys]`: the document's front matter (or the metadata its reader found) has one of these keys.</summary>
public sealed record FrontMatterCondition(ImmutableArray<string> Keys, RuleLocation Location) : RuleCondition(Location);

/// <summary>`block: [heading, caption]`: the match lies in a block of one of these kinds (a headline, a photo caption, …).</summary>
public sealed record BlockCondition(ImmutableArray<Documents.BlockKind> Kinds, RuleLocation Location) : RuleCondition(Location);
