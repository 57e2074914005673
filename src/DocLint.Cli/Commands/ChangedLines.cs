using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;

namespace DocLint.Cli.Commands;

/// <summary>
/// <c>--changed-since REF</c>: the lines changed since the working tree left REF, read from
/// <c>git diff --merge-base REF</c> (committed and uncommitted changes of this branch, not the ones REF gained
/// since) plus the untracked files git does not ignore, which count as changed throughout. A run then lints
/// only the changed files and reports only findings on changed lines; DocLint's own problems (DL0xxx) are
/// always reported.
/// </summary>
internal sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int First, int Last)>> _ranges;
    private readonly HashSet<string> _whole;

    private ChangedLines(Dictionary<string, List<(int First, int Last)>> ranges, HashSet<string> whole)
    {
        _ranges = ranges;
        _whole = whole;
    }

    /// <summary>Reads the changes from git, or says why it could not.</summary>
    public static (ChangedLines? Changes, string? Error) Read(string reference, string workingDirectory)
    {
        // The top of the repository as a path from the working folder ("../.."), not git's resolved path: when
        // the working folder is reached through a symbolic link, paths must be compared in the same spelling.
        var top = Git(workingDirectory, "rev-parse", "--show-cdup");
        if (top.Exit != 0)
        {
            return (null, $"--changed-since needs a git repository: {top.Error.Trim()}");
        }

        var root = Path.GetFullPath(top.Output.Trim() is { Length: > 0 } up ? up : ".", workingDirectory);
        var diff = Git(root, "-c", "core.quotePath=false", "diff", "--merge-base", reference, "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", "--diff-filter=AM", "--");
        if (diff.Exit != 0)
        {
            return (null, $"--changed-since {reference}: {diff.Error.Trim()}");
        }

        var untracked = Git(root, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z");
        var (ranges, whole) = Parse(diff.Output, root);
        foreach (var file in untracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            whole.Add(Path.GetFullPath(file, root));
        }

        return (new ChangedLines(ranges, whole), null);
    }

    /// <summary>The added and changed line ranges per full path (1-based, inclusive) of a unified diff with no context.</summary>
    public static (Dictionary<string, List<(int First, int Last)>> Ranges, HashSet<string> Whole) Parse(string diff, string root)
    {
        var ranges = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        List<(int, int)>? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var name = Unquote(line[4..].TrimEnd('\r'));
                current = name == "/dev/null" ? null : Collection(ranges, Path.GetFullPath(name.StartsWith("b/", StringComparison.Ordinal) ? name[2..] : name, root));
            }
            else if (current is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                var start = int.Parse(hunk.Groups[1].Value, CultureInfo.InvariantCulture);
                var count = hunk.Groups[2].Success ? int.Parse(hunk.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, start + count - 1));
                }
            }
        }

        return (ranges, whole);
    }

    /// <summary>True when git saw the file change (or it is untracked).</summary>
    public bool Touches(string fullPath) => _whole.Contains(fullPath) || _ranges.ContainsKey(fullPath);

    /// <summary>True when the finding lies (at least partly) on a changed line, or is DocLint's own problem.</summary>
    public bool Covers(Diagnostic d)
    {
        if (d.Id.StartsWith("DL0", StringComparison.Ordinal) || _whole.Contains(d.Path))
        {
            return true;
        }

        if (!_ranges.TryGetValue(d.Path, out var changed))
        {
            return false;
        }

        var first = d.LineSpan.Start.Line + 1;
        var last = d.LineSpan.End.Line + 1;
        return changed.Any(r => r.First <= last && first <= r.Last);
    }

    private static List<(int, int)> Collection(Dictionary<string, List<(int, int)>> ranges, string path)
    {
        if (!ranges.TryGetValue(path, out var list))
        {
            ranges[path] = list = [];
        }

        return list;
    }

    /// <summary>git quotes names with unusual characters C-style: "b/a\tb.md".</summary>
    private static string Unquote(string name)
    {
        if (name.Length < 2 || name[0] != '"' || name[^1] != '"')
        {
            return name;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < name.Length - 1; i++)
        {
            if (name[i] != '\\' || i + 1 >= name.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(name[i].ToString()));
                continue;
            }

            var c = name[++i];
            if (c is >= '0' and <= '7' && i + 2 < name.Length - 1)
            {
                bytes.Add(Convert.ToByte(name.Substring(i, 3), 8));
                i += 2;
            }
            else
            {
                bytes.Add((byte)(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => c }));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static (int Exit, string Output, string Error) Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", $"cannot run git: {ex.Message}");
        }
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex Hunk();
}
