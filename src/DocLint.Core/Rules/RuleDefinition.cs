using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Rules;

public enum RuleKind
{
    Existence,
    Substitution,
    Conditional,
    Required,
    Occurrence,
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
    /// <summary>Outside direct quotations: the writer's own words.</summary>
    Reporter,

    /// <summary>Inside direct quotations: a speaker's words.</summary>
    Quoted,

    Any,
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
public sealed record SwapEntry(string Term, ImmutableArray<string> Suggestions);

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

    /// <summary>Where the rule was loaded from.</summary>
    public required RuleLocation Location { get; init; }

    public DiagnosticDescriptor ToDescriptor() =>
        new(Id, Name, Title, Category, Severity, Message, Description) { Tags = Tags };
}
