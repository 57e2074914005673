using DocLint.Core.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

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
    public static YamlStream Load(string text) => Read(text, static parser =>
    {
        var stream = new YamlStream();
        stream.Load(parser);
        return stream;
    });

    /// <summary>
    /// The root of the text's first document, read as Go's YAML library (yaml.v2, which Vale reads its rule files with)
    /// reads it where YamlDotNet is stricter: a key given twice keeps its last value, in the place of its first; and
    /// the continuation lines of a quoted scalar may stand at any indentation (<c>description: "…</c> with its next
    /// lines at the margin), which YamlDotNet rejects. Null for an empty text. The limits are checked and errors
    /// thrown as <see cref="Load"/> does.
    /// </summary>
    public static YamlNode? LoadLoose(string text)
    {
        try
        {
            return Read(text, LooseTree);
        }
        catch (SyntaxErrorException ex) when (ex.Message.Contains("multi-line", StringComparison.Ordinal) && ex.Message.Contains("wrong indentation", StringComparison.Ordinal)
            && IndentQuotedContinuations(text) is { } indented)
        {
            // Indenting a quoted scalar's continuation lines changes nothing in its value: their leading white space is folded away.
            return Read(indented, LooseTree);
        }
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the text's events, counted against the limits as they are read (one pass,
    /// not a check and then a load).
    /// </summary>
    private static T Read<T>(string text, Func<IParser, T> read)
    {
        if (TooLarge(text) is { } tooLarge)
        {
            throw new LimitException(Mark.Empty, tooLarge);
        }

        try
        {
            return read(new GuardedParser(new Parser(new StringReader(text)), Limits.MaxYamlDepth, Limits.MaxYamlNodes));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet rejects some malformed streams this way, with no position: a flow collection left open before a
            // key that follows it ("tokens: [a, b" and then "level: error") is one. Say where it opens, when that is it.
            var (where, message) = UnclosedFlow(text) ?? (Mark.Empty, "its structure cannot be read");
            throw new SyntaxErrorException(where, where, message);
        }
    }

    /// <summary>The first document's tree from the parser's events, a repeated key replacing the value it had.</summary>
    private static YamlNode? LooseTree(IParser parser)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new Stack<(YamlNode Node, YamlNode? Key)>();
        YamlNode? root = null;
        while (parser.MoveNext())
        {
            YamlNode node;
            switch (parser.Current)
            {
                case DocumentEnd when root is not null:
                    return root;
                case Scalar scalar:
                    node = Anchored(new YamlScalarNode(scalar.Value) { Style = scalar.Style }, scalar);
                    break;
                case SequenceStart start:
                    open.Push((Anchored(new YamlSequenceNode(), start), null));
                    continue;
                case MappingStart start:
                    open.Push((Anchored(new YamlMappingNode(), start), null));
                    continue;
                case SequenceEnd or MappingEnd:
                    node = open.Pop().Node;
                    break;
                case AnchorAlias alias:
                    node = anchors.GetValueOrDefault(alias.Value.Value)
                        ?? throw new SemanticErrorException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor before it");
                    break;
                default:
                    continue;
            }

            if (open.Count == 0)
            {
                root ??= node;
                continue;
            }

            var (parent, key) = open.Pop();
            if (parent is YamlSequenceNode sequence)
            {
                sequence.Add(node);
                open.Push((parent, null));
            }
            else if (key is null)
            {
                open.Push((parent, node));
            }
            else
            {
                ((YamlMappingNode)parent).Children[key] = node;
                open.Push((parent, null));
            }
        }

        return root;

        YamlNode Anchored(YamlNode node, NodeEvent e)
        {
            if (!e.Anchor.IsEmpty)
            {
                anchors[e.Anchor.Value] = node;
            }

            return node;
        }
    }

    /// <summary>
    /// The text with each continuation line of a multi-line quoted scalar indented past the line the scalar starts on;
    /// null when no such line needed it.
    /// </summary>
    internal static string? IndentQuotedContinuations(string text)
    {
        var lines = text.Split('\n');
        var quote = '\0';
        var indent = 0;
        var changed = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var own = line.Length - line.TrimStart(' ').Length;
            if (quote != '\0' && line.Trim().Length > 0 && own <= indent)
            {
                lines[n] = new string(' ', indent + 1 - own) + line;
                changed = true;
            }

            if (quote == '\0')
            {
                indent = own;
            }

            for (var i = quote == '\0' ? own : 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote != '\0')
                {
                    if (quote == '"' && c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote && quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
                {
                    break;
                }
                else if (c is '"' or '\'' && StartsValue(line, i))
                {
                    quote = c;
                }
            }
        }

        return changed ? string.Join('\n', lines) : null;

        // A quote mark opens a scalar where a value starts: after "key: ", "- " or a line's indentation, or in a flow collection.
        static bool StartsValue(string line, int i)
        {
            var before = line.AsSpan(0, i).TrimEnd(' ');
            return before.IsEmpty || before[^1] is '[' or '{' or ',' || before.EndsWith(":") || before.EndsWith("-") && (before.Length == 1 || before[^2] == ' ');
        }
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
