namespace DocLint.Core.Diagnostics;

/// <summary>Severities in Roslyn's words, ordered so that a higher value is more severe.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The rule is off: nothing is reported.</summary>
    None = 0,

    /// <summary>Reported to machine formats only; never shown in text output nor counted.</summary>
    Silent = 1,

    /// <summary>Shown as "info".</summary>
    Suggestion = 2,

    Warning = 3,

    Error = 4,
}

public static class DiagnosticSeverityNames
{
    /// <summary>The configuration word: error, warning, suggestion, silent, none.</summary>
    public static string ToConfigName(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Suggestion => "suggestion",
        DiagnosticSeverity.Silent => "silent",
        _ => "none",
    };

    public static bool TryParse(string? text, out DiagnosticSeverity severity)
    {
        switch (text)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion" or "info": severity = DiagnosticSeverity.Suggestion; return true;
            case "silent" or "hidden": severity = DiagnosticSeverity.Silent; return true;
            case "none": severity = DiagnosticSeverity.None; return true;
            default: severity = DiagnosticSeverity.None; return false;
        }
    }

    public const string ConfigWords = "error, warning, suggestion, silent, none";
}
