using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Configuration;

/// <summary>A problem in a configuration file, at a zero-based line and column.</summary>
/// <remarks>A file that could not be read at all (<see cref="Descriptor"/> DL0002) is not a problem of its content (DL0001).</remarks>
public sealed record ConfigProblem(string Path, int Line, int Column, string Message, DiagnosticSeverity Severity, DiagnosticDescriptor? Descriptor = null)
{
    public Diagnostic ToDiagnostic() => new()
    {
        Descriptor = Descriptor ?? EngineDiagnostics.InvalidRule,
        Severity = Severity,
        Message = Message,
        Path = Path,
        Span = new TextSpan(0, 0),
        LineSpan = new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(Line, Column)),
    };
}
