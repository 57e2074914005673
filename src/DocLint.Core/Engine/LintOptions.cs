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
    /// A plain-text file larger than this is linted a part of about this size at a time, so memory stays
    /// near the part's size whatever the file's (findings are the same as when it is read whole).
    /// </summary>
    public long PartBytes { get; init; } = Limits.PartBytes;
}

/// <summary>Limits against pathological input, in one place.</summary>
public static class Limits
{
    /// <summary>1 GiB: a .NET string holds at most about 1 G characters.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>4 MiB: parts of large plain-text files; a news article is about a thousandth of it.</summary>
    public const long PartBytes = 4L << 20;
}
