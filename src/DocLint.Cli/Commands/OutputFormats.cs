using System.Globalization;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.GitHub;
using DocLint.Core.Reporting.Json;
using DocLint.Core.Reporting.Reviewdog;
using DocLint.Core.Reporting.Sarif;
using DocLint.Core.Reporting.Text;

namespace DocLint.Cli.Commands;

/// <summary>The output formats by name, how the default is chosen, and which of them stream.</summary>
internal static class OutputFormats
{
    public const string MsBuild = "msbuild";
    public const string Pretty = "pretty";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";
    public const string RdJsonLines = "rdjsonl";

    /// <summary>Vale's <c>--output=line</c>: <c>path:line:col:Rule:message</c>.</summary>
    public const string Line = "line";

    /// <summary>Vale's <c>--output=JSON</c>: alerts by path, for editors and scripts that read Vale's JSON.</summary>
    public const string ValeJson = "vale-json";

    public static string[] Names { get; } = [MsBuild, Pretty, Json, Sarif, GitHub, RdJsonLines, Line, ValeJson];

    /// <summary>Formats that show a finding's fix (the others show its message and suggestions only).</summary>
    public static bool ShowsFixes(string format) => format is Json or Sarif or RdJsonLines or ValeJson;

    /// <summary>Formats that write a finding's fingerprint (a baseline reads them too).</summary>
    public static bool ShowsFingerprints(string format) => format is Json or Sarif;

    /// <summary>Formats written finding by finding, so they can be printed file by file as a run goes on.</summary>
    public static bool Streams(string format) => format is MsBuild or Pretty or GitHub or RdJsonLines or Line or Json or Sarif;

    /// <summary>
    /// With no --format: GitHub annotations plus the msbuild log inside GitHub Actions; pretty on a terminal;
    /// msbuild otherwise (pipes, files, CI logs).
    /// </summary>
    public static string[] Choose(string? requested, CliContext context)
    {
        if (requested is not null)
        {
            return [requested];
        }

        if (context.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            return [GitHub, MsBuild];
        }

        return context.IsOutputRedirected || context.GetEnvironmentVariable("TERM") == "dumb" ? [MsBuild] : [Pretty];
    }

    /// <summary>Opens a file for a format, creating its folder; UTF-8 without a byte order mark, '\n' line ends.</summary>
    public static StreamWriter OpenFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
    }
}

/// <summary>
/// One destination of a run's output: a format and where it goes. Streaming formats write each file's
/// findings as they come (<see cref="WriteFile"/>); JSON writes them as they come too and ends with the run's
/// summary at <see cref="Complete"/>; SARIF turns them into JSON as they come and puts the log together at
/// <see cref="Complete"/> (a run's header counts what it left out); Vale's JSON writes once, at
/// <see cref="Complete"/>. A run that does not stream calls <see cref="WriteFile"/> once with everything.
/// </summary>
internal sealed class OutputTarget(string format, TextWriter writer, bool ownsWriter, bool color, SarifOptions sarif) : IDisposable
{
    private readonly GitHubAnnotations? _annotations = format == OutputFormats.GitHub ? new GitHubAnnotations() : null;

    private readonly JsonReporter.JsonReportWriter? _json = format == OutputFormats.Json ? new JsonReporter.JsonReportWriter(writer) : null;

    private readonly SarifLogWriter? _sarif = format == OutputFormats.Sarif ? new SarifLogWriter(sarif) : null;

    /// <summary>The lines of the file being written, kept for the next one unless a file's findings made it large.</summary>
    private StringWriter? _lines;

    private const int MaxKeptBuffer = 1 << 20;

    public string Format { get; } = format;

    /// <summary>The file written, or null for standard output.</summary>
    public string? FilePath { get; init; }

    public bool IsFile => FilePath is not null;

    /// <summary>Where the line format writes configuration errors (standard error), so that its output holds findings only.</summary>
    public TextWriter? ConfigurationErrors { get; init; }

    /// <summary>The runs written by the SARIF format, for the run summary.</summary>
    public IReadOnlyList<SarifRun> SarifRuns { get; private set; } = [];

    public void WriteFile(Report part)
    {
        // A part's lines are gathered and written at once, since standard output flushes every write; they are
        // written in the buffer's chunks, so a file with many findings makes no large string.
        // The buffer is kept for the next file (files are written one at a time, in order).
        var lines = _lines ??= new StringWriter(CultureInfo.InvariantCulture) { NewLine = writer.NewLine };
        lines.GetStringBuilder().Clear();
        switch (Format)
        {
            case OutputFormats.MsBuild:
                MsBuildFormatter.Write(lines, part.Diagnostics, part.DisplayPath);
                break;
            case OutputFormats.Pretty:
                new PrettyReporter(color).Write(lines, part);
                break;
            case OutputFormats.RdJsonLines:
                RdJsonLinesReporter.Write(lines, part);
                break;
            case OutputFormats.Line:
                LineFormatter.Write(lines, part, ConfigurationErrors);
                break;
            case OutputFormats.GitHub:
                _annotations!.Write(lines, part);
                break;
            case OutputFormats.Json:
                _json!.Add(part);
                return;
            case OutputFormats.Sarif:
                _sarif!.Add(part);
                return;
            default:
                return;
        }

        foreach (var chunk in lines.GetStringBuilder().GetChunks())
        {
            writer.Write(chunk.Span);
        }

        if (lines.GetStringBuilder().Capacity > MaxKeptBuffer)
        {
            _lines = null;
        }

        writer.Flush();
    }

    public void Complete(Report whole)
    {
        switch (Format)
        {
            case OutputFormats.Json:
                _json!.Complete(whole);
                break;
            case OutputFormats.ValeJson:
                ValeJsonReporter.Write(writer, whole, ConfigurationErrors);
                break;
            case OutputFormats.Sarif:
                SarifRuns = _sarif!.Runs(whole);
                WriteSarif(whole);
                _sarif.Release();
                break;
            case OutputFormats.GitHub:
                _annotations!.Complete(writer);
                break;
            default:
                break;
        }

        writer.Flush();
    }

    /// <summary>
    /// One SARIF log, or for a file and more runs than code scanning takes in one (20), the first 20 runs in it
    /// and the next ones in NAME.2.sarif, NAME.3.sarif, … beside it (upload-sarif takes the folder).
    /// </summary>
    private void WriteSarif(Report whole)
    {
        var perFile = sarif.Limits.MaxRunsPerFile;
        if (FilePath is null || SarifRuns.Count <= perFile)
        {
            _sarif!.Write(writer, whole, SarifRuns);
            return;
        }

        var chunks = SarifRuns.Chunk(perFile).ToList();
        _sarif!.Write(writer, whole, chunks[0]);
        var folder = Path.GetDirectoryName(FilePath)!;
        var stem = Path.GetFileNameWithoutExtension(FilePath);
        var extension = Path.GetExtension(FilePath);
        for (var i = 1; i < chunks.Count; i++)
        {
            using var next = OutputFormats.OpenFile(Path.Combine(folder, $"{stem}.{i + 1}{extension}"));
            _sarif.Write(next, whole, chunks[i]);
        }

        ExtraFiles = chunks.Count - 1;
    }

    /// <summary>How many more SARIF files were written beside <see cref="FilePath"/>.</summary>
    public int ExtraFiles { get; private set; }

    public void Dispose()
    {
        if (ownsWriter)
        {
            writer.Dispose();
        }
    }
}
