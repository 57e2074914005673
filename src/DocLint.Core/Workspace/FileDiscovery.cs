using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DocLint.Core.Workspace;

/// <summary>The files a run will lint, and the problems met finding them.</summary>
public sealed record DiscoveredFiles(ImmutableArray<string> Files, ImmutableArray<Diagnostic> Problems);

/// <summary>
/// Expands what the user named into files: a file is linted whatever its extension; a directory is walked
/// recursively for the document extensions, skipping .git, node_modules, bin and obj; a glob ("docs/**/*.md")
/// is matched below its fixed leading folders, and keeps only documents unless its last segment names an
/// extension ("*.log"). Files and folders that ignore files (<see cref="IgnoreFiles"/>) leave out are skipped
/// when walking or matching, never when named. Each file is listed once, in ordinal order.
/// </summary>
public static partial class FileDiscovery
{
    public static IReadOnlyList<string> DocumentExtensions { get; } = [".txt", ".md", ".markdown", ".mdx", ".html", ".htm"];

    public static IReadOnlyList<string> IgnoredDirectories { get; } = [".git", "node_modules", "bin", "obj"];

    /// <summary>Expands <paramref name="inputs"/>, resolved against <paramref name="baseDirectory"/> but kept as given.</summary>
    public static DiscoveredFiles Expand(IEnumerable<string> inputs, string baseDirectory, IgnoreFiles? ignore = null, Func<string, bool>? alsoDocument = null)
    {
        AlsoDocument.Value = alsoDocument;
        ignore ??= new IgnoreFiles(gitIgnore: false);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input, baseDirectory);
            if (File.Exists(full))
            {
                files.Add(input);
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full, ignore))
                {
                    var relative = Path.GetRelativePath(full, file);
                    files.Add(input is "." or "./" ? relative : Path.Join(input, relative));
                }
            }
            else if (IsGlob(input))
            {
                var before = files.Count;
                foreach (var file in MatchGlob(input, baseDirectory).Where(f => !ignore.IsIgnoredBelow(baseDirectory, Path.GetFullPath(f, baseDirectory))))
                {
                    files.Add(file);
                }

                if (files.Count == before)
                {
                    problems.Add(Problem(input, DiagnosticSeverity.Warning, $"no files match '{input}'"));
                }
            }
            else
            {
                problems.Add(Problem(input, DiagnosticSeverity.Error, "cannot read file: file not found"));
            }
        }

        return new DiscoveredFiles([.. files], problems.ToImmutable());
    }

    public static bool IsDocument(string path) =>
        DocumentExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) || (AlsoDocument.Value?.Invoke(path) ?? false);

    /// <summary>What else a folder walk takes as a document in the current expansion (the files a .vale.ini's sections name).</summary>
    private static readonly AsyncLocal<Func<string, bool>?> AlsoDocument = new();

    private static IEnumerable<string> Walk(string directory, IgnoreFiles ignore)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, "*", options))
            {
                if (IsDocument(file) && !ignore.IsIgnored(file, isFolder: false))
                {
                    yield return file;
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(current, "*", options))
            {
                if (!IgnoredDirectories.Contains(Path.GetFileName(sub), StringComparer.Ordinal) && !ignore.IsIgnored(sub, isFolder: true))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static bool IsGlob(string input) => input.AsSpan().IndexOfAny("*?[{") >= 0;

    private static IEnumerable<string> MatchGlob(string input, string baseDirectory)
    {
        // Split into the fixed folder part and the pattern part: "docs/**/*.md" → "docs", "**/*.md".
        var normalized = input.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !IsGlob(segments[fixedCount]))
        {
            fixedCount++;
        }

        var root = string.Join('/', segments.Take(fixedCount));
        var pattern = string.Join('/', segments.Skip(fixedCount));
        var rootFull = Path.GetFullPath(root.Length == 0 ? "." : root, baseDirectory);
        if (!Directory.Exists(rootFull))
        {
            yield break;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        foreach (var ignored in IgnoredDirectories)
        {
            matcher.AddExclude($"**/{ignored}/**");
        }

        // "docs/*" means the documents there, as a folder would; "logs/*.log" names its files itself.
        var namesExtension = ExtensionInPattern().IsMatch(segments[^1]);
        foreach (var relative in matcher.GetResultsInFullPath(rootFull).Where(f => namesExtension || IsDocument(f)).Select(f => Path.GetRelativePath(rootFull, f)).Order(StringComparer.Ordinal))
        {
            yield return root.Length == 0 ? relative : Path.Join(root, relative);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.[A-Za-z0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex ExtensionInPattern();

    private static Diagnostic Problem(string path, DiagnosticSeverity severity, string message) => new()
    {
        Descriptor = EngineDiagnostics.UnreadableInput,
        Severity = severity,
        Message = message,
        Path = path,
        Span = new TextSpan(0, 0),
        LineSpan = default,
    };
}
