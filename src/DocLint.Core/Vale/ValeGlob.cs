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
