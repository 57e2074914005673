using System.Collections.Immutable;

namespace DocLint.Core.Diagnostics;

/// <summary>What a diagnostic is, independent of where it was found: one per rule (or engine check).</summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Name,
    string Title,
    string Category,
    DiagnosticSeverity DefaultSeverity,
    string MessageFormat,
    string Description)
{
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The rule's own help page (a rule file's `link`); null for the page in DocLint's documentation.</summary>
    public string? HelpLink { get; init; }

    /// <summary>
    /// The action the rule's file declares, as written (a Vale rule's <c>action</c>: <c>suggest</c> with
    /// <c>spellings</c>, <c>replace</c>, <c>remove</c>, <c>edit</c>…); null when the rule declares none. Reporters that
    /// speak Vale's formats show it as Vale does.
    /// </summary>
    public DeclaredAction? Action { get; init; }

    /// <summary>
    /// True when DocLint's documentation has a page for the rule (<see cref="HelpPath"/>): its built-in packs and its
    /// own checks. A rule from a user's folder or a Vale style has none, and no help link unless its file gives one.
    /// </summary>
    public bool HasPage { get; init; } = true;

    /// <summary>Where the rule's documentation lives, relative to the repository (docs/rules/ID.md).</summary>
    public string HelpPath => $"docs/rules/{Id}.md";
}

/// <summary>An action as a rule file declares it: its name and parameters.</summary>
public sealed record DeclaredAction(string Name, ImmutableArray<string> Params);
