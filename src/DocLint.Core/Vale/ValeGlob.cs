using DocLint.Core.Configuration;

namespace DocLint.Core.Vale;

/// <summary>
/// A section glob of a .vale.ini, as Vale matches it: against the file's whole path (forward slashes), where
/// <c>*</c> and <c>**</c> match any characters, folder separators included, <c>?</c> one character,
/// <c>[abc]</c>/<c>[!abc]</c> a class and <c>{md,txt}</c> alternatives. <c>*.md</c> therefore matches every
/// Markdown file at any depth. Matched in linear time (<see cref="GlobAutomaton"/>).
/// </summary>
public sealed class ValeGlob
{
    private readonly GlobAutomaton _automaton;

    private ValeGlob(string text, GlobAutomaton automaton)
    {
        Text = text;
        _automaton = automaton;
    }

    public string Text { get; }

    public static ValeGlob? TryParse(string glob, out string? error)
    {
        error = null;
        var automaton = new GlobAutomaton.Builder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    automaton.AnyRun(crossesFolders: true);
                    while (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        i++;
                    }

                    break;
                case '?':
                    automaton.AnyChar(crossesFolders: true);
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
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"unbalanced '[' in glob '{glob}'";
                        return null;
                    }

                    var body = glob.AsSpan(i + 1, close - i - 1);
                    var negated = body.StartsWith('!') || body.StartsWith('^');
                    if (body.Length == (negated ? 3 : 2) && body[^1] == '-')
                    {
                        // "[a-]": a range with no end, which Vale's glob library rejects in these words ("[ab-]" is a set).
                        error = $"invalid glob '{glob}': expected close range character";
                        return null;
                    }

                    if (automaton.Class(negated ? body[1..] : body, negated) is { } problem)
                    {
                        error = $"invalid glob '{glob}': {problem}";
                        return null;
                    }

                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    automaton.Char(glob[++i]);
                    break;
                default:
                    automaton.Char(c);
                    break;
            }
        }

        if (automaton.OpenGroups != 0)
        {
            error = $"unbalanced '{{' in glob '{glob}'";
            return null;
        }

        return new ValeGlob(glob, automaton.Build());
    }

    /// <summary>True when the glob matches the path (its separators turned into '/').</summary>
    public bool IsMatch(string path) => _automaton.IsMatch(path.Replace('\\', '/'));
}

/// <summary>
/// Vale's <c>--glob</c>: a <see cref="ValeGlob"/> that a path must match for its file to be linted, or, written
/// with a leading <c>!</c>, must not match.
/// </summary>
public sealed class ValeGlobFilter
{
    private readonly ValeGlob _glob;
    private readonly bool _negated;

    private ValeGlobFilter(ValeGlob glob, bool negated)
    {
        _glob = glob;
        _negated = negated;
    }

    public static ValeGlobFilter? TryParse(string text, out string? error)
    {
        var negated = text.StartsWith('!');
        return ValeGlob.TryParse(negated ? text[1..] : text, out error) is { } glob ? new ValeGlobFilter(glob, negated) : null;
    }

    /// <summary>True when the file at <paramref name="path"/> (as found from the paths given) is to be linted.</summary>
    public bool Selects(string path) => _glob.IsMatch(path) != _negated;

    /// <summary>
    /// A path as Vale's walk gives it: forward slashes, no <c>./</c> segments (<c>./docs/a.md</c> is <c>docs/a.md</c>),
    /// as the path of a folder walked is cleaned before it is joined.
    /// </summary>
    public static string AsWalked(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal) && path.Length > 2)
        {
            path = path[2..];
        }

        while (path.Contains("/./", StringComparison.Ordinal))
        {
            path = path.Replace("/./", "/", StringComparison.Ordinal);
        }

        return path;
    }
}
