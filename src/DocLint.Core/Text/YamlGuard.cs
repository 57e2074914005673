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
        stream.Load(new GuardedParser(new Parser(new StringReader(text)), Limits.MaxYamlDepth, Limits.MaxYamlNodes));
        return stream;
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
