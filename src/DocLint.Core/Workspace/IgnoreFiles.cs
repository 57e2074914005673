using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Workspace;

/// <summary>
/// Files left out of a folder walk by ignore files in gitignore syntax: <c>.doclintignore</c> always, and
/// <c>.gitignore</c> when asked. As git reads them: one pattern a line; <c>#</c> comments; <c>!</c> re-includes;
/// a trailing <c>/</c> matches folders only; a pattern with a '/' elsewhere is relative to the ignore file's
/// folder, one without matches a name at any depth; <c>*</c>, <c>?</c>, <c>[a-z]</c> within a name and
/// <c>**</c> across folders. The last matching line wins, deeper files over shallower ones, and nothing
/// inside an ignored folder can be re-included. Ignore files are read from the walked folder and its parents
/// up to the repository root (the folder holding .git) or the file system's root. Patterns run on the
/// linear-time regex engine, so no pattern can make matching slow.
/// </summary>
public sealed class IgnoreFiles
{
    public const string DocLintIgnore = ".doclintignore";
    public const string GitIgnore = ".gitignore";

    private readonly string[] _names;
    private readonly ConcurrentDictionary<string, IgnoreFile[]> _byFolder = new(StringComparer.Ordinal);

    public IgnoreFiles(bool gitIgnore) => _names = gitIgnore ? [DocLintIgnore, GitIgnore] : [DocLintIgnore];

    /// <summary>
    /// True when the ignore files leave out <paramref name="fullPath"/> itself (a file or, with
    /// <paramref name="isFolder"/>, a folder). A walk asks this of each folder before entering it.
    /// </summary>
    public bool IsIgnored(string fullPath, bool isFolder) => Decide(fullPath, isFolder);

    /// <summary>True when the file, or a folder between <paramref name="root"/> (not included) and it, is ignored.</summary>
    public bool IsIgnoredBelow(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return Decide(fullPath, isFolder: false);
        }

        var folder = root;
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            folder = Path.Combine(folder, parts[i]);
            if (Decide(folder, isFolder: true))
            {
                return true;
            }
        }

        return Decide(fullPath, isFolder: false);
    }

    /// <summary>The last matching pattern of the ignore files governing <paramref name="path"/> decides.</summary>
    private bool Decide(string path, bool isFolder)
    {
        bool? verdict = null;
        foreach (var file in Governing(Path.GetDirectoryName(path)!))
        {
            var relative = Path.GetRelativePath(file.Folder, path).Replace('\\', '/');
            foreach (var pattern in file.Patterns)
            {
                if ((!pattern.FoldersOnly || isFolder) && pattern.Regex.IsMatch(relative))
                {
                    verdict = !pattern.Negated;
                }
            }
        }

        return verdict == true;
    }

    /// <summary>The ignore files of <paramref name="folder"/> and its parents, outermost first.</summary>
    private IgnoreFile[] Governing(string folder) => _byFolder.GetOrAdd(folder, f =>
    {
        var parent = Path.GetDirectoryName(f);
        var outer = parent is null || IsRepositoryRoot(f) ? [] : Governing(parent);
        var own = _names.Select(name => Path.Combine(f, name)).Where(File.Exists).Select(Read).ToArray();
        return own.Length == 0 ? outer : [.. outer, .. own];
    });

    private static bool IsRepositoryRoot(string folder) => Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));

    private static IgnoreFile Read(string path)
    {
        string[] lines;
        try
        {
            // Only a regular file is read: a named pipe called .doclintignore would never end.
            lines = RegularFile.ReadAllText(path, Engine.Limits.MaxIgnoreFileBytes).Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lines = [];
        }

        return new IgnoreFile(Path.GetDirectoryName(path)!, [.. lines.Select(Parse).OfType<IgnorePattern>()]);
    }

    /// <summary>One line of an ignore file; null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line)
    {
        // Trailing spaces are dropped unless escaped; "\#" and "\!" start a pattern with those characters.
        var text = line.TrimEnd('\r');
        while (text.EndsWith(' ') && !text.EndsWith("\\ ", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = text[0] == '!';
        if (negated)
        {
            text = text[1..];
        }

        var foldersOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        if (text.Length == 0)
        {
            return null;
        }

        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var atStart = i == 0 || text[i - 1] == '/';
                var atEnd = i + 2 == text.Length;
                var beforeSlash = i + 2 < text.Length && text[i + 2] == '/';
                if (atStart && atEnd)
                {
                    regex.Append(".*");
                    i++;
                }
                else if (atStart && beforeSlash)
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append("[^/]*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && text.IndexOf(']', i + 2) is var close and > 0)
            {
                var set = text[(i + 1)..close];
                var negatedSet = set.StartsWith('!') || set.StartsWith('^');
                regex.Append(negatedSet ? "[^" : "[").Append(Regex.Escape(negatedSet ? set[1..] : set).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                regex.Append(Regex.Escape(text[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A pattern that names a folder also covers everything inside it.
        regex.Append("(?:/.*)?$");
        return new IgnorePattern(line, negated, foldersOnly, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    private sealed record IgnoreFile(string Folder, IgnorePattern[] Patterns);
}

/// <summary>One pattern of an ignore file.</summary>
public sealed record IgnorePattern(string Text, bool Negated, bool FoldersOnly, Regex Regex);
