using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Text;

namespace DocLint.Core.Rules;

public enum RuleKind
{
    Existence,
    Substitution,
    Conditional,
    Required,
    Occurrence,

    /// <summary>Reports attributions of the document that a selector accepts (see <see cref="AttributionSelector"/>).</summary>
    Attribution,
}

/// <summary>The unit a rule looks at: a match must lie inside one such unit, and occurrence counts per unit.</summary>
public enum RuleScope
{
    Document,
    Paragraph,
    Sentence,
    Heading,

    /// <summary>`frontmatter.KEY`: the value of one front-matter field (see <see cref="RuleDefinition.ScopeField"/>).</summary>
    FrontMatter,
}

/// <summary>Whose words a match must be in.</summary>
public enum Voice
{
    /// <summary>The writer's own words: not in a quotation, attributed content, an embedded post or an interview answer.</summary>
    Reporter,

    /// <summary>Inside direct quotations: a speaker's words.</summary>
    Quoted,

    Any,

    /// <summary>Someone else's words: a quotation, attributed content, an embedded post or an interview answer (all that is not <see cref="Reporter"/>).</summary>
    Attributed,
}

/// <summary>A place in a rule file (zero-based line and column), for error messages.</summary>
public readonly record struct RuleLocation(string Path, LinePosition Position, int Offset);

/// <summary>A regular expression as written in a rule file.</summary>
public sealed record PatternSpec(string Pattern, RuleLocation Location);

/// <summary>Literal terms and regular expressions that together say what to find.</summary>
public sealed record MatcherSpec(ImmutableArray<string> Terms, ImmutableArray<PatternSpec> Patterns)
{
    public static MatcherSpec Empty { get; } = new([], []);

    public bool IsEmpty => Terms.IsEmpty && Patterns.IsEmpty;
}

/// <summary>One entry of a substitution: a term and its neutral replacements, best first.</summary>
public sealed record SwapEntry(string Term, ImmutableArray<string> Suggestions)
{
    /// <summary>
    /// `fix: false` (in the mapping form `{suggest: …, fix: false}`): the first suggestion is offered, never
    /// applied by `--fix`, because it does not keep the sense, part of speech or inflection in every use.
    /// </summary>
    public bool Fix { get; init; } = true;
}

/// <summary>A rule example: markup in which [|…|] marks where this rule must report.</summary>
public sealed record RuleExample(bool ExpectsFindings, string Markup, RuleLocation Location);

/// <summary>A rule as written in its YAML file, validated but not compiled.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required DiagnosticSeverity Severity { get; init; }

    public required RuleKind Kind { get; init; }

    public required RuleScope Scope { get; init; }

    /// <summary>The front-matter key of `scope: frontmatter.KEY`; null for other scopes.</summary>
    public string? ScopeField { get; init; }

    public required Voice Voice { get; init; }

    public required string Message { get; init; }

    public string Description { get; init; } = "";

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The rule's help page (`link`): an absolute http(s) URL; null for DocLint's own page of the rule.</summary>
    public string? Link { get; init; }

    public bool CaseSensitive { get; init; }

    /// <summary>`terms` and `patterns` (existence, required, occurrence).</summary>
    public MatcherSpec Match { get; init; } = MatcherSpec.Empty;

    /// <summary>`swap` (substitution).</summary>
    public ImmutableArray<SwapEntry> Swap { get; init; } = [];

    /// <summary>`inflect`: also match the plural and singular of each term's last word.</summary>
    public bool Inflect { get; init; }

    public MatcherSpec Exceptions { get; init; } = MatcherSpec.Empty;

    /// <summary>`if` (conditional).</summary>
    public MatcherSpec If { get; init; } = MatcherSpec.Empty;

    /// <summary>`requires` (conditional).</summary>
    public MatcherSpec Requires { get; init; } = MatcherSpec.Empty;

    /// <summary>`window` (conditional): how many sentences either side may hold what is required.</summary>
    public int Window { get; init; }

    /// <summary>`frontMatter` (required): keys whose presence satisfies the rule.</summary>
    public ImmutableArray<string> FrontMatterKeys { get; init; } = [];

    public int? Max { get; init; }

    public int? Min { get; init; }

    public ImmutableArray<RuleExample> Examples { get; init; } = [];

    /// <summary>`sources`, `cueKinds`, `cues`, `contentKinds` (attribution).</summary>
    public AttributionSelector Select { get; init; } = AttributionSelector.Any;

    /// <summary>`report` (attribution): which part of each attribution is reported.</summary>
    public AttributionPart Report { get; init; } = AttributionPart.Source;

    /// <summary>
    /// `unlessNamedWithin` (attribution): an unnamed group is not reported when a named person or body is
    /// the source of a statement within this many sentences after it ("Critics say …", then a named critic).
    /// </summary>
    public int? UnlessNamedWithin { get; init; }

    /// <summary>`when`: conditions that must all hold for a match to be reported.</summary>
    public ImmutableArray<RuleCondition> When { get; init; } = [];

    /// <summary>`unless`: conditions any one of which cancels a match.</summary>
    public ImmutableArray<RuleCondition> Unless { get; init; } = [];

    /// <summary>How many sentences either side of a match the rule looks at (its window, and how far its conditions reach).</summary>
    public int SentenceReach =>
        Math.Max(Window, Math.Max(UnlessNamedWithin ?? 0, When.Concat(Unless).Select(c => c switch
        {
            AttributionCondition a => a.Near.Sentences,
            WordsCondition w => w.Near.Sentences,
            _ => 0,
        }).DefaultIfEmpty(0).Max()));

    /// <summary>True when the rule asks the attribution layer: a voice that depends on it, an attribution kind or condition.</summary>
    public bool UsesAttributions =>
        Kind == RuleKind.Attribution || Voice is Voice.Reporter or Voice.Attributed || !When.IsEmpty || !Unless.IsEmpty;

    /// <summary>Where the rule was loaded from.</summary>
    public required RuleLocation Location { get; init; }

    /// <summary>The action the rule's file declares, as written (a Vale rule's <c>action</c>); null when none.</summary>
    public DeclaredAction? Action { get; init; }

    public DiagnosticDescriptor ToDescriptor() =>
        new(Id, Name, Title, Category, Severity, Message, Description)
        {
            Tags = Tags,
            HelpLink = Link,
            Action = Action,
            HasPage = Loading.RuleSetBuilder.IsEmbedded(Location.Path),
        };
}
