using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>
/// Who a source is, as the text gives it. The names in rule files and in <c>doclint inspect</c> are the
/// kebab-case forms (<see cref="SourceKinds"/>).
/// </summary>
public enum SourceKind
{
    /// <summary>No source: "reportedly", "is said to", "it is believed".</summary>
    None,

    /// <summary>"Sergei Ivanov", "Sen. Maria Lopez", "Ivanov, a spokesman for the ministry".</summary>
    NamedPerson,

    /// <summary>"the Justice Department", "Acme Corp.", "Senate Democrats".</summary>
    NamedOrganisation,

    /// <summary>A report, study, poll or record the text names: "a Pew poll", "a study published in The Lancet".</summary>
    NamedDocument,

    /// <summary>A report, study or poll the text does not name: "studies", "a new report", "one poll".</summary>
    UnnamedDocument,

    /// <summary>The publication itself or another outlet: "Reuters", "the newspaper", "state media".</summary>
    Outlet,

    /// <summary>
    /// A pronoun or short reference ("he", "the senator", "the report"): see
    /// <see cref="Attribution.Antecedent"/> for the source it refers back to, when it could be found. A
    /// relative pronoun ("officials, who said …") takes the kind of the phrase it stands for, which is its
    /// antecedent.
    /// </summary>
    Reference,

    /// <summary>A person or people the text does not name: "a senior official", "two aides", "people familiar with the matter".</summary>
    UnnamedIndividual,

    /// <summary>A group the text does not name: "officials", "critics", "some", "many economists".</summary>
    UnnamedGroup,

    /// <summary>Someone speaking on the record for a body, not named themselves: "a Lakers spokesman", "a spokeswoman for Acme Corp.", "a spokesman said".</summary>
    UnnamedSpokesperson,
}

/// <summary>What a cue says the source does with the content (see Lexicon/cue-verbs.txt for the verbs of each).</summary>
public enum CueKind
{
    /// <summary>Says, tells, argues, writes: "said", "told reporters", "tweeted".</summary>
    Speech,

    /// <summary>Thinks, believes, fears: "believes that".</summary>
    Belief,

    /// <summary>Intends, hopes, vows to: "plans to", "hopes".</summary>
    Intent,

    /// <summary>What a study, poll or document shows: "found", "shows", "estimates".</summary>
    Evidence,

    /// <summary>Takes a position on something: "criticised", "praised", "endorsed".</summary>
    Stance,

    /// <summary>Gives something a name or label: "called it a smear", "described the plan as".</summary>
    Naming,

    /// <summary>A frame with no verb: "according to", "in a CNN poll", "to Sexton,", a headline's "Graham:".</summary>
    Frame,

    /// <summary>Distance with no source: "reportedly", "is said to", "it is believed", "appears to".</summary>
    Hedge,
}

/// <summary>What the attributed content is.</summary>
public enum ContentKind
{
    /// <summary>No content was found (the cue stands alone, or the content is elsewhere).</summary>
    None,

    /// <summary>A direct quotation: the source's own words.</summary>
    Quotation,

    /// <summary>Reported speech or thought: "said that the talks had stalled", "called the report a smear".</summary>
    Clause,

    /// <summary>
    /// What the source spoke about, in the writer's words: "criticised the plan", "praised the ruling".
    /// The words are the writer's, so a topic is still the writer's voice.
    /// </summary>
    Topic,
}

/// <summary>
/// One attribution: a cue ("said", "according to", "reportedly"), its source (who says it; absent for
/// agentless cues) and its content (what is said). Spans are in the document's coordinates and never
/// cross a paragraph.
/// </summary>
/// <param name="CueKind">What the cue says the source does: speaks, believes, finds, or the cue is a frame or hedge.</param>
/// <param name="Antecedent">For a <see cref="SourceKind.Reference"/>: the source it refers back to, when found.</param>
/// <param name="AntecedentKind">The kind of that source.</param>
public readonly record struct Attribution(
    CueKind CueKind,
    TextSpan Cue,
    TextSpan? Source,
    TextSpan? Content,
    SourceKind SourceKind,
    ContentKind ContentKind,
    TextSpan? Antecedent = null,
    SourceKind AntecedentKind = SourceKind.None)
{
    /// <summary>True when the content is someone else's words (a quotation or reported speech), not the writer's.</summary>
    public bool ContentIsAttributed => ContentKind is ContentKind.Quotation or ContentKind.Clause;

    /// <summary>The kind of the source, or of what a reference refers back to.</summary>
    public SourceKind ResolvedKind => SourceKind == SourceKind.Reference && Antecedent is not null ? AntecedentKind : SourceKind;

    /// <summary>The span covering cue, source and content.</summary>
    public TextSpan Extent
    {
        get
        {
            var start = Cue.Start;
            var end = Cue.End;
            if (Source is { } s)
            {
                start = Math.Min(start, s.Start);
                end = Math.Max(end, s.End);
            }

            if (Content is { } c)
            {
                start = Math.Min(start, c.Start);
                end = Math.Max(end, c.End);
            }

            return TextSpan.FromBounds(start, end);
        }
    }
}

/// <summary>The kebab-case names of <see cref="SourceKind"/> used in rule files and output.</summary>
public static class SourceKinds
{
    private static readonly (SourceKind Kind, string Name)[] Names =
    [
        (SourceKind.None, "none"),
        (SourceKind.NamedPerson, "named-person"),
        (SourceKind.NamedOrganisation, "named-organisation"),
        (SourceKind.NamedDocument, "named-document"),
        (SourceKind.UnnamedDocument, "unnamed-document"),
        (SourceKind.Outlet, "outlet"),
        (SourceKind.Reference, "reference"),
        (SourceKind.UnnamedIndividual, "unnamed-individual"),
        (SourceKind.UnnamedGroup, "unnamed-group"),
        (SourceKind.UnnamedSpokesperson, "unnamed-spokesperson"),
    ];

    public static string Name(this SourceKind kind) => Array.Find(Names, n => n.Kind == kind).Name;

    public static string Name(this CueKind kind) => kind.ToString().ToLowerInvariant();

    public static string Name(this ContentKind kind) => kind switch
    {
        ContentKind.Quotation => "quotation",
        ContentKind.Clause => "clause",
        ContentKind.Topic => "topic",
        _ => "none",
    };
}
