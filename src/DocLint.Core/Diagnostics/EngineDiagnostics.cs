namespace DocLint.Core.Diagnostics;

/// <summary>DL0xxx: problems of the engine itself, reported with a location instead of thrown.</summary>
public static class EngineDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidRule = new(
        "DL0001",
        "invalid-rule",
        "Invalid rule or configuration file",
        "Engine",
        DiagnosticSeverity.Error,
        "{0}",
        "A rule file could not be loaded (bad YAML, an unknown key or kind, a missing required key, a duplicate id, "
        + "an invalid regular expression, or an example that does not produce what it marks), or a configuration file "
        + "(doclint.yaml, .editorconfig) holds an unknown key, a bad glob, an invalid severity or an unknown rule id. "
        + "Errors stop the run before anything is linted; an invalid .editorconfig value is a warning.");

    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "DL0002",
        "unreadable-input",
        "Unreadable input",
        "Engine",
        DiagnosticSeverity.Warning,
        "{0}",
        "A file could not be linted as it is: it is binary, holds bytes that are not valid in its encoding, "
        + "is too large, is not a regular file (a named pipe, socket or device is never opened), passes a limit "
        + "(front matter nested too deep or an alias bomb, a Markdown paragraph with too many links), could not be "
        + "fixed safely (it changed while fixing, it has several hard links, its owner could not be kept), or could "
        + "not be read. The rest of the run goes on.");

    public static readonly DiagnosticDescriptor UnknownRuleInDirective = new(
        "DL0003",
        "unknown-rule-in-directive",
        "Unknown rule in directive",
        "Engine",
        DiagnosticSeverity.Warning,
        "{0}",
        "An inline directive names a rule id that no loaded rule has.");

    public static readonly DiagnosticDescriptor RegexTimeout = new(
        "DL0004",
        "regex-timeout",
        "Regular expression timed out",
        "Engine",
        DiagnosticSeverity.Warning,
        "{0}",
        "A rule's regular expression took longer than its time limit on this file, or the backtracking engine "
        + "spent its budget for the file (3 s over every search) or the run (30 s), so the rule was skipped for "
        + "the file. Rewrite the pattern so that the NonBacktracking engine can run it.");

    public static readonly DiagnosticDescriptor InternalError = new(
        "DL0005",
        "internal-error",
        "Internal error",
        "Engine",
        DiagnosticSeverity.Error,
        "{0}",
        "DocLint failed while linting this file. This is a bug; please report it with the file if you can. When one rule "
        + "failed (the message names it), only that rule was skipped for the file and the other rules' findings are "
        + "reported; any other failure loses the file's findings. Either way the run exits with code 3.");

    /// <summary>True for DL0004 and DL0005: a rule was skipped for the file (it timed out or failed), so its findings there are missing.</summary>
    public static bool SkipsARule(Diagnostic diagnostic) => diagnostic.Id == RegexTimeout.Id || diagnostic.Id == InternalError.Id;

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [InvalidRule, UnreadableInput, UnknownRuleInDirective, RegexTimeout, InternalError];
}
