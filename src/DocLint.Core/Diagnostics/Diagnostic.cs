using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Diagnostics;

/// <summary>A replacement of <see cref="Span"/> in the source by <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>How a finding compares with a baseline (SARIF's baselineState); None when no baseline is used.</summary>
public enum BaselineState
{
    None,
    New,
    Unchanged,
}

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

    /// <summary>The words the rule matched, or null where the finding is not about words (a missing licence).</summary>
    public string? MatchedText { get; init; }

    /// <summary>The source text under <see cref="Span"/> (SARIF's region snippet), or null for an empty span.</summary>
    public string? Snippet { get; init; }

    /// <summary>
    /// A stable identity that survives edits elsewhere in the file: a hash of the rule id, the normalised
    /// matched text and its sentence, then ':' and the occurrence number of that hash in the file.
    /// </summary>
    public string? Fingerprint { get; init; }

    public ImmutableArray<string> Suggestions { get; init; } = [];

    /// <summary>The suggested fix, when the rule can make one.</summary>
    public TextEdit? Fix { get; init; }

    /// <summary>Suppressed diagnostics are kept (SARIF lists them) but hidden from text output.</summary>
    public bool IsSuppressed { get; init; }

    /// <summary>Unchanged findings (in the baseline) are kept for SARIF but hidden from text output and the exit code.</summary>
    public BaselineState Baseline { get; init; }
}
