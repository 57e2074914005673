using System.Globalization;
using System.Text;
using System.Text.Json;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0, one run, ready for GitHub code scanning. Rule findings are results; DocLint's own problems
/// (DL0xxx) are notifications on the invocation: DL0001 a configuration notification, the rest execution
/// notifications. Paths are relative to %SRCROOT% (the report's root), declared in originalUriBaseIds.
/// </summary>
public static class SarifReporter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public const string SourceRoot = "%SRCROOT%";

    public const string FingerprintKey = "doclint/v1";

    /// <summary>Writes <paramref name="report"/> as one SARIF log (see <see cref="SarifLogWriter"/>, which a run that streams uses).</summary>
    public static void Write(TextWriter writer, Report report, SarifLimits? limits = null) =>
        Write(writer, report, new SarifOptions { Limits = limits ?? SarifLimits.GitHub });

    public static void Write(TextWriter writer, Report report, SarifOptions options)
    {
        var stream = new SarifLogWriter(options);
        try
        {
            stream.Add(report);
            stream.Write(writer, report, stream.Runs(report));
        }
        finally
        {
            stream.Release();
        }
    }

    /// <summary>The first folder of a path under the root ("." for a file at the root or outside it).</summary>
    internal static string TopFolder(Report report, string path) =>
        report.RelativeToRoot(path) is { } relative && relative.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? relative[..slash] : ".";

    /// <summary>Writes one SARIF log holding <paramref name="runs"/>; <paramref name="writeResults"/> writes each run's results.</summary>
    internal static void WriteLog(TextWriter writer, Report report, IReadOnlyList<SarifRun> runs, SarifLimits limits, Action<Utf8JsonWriter, SarifRun> writeResults)
    {
        JsonOutput.WriteTo(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                WriteRun(json, report, run, limits, writeResults);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteRun(Utf8JsonWriter json, Report report, SarifRun run, SarifLimits limits, Action<Utf8JsonWriter, SarifRun> writeResults)
    {
        json.WriteStartObject();
        WriteTool(json, report, limits);
        WriteInvocation(json, report, run.Notifications, run.Truncated, run.Results, limits);
        if (run.Category is { } category)
        {
            json.WriteStartObject("automationDetails");
            json.WriteString("id", category);
            json.WriteEndObject();
        }

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot);
        json.WriteString("uri", FolderUri(report.Root));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteStartArray("results");
        writeResults(json, run);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static bool IsEngine(Diagnostic d) => d.Id.StartsWith("DL0", StringComparison.Ordinal);

    private static void WriteTool(Utf8JsonWriter json, Report report, SarifLimits limits)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", report.ToolVersion);
        json.WriteString("semanticVersion", report.ToolVersion);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            WriteDescriptor(json, rule, limits);
        }

        json.WriteEndArray();
        json.WriteStartArray("notifications");
        foreach (var descriptor in EngineDiagnostics.All)
        {
            WriteDescriptor(json, descriptor, limits);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, DiagnosticDescriptor rule, SarifLimits limits)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        // SARIF asks for no name where it would repeat the id (a Vale rule's name is its id: Microsoft.Contractions).
        if (PascalName(rule.Name) is var name && name != rule.Id)
        {
            json.WriteString("name", name);
        }

        WriteText(json, "shortDescription", rule.Title);
        WriteText(json, "fullDescription", Shorten.To(FirstParagraph(rule.Description, rule.Title), limits.MaxDescriptionLength));
        json.WriteStartObject("help");
        json.WriteString("text", rule.Description.Length > 0 ? rule.Description : rule.Title);
        var helpUri = ToolInfo.HelpUri(rule);
        json.WriteString("markdown", $"**{rule.Title}** ({rule.Id})\n\n{rule.Description}" + (helpUri is null ? "" : $"\n\n[Documentation]({helpUri})"));
        json.WriteEndObject();
        if (helpUri is not null)
        {
            json.WriteString("helpUri", helpUri);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        if (rule.DefaultSeverity == DiagnosticSeverity.None)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags.Prepend(rule.Category.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, Report report, IReadOnlyList<Diagnostic> notifications, int truncated, int written, SarifLimits limits)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.ExecutionSuccessful);
        var configuration = notifications.Where(n => n.Id == EngineDiagnostics.InvalidRule.Id).ToList();
        var execution = notifications.Where(n => n.Id != EngineDiagnostics.InvalidRule.Id).ToList();
        if (configuration.Count > 0)
        {
            json.WriteStartArray("toolConfigurationNotifications");
            foreach (var n in configuration)
            {
                WriteNotification(json, report, n);
            }

            json.WriteEndArray();
        }

        if (execution.Count > 0 || truncated > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var n in execution)
            {
                WriteNotification(json, report, n);
            }

            if (truncated > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                WriteText(json, "message", string.Create(CultureInfo.InvariantCulture, $"Results were truncated: {written} of {written + truncated} were written (the most severe first), the most a code-scanning run accepts ({limits.MaxResults})."));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter json, Report report, Diagnostic n)
    {
        json.WriteStartObject();
        json.WriteString("level", Level(n.Severity));
        WriteText(json, "message", n.Message);
        json.WriteStartObject("descriptor");
        json.WriteString("id", n.Id);
        json.WriteNumber("index", EngineDiagnostics.All.ToList().FindIndex(d => d.Id == n.Id));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        WriteLocation(json, report, n, region: true);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteResult(Utf8JsonWriter json, Report report, Diagnostic d, int index, bool withSuppressions)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(d.Severity));
        WriteText(json, "message", d.Message);
        json.WriteStartArray("locations");
        WriteLocation(json, report, d, region: true);
        json.WriteEndArray();
        if (d.Baseline != BaselineState.None)
        {
            json.WriteString("baselineState", d.Baseline == BaselineState.New ? "new" : "unchanged");
        }

        if (d.Fingerprint is { } fingerprint)
        {
            json.WriteStartObject("partialFingerprints");
            json.WriteString(FingerprintKey, fingerprint);
            json.WriteEndObject();
        }

        if (d.Fix is { } fix)
        {
            json.WriteStartArray("fixes");
            json.WriteStartObject();
            WriteText(json, "description", $"Replace '{d.Snippet}' with '{fix.NewText}'");
            json.WriteStartArray("artifactChanges");
            json.WriteStartObject();
            WriteArtifact(json, report, d.Path);
            json.WriteStartArray("replacements");
            json.WriteStartObject();
            json.WriteStartObject("deletedRegion");
            WriteRegionFields(json, d);
            json.WriteEndObject();
            WriteText(json, "insertedContent", fix.NewText);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (withSuppressions)
        {
            json.WriteStartArray("suppressions");
            if (d.IsSuppressed)
            {
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Report report, Diagnostic d, bool region)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, report, d.Path);
        if (region)
        {
            json.WriteStartObject("region");
            WriteRegionFields(json, d);
            if (d.Snippet is { } snippet)
            {
                WriteText(json, "snippet", snippet);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRegionFields(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteNumber("startLine", d.LineSpan.Start.Line + 1);
        json.WriteNumber("startColumn", d.LineSpan.Start.Character + 1);
        json.WriteNumber("endLine", d.LineSpan.End.Line + 1);
        json.WriteNumber("endColumn", d.LineSpan.End.Character + 1);
        json.WriteNumber("charOffset", d.Span.Start);
        json.WriteNumber("charLength", d.Span.Length);
    }

    private static void WriteArtifact(Utf8JsonWriter json, Report report, string path)
    {
        json.WriteStartObject("artifactLocation");
        if (report.RelativeToRoot(path) is { } relative)
        {
            json.WriteString("uri", EscapeRelative(relative));
            json.WriteString("uriBaseId", SourceRoot);
        }
        else
        {
            json.WriteString("uri", Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : EscapeRelative(path.Replace('\\', '/')));
        }

        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>A folder as a file URI ending in '/', as originalUriBaseIds requires.</summary>
    public static string FolderUri(string folder)
    {
        var uri = new Uri(Path.GetFullPath(folder)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>Percent-escapes each segment of a relative path, keeping '/'.</summary>
    public static string EscapeRelative(string relative) =>
        string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));

    /// <summary>"loaded-term" → "LoadedTerm": SARIF tools expect rule names as identifiers.</summary>
    public static string PascalName(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        foreach (var part in kebab.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return builder.ToString();
    }

    private static string FirstParagraph(string description, string fallback)
    {
        var text = description.Trim();
        if (text.Length == 0)
        {
            return fallback;
        }

        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).ReplaceLineEndings(" ");
    }

}

/// <summary>The limits GitHub code scanning enforces on an uploaded run and file.</summary>
public sealed record SarifLimits(int MaxResults, int MaxDescriptionLength, int MaxRunsPerFile = 20)
{
    public static SarifLimits GitHub { get; } = new(25_000, 1_024);
}

/// <summary>How a report becomes SARIF runs.</summary>
public sealed record SarifOptions
{
    public SarifLimits Limits { get; init; } = SarifLimits.GitHub;

    /// <summary>Leave out suppressed findings (code scanning shows an uploaded suppressed result as open).</summary>
    public bool OmitSuppressed { get; init; }

    /// <summary>One run per top-level folder, each with its own category, so each stays under the result limit.</summary>
    public bool SplitByFolder { get; init; }
}

/// <summary>One SARIF run: its category, how many results it holds (capped) and how many were left out.</summary>
public sealed record SarifRun(string? Category, int Results, int Truncated)
{
    /// <summary>The run's results and notifications as they came.</summary>
    internal SarifLogWriter.RunSpool? Spool { get; init; }

    /// <summary>How many results of each severity (<see cref="DiagnosticSeverity"/> as a number) the run keeps: the first ones of each.</summary>
    internal int[] Kept { get; init; } = [];

    internal IReadOnlyList<Diagnostic> Notifications => Spool?.Notifications ?? [];
}
