namespace DocLint.Core.Configuration;

/// <summary>
/// File globs as .editorconfig and doclint.yaml write them: <c>*</c> (within a folder), <c>**</c> (across
/// folders), <c>?</c>, <c>[abc]</c>, <c>{md,txt}</c>. A glob without '/' matches a file name at any depth; one
/// with '/' matches the path relative to the configuration file's folder. Matching takes time linear in the
/// path's length whatever the glob (<see cref="GlobAutomaton"/>).
/// </summary>
public sealed class Glob
{
    // The common globs ("*", "*.md", "*.{yml,yaml}") are matched by their endings alone.
    private readonly GlobAutomaton? _automaton;
    private readonly string[]? _nameSuffixes;

    private Glob(string text, GlobAutomaton? automaton, string[]? nameSuffixes)
    {
        Text = text;
        _automaton = automaton;
        _nameSuffixes = nameSuffixes;
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
        var automaton = new GlobAutomaton.Builder();
        if (anywhere)
        {
            // Any folders first, or none.
            automaton.Open().AnyRun(crossesFolders: true).Char('/').Or().Close();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    automaton.AnyRun(crossesFolders: true);
                    i++;
                    if (i + 1 < text.Length && text[i + 1] == '/')
                    {
                        // "a/**/b" matches "a/b" too.
                        automaton.Open().Char('/').Or().Close();
                        i++;
                    }

                    break;
                case '*':
                    automaton.AnyRun(crossesFolders: false);
                    break;
                case '?':
                    automaton.AnyChar(crossesFolders: false);
                    break;
                case '[':
                    var close = text.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"'{glob}' opens '[' without closing it";
                        return null;
                    }

                    var set = text.AsSpan(i + 1, close - i - 1);
                    var negated = set.StartsWith('!');
                    if (automaton.Class(negated ? set[1..] : set, negated) is { } problem)
                    {
                        error = $"'{glob}': {problem}";
                        return null;
                    }

                    i = close;
                    break;
                case '{':
                    automaton.Open();
                    break;
                case '}' when automaton.OpenGroups > 0:
                    automaton.Close();
                    break;
                case ',' when automaton.OpenGroups > 0:
                    automaton.Or();
                    break;
                case '}':
                    error = $"'{glob}' closes '}}' without opening it";
                    return null;
                default:
                    automaton.Char(c);
                    break;
            }
        }

        if (automaton.OpenGroups != 0)
        {
            error = $"'{glob}' opens '{{' without closing it";
            return null;
        }

        return anywhere && NameSuffixes(text) is { } suffixes ? new Glob(glob, null, suffixes) : new Glob(glob, automaton.Build(), null);
    }

    /// <summary>
    /// For a glob of a file name that is one '*' and then literal text ("*.md") or literal alternatives
    /// ("*.{yml,yaml}"), the endings a matching name has ("" for "*" alone); null for any other glob.
    /// </summary>
    private static string[]? NameSuffixes(string text)
    {
        if (text.Length == 0 || text[0] != '*')
        {
            return null;
        }

        var rest = text.AsSpan(1);
        var open = rest.IndexOf('{');
        if (open < 0)
        {
            return IsLiteral(rest) ? [rest.ToString()] : null;
        }

        var head = rest[..open];
        var body = rest[(open + 1)..];
        if (body.Length == 0 || body[^1] != '}' || !IsLiteral(head))
        {
            return null;
        }

        var prefix = head.ToString();
        var alternatives = body[..^1].ToString().Split(',');
        return alternatives.All(a => IsLiteral(a)) ? [.. alternatives.Select(a => prefix + a)] : null;
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("*?[]{},/\\");

    private static bool IsLiteral(ReadOnlySpan<char> text) => text.IndexOfAny(Special) < 0;

    /// <summary>The path of <paramref name="fullPath"/> that globs of a configuration in <paramref name="folder"/> are matched against.</summary>
    public static string RelativePath(string folder, string fullPath) => Path.GetRelativePath(folder, fullPath).Replace('\\', '/');

    /// <summary>True when <paramref name="relativePath"/> ('/' separators, relative to the configuration's folder) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        if (_nameSuffixes is null)
        {
            return _automaton!.IsMatch(path);
        }

        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        foreach (var suffix in _nameSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
