namespace DocLint.Cli;

/// <summary>What the process exit code means; a CI gate can rely on these.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the fail level.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>The command line or the configuration (rules included) is wrong; nothing was linted.</summary>
    public const int UsageOrConfigError = 2;

    /// <summary>DocLint itself failed.</summary>
    public const int InternalError = 3;
}
