using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Configuration;

/// <summary>
/// File globs as .editorconfig and doclint.yaml write them: <c>*</c> (within a folder), <c>**</c> (across
/// folders), <c>?</c>, <c>[abc]</c>, <c>{md,txt}</c>. A glob without '/' matches a file name at any depth; one
/// with '/' matches the path relative to the configuration file's folder. Matching takes time linear in the
/// path's length whatever the glob (.NET's NonBacktracking engine).
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    /// <summary>Parses a glob; returns null with a reason when it is malformed (unbalanced braces or brackets).</summary>
    public static Glob? TryParse(string glob, out string? error)
    {
        error = null;
        if (glob.Length > Engine.Limits.MaxGlobLength)
        {
            error = $"a glob may be at most {Engine.Limits.MaxGlobLength} characters; this one is {glob.Length:N0}";
            return null;
        }

        var text = glob.Trim();
        var anywhere = !text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        var pattern = new StringBuilder(anywhere ? "^(?:.*/)?" : "^");
        var braces = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    pattern.Append(".*");
                    i++;
                    if (i + 1 < text.Length && text[i + 1] == '/')
                    {
                        pattern.Append("/?");
                        i++;
                    }

                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    var close = text.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"'{glob}' opens '[' without closing it";
                        return null;
                    }

                    var set = text[(i + 1)..close];
                    pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    braces++;
                    pattern.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    pattern.Append(')');
                    break;
                case ',' when braces > 0:
                    pattern.Append('|');
                    break;
                case '}':
                    error = $"'{glob}' closes '}}' without opening it";
                    return null;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces != 0)
        {
            error = $"'{glob}' opens '{{' without closing it";
            return null;
        }

        // The linear-time engine: a glob of many stars against a long name would backtrack for minutes.
        return new Glob(glob, new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>The path of <paramref name="fullPath"/> that globs of a configuration in <paramref name="folder"/> are matched against.</summary>
    public static string RelativePath(string folder, string fullPath) => Path.GetRelativePath(folder, fullPath).Replace('\\', '/');

    /// <summary>True when <paramref name="relativePath"/> ('/' separators, relative to the configuration's folder) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));
}
