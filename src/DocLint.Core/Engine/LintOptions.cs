namespace DocLint.Core.Engine;

/// <summary>How a run behaves; the defaults suit the command line.</summary>
public sealed record LintOptions
{
    /// <summary>How many files are linted at once; 0 means one per processor.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>Files larger than this are skipped with DL0002 rather than read into memory.</summary>
    public long MaxFileBytes { get; init; } = Limits.MaxFileBytes;

    /// <summary>Readers by file extension (".mdx" → "markdown"), over the built-in choice.</summary>
    public IReadOnlyDictionary<string, string> Readers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severities per file from doclint.yaml and .editorconfig; null: every rule at its default.</summary>
    public Configuration.ConfigurationSet? Configuration { get; init; }

    /// <summary>Keep each file's text in the result, for reporters that show source lines.</summary>
    public bool KeepSources { get; init; }

    /// <summary>
    /// Whether each fix is tried on its paragraph and dropped when the fixed text would be reported again
    /// (<see cref="FixCheck"/>). On by default; off only for a run whose outputs show no fix (Vale's line format,
    /// msbuild, pretty, GitHub annotations without <c>--fix</c>), where the check could change nothing shown.
    /// </summary>
    public bool CheckFixes { get; init; } = true;

    /// <summary>
    /// Whether each finding carries its fingerprint (<see cref="Diagnostics.DiagnosticFingerprint"/>), which baselines,
    /// SARIF, JSON and the language server read. On by default; off only for a run whose outputs read none (Vale's
    /// line format, msbuild, pretty, GitHub annotations, reviewdog, with no baseline), where hashing each finding's
    /// sentence would change nothing shown.
    /// </summary>
    public bool Fingerprints { get; init; } = true;

    /// <summary>
    /// A plain-text file larger than this is linted a part of about this size at a time, so memory stays
    /// near the part's size whatever the file's (findings are the same as when it is read whole).
    /// </summary>
    public long PartBytes { get; init; } = Limits.PartBytes;

    /// <summary>A paragraph (no blank line) longer than this is cut at a line break, a sentence end or a space (<see cref="Limits.MaxParagraphBytes"/>).</summary>
    public long MaxParagraphBytes { get; init; } = Limits.MaxParagraphBytes;

    /// <summary>A file that must be read whole (see <see cref="Limits.MaxWholeFileBytes"/>) larger than this is skipped with DL0002.</summary>
    public long MaxWholeFileBytes { get; init; } = Limits.MaxWholeFileBytes;

    /// <summary>Where the lint time goes, rule by rule (<c>--stats</c>); null: nothing is timed.</summary>
    public RuleTimings? Timings { get; init; }
}

/// <summary>
/// Limits against pathological input, in one place. Each is reported as a diagnostic on the file it concerns
/// (DL0001 for configuration and rule files, DL0002 for documents, DL0004 for patterns) and the run goes on;
/// docs/configuration.md lists them.
/// </summary>
public static class Limits
{
    /// <summary>1 GiB: a .NET string holds at most about 1 G characters.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>
    /// 1 MiB: parts of large plain-text files (a news article is about 6 KB). Smaller parts keep
    /// less in flight while parts run in parallel (a part's text and prose view are two UTF-16 copies of it),
    /// and their margins (a sixty-fourth on either side) are read twice whatever the part's size.
    /// </summary>
    public const long PartBytes = 1L << 20;

    /// <summary>
    /// 64 MiB: a Markdown or HTML file (or standard input read as one) is parsed whole, and its parser needs
    /// several times its size; a larger one is skipped with DL0002. Plain text has no such limit: it is read in parts.
    /// </summary>
    public const long MaxWholeFileBytes = 64L << 20;

    /// <summary>
    /// 8 MiB: a part is cut at a blank line; where there is none for this long, at a line break, else a
    /// sentence end, else a space, so that memory stays bounded whatever the file (findings next to such a cut
    /// may differ from a whole read: a paragraph or sentence is split there).
    /// </summary>
    public const long MaxParagraphBytes = 8L << 20;

    /// <summary>How deep collections may nest in YAML (front matter, rule files, doclint.yaml): deeper is rejected before it is parsed.</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>How many nodes a YAML text may stand for once its aliases are expanded (an alias bomb stands for billions).</summary>
    public const long MaxYamlNodes = 100_000;

    /// <summary>A YAML text (front matter, rule file, doclint.yaml) larger than this is rejected before it is parsed.</summary>
    public const int MaxYamlBytes = 4 << 20;

    /// <summary>The backtracking regex engine's time on one file, summed over every search of every rule; past it the rest are skipped with DL0004.</summary>
    public static readonly TimeSpan BacktrackingPerFile = TimeSpan.FromSeconds(3);

    /// <summary>The backtracking regex engine's time over a whole run; past it backtracking patterns are skipped with DL0004 in the files left.</summary>
    public static readonly TimeSpan BacktrackingPerRun = TimeSpan.FromSeconds(30);

    /// <summary>How many characters of the sentence around a finding its fingerprint hashes, on either side of the match.</summary>
    public const int FingerprintContext = 512;

    /// <summary>How many characters of the matched text itself a fingerprint hashes.</summary>
    public const int FingerprintMatch = 1024;

    /// <summary>An ignore file (.doclintignore, .gitignore) larger than this is not read.</summary>
    public const int MaxIgnoreFileBytes = 1 << 20;

    /// <summary>A baseline file larger than this is refused (exit 2).</summary>
    public const long MaxBaselineBytes = 1L << 30;

    /// <summary>A Markdown paragraph with more '[' than this has its links read as text (Markdig's link parsing is quadratic in them).</summary>
    public const int MaxBracketsPerParagraph = 2_000;

    /// <summary>
    /// A Markdown line with more '|' than this is no table row: its block's tables are read as text. Markdig makes several
    /// objects for each cell, about 2 KB of memory a cell; a table is never this wide.
    /// </summary>
    public const int MaxPipesPerLine = 1_000;

    /// <summary>A Markdown block (lines between blank lines) with more '|' than this has its tables read as text: 100,000 cells take about 100 MB.</summary>
    public const int MaxPipesPerBlock = 100_000;

    /// <summary>
    /// How deep a Markdown file's quotes and lists may nest (as counted before parsing, never below the real depth); a
    /// file past it is read as plain text. Markdig refuses past 128 levels, after work that grows with the cube of the depth.
    /// </summary>
    public const int MaxMarkdownNesting = 100;

    /// <summary>The sum over a Markdown file's paragraphs of their '[' count squared; past it, further paragraphs with many '[' have their links read as text.</summary>
    public const long MaxBracketWork = 50_000_000;

    /// <summary>A glob (in doclint.yaml or .editorconfig) longer than this is refused.</summary>
    public const int MaxGlobLength = 1024;

    /// <summary>A temporary file of an interrupted fix is swept by the next run once its process is gone, or when it is older than this.</summary>
    public static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    /// <summary>Standard input over this size is spooled to a temporary file and linted from there, a part at a time.</summary>
    public const long StdinInMemoryBytes = PartBytes;
}
