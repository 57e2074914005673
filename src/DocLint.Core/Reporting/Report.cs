using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Reporting;

/// <summary>Everything a reporter may show about one run. Diagnostic paths are full paths (or "&lt;stdin&gt;").</summary>
public sealed record Report
{
    /// <summary>Every diagnostic in output order: rule findings, DL0xxx problems, silent and suppressed ones.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>The loaded rules, sorted by id (SARIF's tool.driver.rules).</summary>
    public required ImmutableArray<DiagnosticDescriptor> Rules { get; init; }

    public int FileCount { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The folder that paths are relative to: SARIF's %SRCROOT%, GitHub's file=, --relative-paths.</summary>
    public required string Root { get; init; }

    /// <summary>How text formats print a path.</summary>
    public Func<string, string> DisplayPath { get; init; } = p => p;

    /// <summary>Source texts by full path, where they were kept (for the pretty view).</summary>
    public IReadOnlyDictionary<string, SourceText> Sources { get; init; } = new Dictionary<string, SourceText>();

    /// <summary>False when rules failed to load or DocLint failed on a file.</summary>
    public bool ExecutionSuccessful { get; init; } = true;

    /// <summary>SARIF runAutomationDetails.id, set with --sarif-category.</summary>
    public string? Category { get; init; }

    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>Findings shown to people: not suppressed, not silent, not already in the baseline.</summary>
    public IEnumerable<Diagnostic> Shown => Diagnostics.Where(IsShown);

    public static bool IsShown(Diagnostic d) =>
        !d.IsSuppressed && d.Baseline != BaselineState.Unchanged && d.Severity >= DiagnosticSeverity.Suggestion;

    /// <summary>How many baselined findings are gone (fixed) in this run, when a baseline was used.</summary>
    public int BaselineFixed { get; init; }

    /// <summary>A path relative to <see cref="Root"/> with '/' separators, or null when it lies outside.</summary>
    public string? RelativeToRoot(string path)
    {
        if (path.StartsWith('<'))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
    }
}

/// <summary>The tool's identity, as reported in machine formats.</summary>
public static class ToolInfo
{
    public const string Name = "DocLint";

    public const string InformationUri = "https://github.com/doclint/doclint";

    /// <summary>Where rule documentation lives: docs/rules/ID.md in the repository.</summary>
    public const string HelpBaseUri = InformationUri + "/blob/main/";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>The rule's help page: its own `link`, or its page in DocLint's documentation; null when it has neither.</summary>
    public static string? HelpUri(DiagnosticDescriptor descriptor) => descriptor.HelpLink ?? (descriptor.HasPage ? HelpBaseUri + descriptor.HelpPath : null);
}
