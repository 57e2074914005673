using DocLint.Core.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DocLint.Core.Text;

/// <summary>
/// Checks a YAML text against <see cref="Limits"/> before it is loaded: its size, how deep its collections
/// nest (YamlDotNet's representation model recurses, and overflows the stack at some tens of thousands of
/// levels) and how many nodes it stands for once its aliases are expanded (an alias bomb is a few hundred
/// bytes that stand for billions of nodes, which hashing a key or walking a value visits). The limits are counted
/// on YamlDotNet's event parser, which keeps its state on the heap, as its events are read: <see cref="Load"/> loads
/// the representation model through that count, so a text is parsed once (front matter, rule files, Vale rule files,
/// doclint.yaml); <see cref="Check"/> reads the text to its end or to the first limit it passes (a text it cannot
/// parse is left to the loader, which reports the syntax error itself).
/// </summary>
public static class YamlGuard
{
    /// <summary>Where and why the text passes a limit, or null when it is within them all (or is not valid YAML).</summary>
    public static (Mark Where, string Message)? Check(string text, int maxDepth = Limits.MaxYamlDepth, long maxNodes = Limits.MaxYamlNodes)
    {
        if (TooLarge(text) is { } tooLarge)
        {
            return (Mark.Empty, tooLarge);
        }

        var parser = new GuardedParser(new Parser(new StringReader(text)), maxDepth, maxNodes);
        try
        {
            while (parser.MoveNext())
            {
            }
        }
        catch (LimitException ex)
        {
            return (ex.Where, ex.Message);
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            // Not valid YAML: the loader reports where.
        }

        return null;
    }

    /// <summary>
    /// Loads the text into YamlDotNet's representation model, checking the limits as the parser reads it (one pass, not
    /// a check and then a load): throws <see cref="LimitException"/> at the first limit passed, and what the loader
    /// throws for invalid YAML, whichever comes first in the text; <see cref="Check"/> gives the same answer.
    /// </summary>
    public static YamlDotNet.RepresentationModel.YamlStream Load(string text)
    {
        if (TooLarge(text) is { } tooLarge)
        {
            throw new LimitException(Mark.Empty, tooLarge);
        }

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        try
        {
            stream.Load(new GuardedParser(new Parser(new StringReader(text)), Limits.MaxYamlDepth, Limits.MaxYamlNodes));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet rejects some malformed streams this way, with no position: a flow collection left open before a
            // key that follows it ("tokens: [a, b" and then "level: error") is one. Say where it opens, when that is it.
            var (where, message) = UnclosedFlow(text) ?? (Mark.Empty, "its structure cannot be read");
            throw new SyntaxErrorException(where, where, message);
        }

        return stream;
    }

    /// <summary>
    /// The first flow collection (<c>[</c>, <c>{</c>) the text opens and never closes, and a message that says so; null
    /// when there is none. Read as YAML reads it, roughly: a bracket opens a collection where a value starts (after
    /// <c>: </c>, <c>- </c>, a line's indentation, or inside another flow collection), not inside a plain scalar
    /// (<c>message: a [b</c>), a quoted one or a comment.
    /// </summary>
    internal static (Mark Where, string Message)? UnclosedFlow(string text)
    {
        var open = new Stack<(char Bracket, Mark Where)>();
        long line = 1, column = 1;
        var valueStart = true; // what comes next, past spaces, starts a node
        var quote = '\0';
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            if (c == '\n')
            {
                line++;
                column = 0;
                valueStart = open.Count > 0 || quote == '\0';
                continue;
            }

            if (quote != '\0')
            {
                if (quote == '"' && c == '\\')
                {
                    i++;
                    column++;
                }
                else if (c == quote && quote == '\'' && next == '\'')
                {
                    i++;
                    column++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                    valueStart = false;
                }

                continue;
            }

            switch (c)
            {
                case ' ' or '\t' or '\r':
                    continue;
                case '#' when i == 0 || text[i - 1] is ' ' or '\t' or '\n':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    continue;
                case '"' or '\'' when valueStart:
                    quote = c;
                    continue;
                case '[' or '{' when valueStart || open.Count > 0:
                    open.Push((c, new Mark(i, line, column)));
                    valueStart = true;
                    continue;
                case ']' or '}' when open.Count > 0:
                    open.Pop();
                    valueStart = false;
                    continue;
                case ',' when open.Count > 0:
                    valueStart = true;
                    continue;
                case ':' or '-' or '?' when next is ' ' or '\t' or '\r' or '\n' || (c == ':' && open.Count > 0):
                    valueStart = c != '-' || valueStart;
                    continue;
                default:
                    valueStart = false;
                    continue;
            }
        }

        if (open.Count == 0)
        {
            return null;
        }

        var (bracket, where) = open.Last(); // the outermost: the first opened
        return (where, $"the flow {(bracket == '[' ? "sequence" : "mapping")} opened here with '{bracket}' is never closed");
    }

    private static string? TooLarge(string text) =>
        text.Length > Limits.MaxYamlBytes ? $"the YAML is {text.Length:N0} characters, more than the limit of {Limits.MaxYamlBytes:N0}" : null;

    /// <summary>A YAML text passes a limit (<see cref="Where"/> it does so).</summary>
    public sealed class LimitException(Mark where, string message) : Exception(message)
    {
        public Mark Where { get; } = where;
    }

    /// <summary>
    /// A parser that counts, as its events are read, how deep the collections nest and how many nodes the text stands
    /// for once its aliases are expanded, and throws <see cref="LimitException"/> at the first limit passed.
    /// </summary>
    private sealed class GuardedParser(IParser inner, int maxDepth, long maxNodes) : IParser
    {
        private int _depth;
        private long _nodes;

        // The expanded size of each anchored node (as the nodes counted so far when it ends, minus when it began).
        private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
        private readonly Stack<(string? Anchor, long Start)> _open = new();

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case NodeEvent { } node and (MappingStart or SequenceStart):
                    if (++_depth > maxDepth)
                    {
                        throw new LimitException(node.Start, $"the YAML nests more than {maxDepth} levels deep");
                    }

                    _nodes++;
                    _open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, _nodes - 1));
                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    var (anchor, start) = _open.Pop();
                    if (anchor is not null)
                    {
                        _sizes[anchor] = _nodes - start;
                    }

                    break;
                case Scalar scalar:
                    _nodes++;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        _sizes[scalar.Anchor.Value] = 1;
                    }

                    break;
                case AnchorAlias alias:
                    _nodes += _sizes.GetValueOrDefault(alias.Value.Value, 1);
                    break;
            }

            if (_nodes > maxNodes)
            {
                throw new LimitException(inner.Current!.Start, $"the YAML stands for more than {maxNodes:N0} values once its aliases are expanded");
            }

            return true;
        }
    }
}
