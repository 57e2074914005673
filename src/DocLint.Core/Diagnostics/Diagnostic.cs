using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Diagnostics;

/// <summary>A replacement of <see cref="Span"/> in the source by <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>One finding at one place in one file.</summary>
public sealed record Diagnostic
{
    public required DiagnosticDescriptor Descriptor { get; init; }

    public string Id => Descriptor.Id;

    /// <summary>The effective severity (after configuration), not necessarily the rule's default.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The path as the user gave it, or as found below a directory they gave.</summary>
    public required string Path { get; init; }

    public required TextSpan Span { get; init; }

    public required LinePositionSpan LineSpan { get; init; }

    /// <summary>The source text under <see cref="Span"/>, or null where the diagnostic is not about text.</summary>
    public string? MatchedText { get; init; }

    public ImmutableArray<string> Suggestions { get; init; } = [];

    /// <summary>The suggested fix, when the rule can make one.</summary>
    public TextEdit? Fix { get; init; }

    /// <summary>Suppressed diagnostics are kept (SARIF lists them) but hidden from text output.</summary>
    public bool IsSuppressed { get; init; }
}
