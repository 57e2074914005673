using DocLint.Core.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DocLint.Core.Text;

/// <summary>
/// Checks a YAML text against <see cref="Limits"/> before it is loaded: its size, how deep its collections
/// nest (YamlDotNet's representation model recurses, and overflows the stack at some tens of thousands of
/// levels) and how many nodes it stands for once its aliases are expanded (an alias bomb is a few hundred
/// bytes that stand for billions of nodes, which hashing a key or walking a value visits). The check reads
/// the text once through YamlDotNet's event parser, which keeps its state on the heap, and stops at the first
/// limit it passes; a text it cannot parse is left to the loader, which reports the syntax error itself.
/// </summary>
public static class YamlGuard
{
    /// <summary>Where and why the text passes a limit, or null when it is within them all (or is not valid YAML).</summary>
    public static (Mark Where, string Message)? Check(string text, int maxDepth = Limits.MaxYamlDepth, long maxNodes = Limits.MaxYamlNodes)
    {
        if (text.Length > Limits.MaxYamlBytes)
        {
            return (Mark.Empty, $"the YAML is {text.Length:N0} characters, more than the limit of {Limits.MaxYamlBytes:N0}");
        }

        var parser = new Parser(new StringReader(text));
        var depth = 0;
        long nodes = 0;
        // The expanded size of each anchored node (as the nodes counted so far when it ends, minus when it began).
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent { } node and (MappingStart or SequenceStart):
                        if (++depth > maxDepth)
                        {
                            return (node.Start, $"the YAML nests more than {maxDepth} levels deep");
                        }

                        nodes++;
                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, nodes - 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        var (anchor, start) = open.Pop();
                        if (anchor is not null)
                        {
                            sizes[anchor] = nodes - start;
                        }

                        break;
                    case Scalar scalar:
                        nodes++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case AnchorAlias alias:
                        nodes += sizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }

                if (nodes > maxNodes)
                {
                    return (parser.Current!.Start, $"the YAML stands for more than {maxNodes:N0} values once its aliases are expanded");
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            // Not valid YAML: the loader reports where.
        }

        return null;
    }
}
