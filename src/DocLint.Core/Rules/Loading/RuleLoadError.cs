using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Loading;

/// <summary>A problem with a rule file, at a place in it.</summary>
public sealed record RuleLoadError(RuleLocation Location, string Message)
{
    public Diagnostic ToDiagnostic() => new()
    {
        Descriptor = EngineDiagnostics.InvalidRule,
        Severity = DiagnosticSeverity.Error,
        Message = Message,
        Path = Location.Path,
        Span = new TextSpan(Location.Offset, 0),
        LineSpan = new LinePositionSpan(Location.Position, Location.Position),
    };
}
