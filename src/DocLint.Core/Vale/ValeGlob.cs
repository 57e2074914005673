using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// A section glob of a .vale.ini, as Vale matches it: against the file's whole path (forward slashes), where
/// <c>*</c> and <c>**</c> match any characters, folder separators included, <c>?</c> one character,
/// <c>[abc]</c>/<c>[!abc]</c> a class and <c>{md,txt}</c> alternatives. <c>*.md</c> therefore matches every
/// Markdown file at any depth. Runs on the linear-time engine.
/// </summary>
public sealed class ValeGlob
{
    private readonly Regex _regex;

    private ValeGlob(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public static ValeGlob? TryParse(string glob, out string? error)
    {
        error = null;
        var pattern = new StringBuilder("^(?:");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    while (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        i++;
                    }

                    break;
                case '?':
                    pattern.Append('.');
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
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"unbalanced '[' in glob '{glob}'";
                        return null;
                    }

                    var body = glob[(i + 1)..close];
                    pattern.Append('[');
                    if (body.StartsWith('!') || body.StartsWith('^'))
                    {
                        pattern.Append('^');
                        body = body[1..];
                    }

                    pattern.Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    pattern.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces != 0)
        {
            error = $"unbalanced '{{' in glob '{glob}'";
            return null;
        }

        pattern.Append(")$");
        try
        {
            return new ValeGlob(glob, new Regex(pattern.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        }
        catch (ArgumentException ex)
        {
            error = $"invalid glob '{glob}': {ex.Message}";
            return null;
        }
    }

    /// <summary>True when the glob matches the path (its separators turned into '/').</summary>
    public bool IsMatch(string path) => _regex.IsMatch(path.Replace('\\', '/'));
}
