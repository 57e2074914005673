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

    /// <summary>Where the rule's documentation lives, relative to the repository (docs/rules/ID.md).</summary>
    public string HelpPath => $"docs/rules/{Id}.md";
}
