using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Documents;

public enum DirectiveKind
{
    /// <summary><c>doclint-disable</c>: off from here on.</summary>
    Disable,

    /// <summary><c>doclint-restore</c> (or <c>doclint-enable</c>): back to the configured state from here on.</summary>
    Restore,

    /// <summary><c>doclint-disable-next-line</c>.</summary>
    DisableNextLine,

    /// <summary><c>doclint-disable-line</c>.</summary>
    DisableLine,
}

/// <summary>An inline suppression directive: its kind, the rule ids it names (none = all rules), and where it is.</summary>
public sealed record Directive(DirectiveKind Kind, ImmutableArray<string> RuleIds, TextSpan Span);
