using System.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// A pattern that needs the backtracking engine for its lookaround, rewritten without it for the linear-time
/// engine as a necessary condition: wherever the pattern matches, the relaxation matches too (from the same
/// start or earlier), so a text the relaxation does not match holds no match of the pattern and is not searched.
/// <list type="bullet">
/// <item>A positive lookahead that ends the pattern (last in its alternative, each group around it last and
/// unquantified) is matched as text: <c>(?:^|\s)I(?=\s)</c> becomes <c>(?:^|\s)I(?:\s)</c>. Where <c>X(?=Y)</c>
/// matches, <c>XY</c> matches.</item>
/// <item>A positive lookbehind that opens the pattern (first, after inline options only) likewise:
/// <c>(?&lt;=\s)-\d+</c> becomes <c>(?:\s)-\d+</c>. Where <c>(?&lt;=Y)X</c> matches, <c>YX</c> matches, starting earlier.</item>
/// <item>Any other lookaround, positive or negative, is dropped: a condition fewer only admits more.</item>
/// <item>An atomic group <c>(?&gt;…)</c> becomes <c>(?:…)</c>, which matches every text it does and more.</item>
/// </list>
/// Back-references, conditionals, comments, balancing groups and the <c>x</c> option are not read: such a pattern has no relaxation.
/// </summary>
public static class LookaroundRelaxation
{
    /// <summary>The relaxation of a .NET pattern, or null when the pattern uses syntax that is not read.</summary>
    public static string? Relax(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var tree = parser.ParseAlternation();
            if (parser.Position != pattern.Length)
            {
                return null;
            }

            var result = new StringBuilder(pattern.Length + 8);
            Emit(tree, atStart: true, atEnd: true, result);
            return result.ToString();
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private abstract record Node;

    /// <summary>A piece matched as written: a character, an escape, a class, an anchor.</summary>
    private sealed record Atom(string Text) : Node;

    /// <summary>An inline option setting, <c>(?i)</c>: it tests no text.</summary>
    private sealed record Option(string Text) : Node;

    /// <summary>A group: its opening (<c>(</c>, <c>(?:</c>, <c>(?&lt;name&gt;</c>, <c>(?i:</c>, <c>(?=</c>, <c>(?&gt;</c>…) and its alternatives.</summary>
    private sealed record Group(string Open, List<List<(Node Node, string Quantifier)>> Inner) : Node
    {
        public bool IsLookahead => Open is "(?=" or "(?!";

        public bool IsLookbehind => Open is "(?<=" or "(?<!";

        public bool IsPositive => Open is "(?=" or "(?<=";
    }

    private static void Emit(List<List<(Node Node, string Quantifier)>> alternatives, bool atStart, bool atEnd, StringBuilder into)
    {
        for (var a = 0; a < alternatives.Count; a++)
        {
            if (a > 0)
            {
                into.Append('|');
            }

            var sequence = alternatives[a];
            for (var i = 0; i < sequence.Count; i++)
            {
                var (node, quantifier) = sequence[i];
                var first = atStart && sequence.Take(i).All(e => e.Node is Option);
                var last = atEnd && sequence.Skip(i + 1).All(e => e.Node is Option);
                switch (node)
                {
                    case Atom atom:
                        into.Append(atom.Text).Append(quantifier);
                        break;
                    case Option option:
                        into.Append(option.Text);
                        break;
                    case Group { IsLookahead: true } group:
                        if (group.IsPositive && quantifier.Length == 0 && last)
                        {
                            into.Append("(?:");
                            Emit(group.Inner, atStart: false, atEnd: true, into);
                            into.Append(')');
                        }

                        break;
                    case Group { IsLookbehind: true } group:
                        if (group.IsPositive && quantifier.Length == 0 && first)
                        {
                            into.Append("(?:");
                            Emit(group.Inner, atStart: true, atEnd: false, into);
                            into.Append(')');
                        }

                        break;
                    case Group group:
                        into.Append(group.Open == "(?>" ? "(?:" : group.Open);
                        Emit(group.Inner, first && quantifier.Length == 0, last && quantifier.Length == 0, into);
                        into.Append(')').Append(quantifier);
                        break;
                }
            }
        }
    }

    /// <summary>A reader of .NET regex syntax into groups, atoms and quantifiers.</summary>
    private sealed class Parser(string pattern)
    {
        public int Position { get; private set; }

        private bool More => Position < pattern.Length;

        private char Peek => pattern[Position];

        public List<List<(Node Node, string Quantifier)>> ParseAlternation()
        {
            var alternatives = new List<List<(Node, string)>> { ParseSequence() };
            while (More && Peek == '|')
            {
                Position++;
                alternatives.Add(ParseSequence());
            }

            return alternatives;
        }

        private List<(Node, string)> ParseSequence()
        {
            var sequence = new List<(Node, string)>();
            while (More && Peek is not ('|' or ')'))
            {
                var node = ParseAtom();
                sequence.Add((node, node is Option ? "" : ParseQuantifier()));
            }

            return sequence;
        }

        private Node ParseAtom()
        {
            var start = Position;
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    return ParseGroup(start);
                case '[':
                    SkipClass();
                    return new Atom(pattern[start..Position]);
                case '\\':
                    SkipEscape();
                    return new Atom(pattern[start..Position]);
                case '*' or '+' or '?':
                    throw new NotSupportedException("quantifier without an atom");
                default:
                    return new Atom(c.ToString());
            }
        }

        private Node ParseGroup(int start)
        {
            string open;
            if (More && Peek == '?')
            {
                Position++;
                if (!More)
                {
                    throw new NotSupportedException("unterminated group");
                }

                if (Peek is ':' or '=' or '!' or '>')
                {
                    Position++;
                }
                else if (Peek == '<' && Position + 1 < pattern.Length && pattern[Position + 1] is '=' or '!')
                {
                    Position += 2;
                }
                else if (Peek is '<' or '\'')
                {
                    var close = pattern.IndexOf(Peek == '<' ? '>' : '\'', Position + 1);
                    if (close < 0 || pattern.AsSpan(Position + 1, close - Position - 1).ContainsAnyExcept(NameCharacters))
                    {
                        throw new NotSupportedException("balancing group");
                    }

                    Position = close + 1;
                }
                else
                {
                    // Inline options, (?i) or (?i:…); conditionals and comments are not read.
                    var end = Position;
                    while (end < pattern.Length && pattern[end] is 'i' or 'm' or 's' or 'n' or 'x' or '-')
                    {
                        end++;
                    }

                    if (end == Position || end >= pattern.Length || pattern[end] is not (')' or ':') || pattern.AsSpan(Position, end - Position).Contains('x'))
                    {
                        throw new NotSupportedException("group construct");
                    }

                    Position = end + 1;
                    if (pattern[end] == ')')
                    {
                        return new Option(pattern[start..Position]);
                    }
                }
            }

            open = pattern[start..Position];
            var inner = ParseAlternation();
            if (!More || Peek != ')')
            {
                throw new NotSupportedException("unterminated group");
            }

            Position++;
            return new Group(open, inner);
        }

        private static readonly System.Buffers.SearchValues<char> NameCharacters =
            System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

        private void SkipEscape()
        {
            if (!More)
            {
                throw new NotSupportedException("trailing backslash");
            }

            var c = pattern[Position++];
            switch (c)
            {
                case >= '0' and <= '9' or 'k':
                    throw new NotSupportedException("back-reference");
                case 'p' or 'P':
                    var close = More && Peek == '{' ? pattern.IndexOf('}', Position) : -1;
                    Position = close < 0 ? throw new NotSupportedException("category") : close + 1;
                    break;
                case 'u':
                    Position = Position + 4 <= pattern.Length ? Position + 4 : throw new NotSupportedException("escape");
                    break;
                case 'x':
                    Position = Position + 2 <= pattern.Length ? Position + 2 : throw new NotSupportedException("escape");
                    break;
                case 'c':
                    Position = More ? Position + 1 : throw new NotSupportedException("escape");
                    break;
            }
        }

        private void SkipClass()
        {
            if (More && Peek == '^')
            {
                Position++;
            }

            if (More && Peek == ']')
            {
                Position++;
            }

            while (More && Peek != ']')
            {
                if (Peek == '\\')
                {
                    Position++;
                    SkipEscape();
                    continue;
                }

                if (Peek == '[' && pattern[Position - 1] == '-')
                {
                    throw new NotSupportedException("class subtraction");
                }

                Position++;
            }

            Position = More ? Position + 1 : throw new NotSupportedException("unterminated class");
        }

        private string ParseQuantifier()
        {
            var start = Position;
            if (!More)
            {
                return "";
            }

            if (Peek is '*' or '+' or '?')
            {
                Position++;
            }
            else if (Peek == '{' && IsCount())
            {
                Position = pattern.IndexOf('}', Position) + 1;
            }
            else
            {
                return "";
            }

            if (More && Peek == '?')
            {
                Position++;
            }

            return pattern[start..Position];
        }

        // {n}, {n,} or {n,m}; a brace that does not form one is a literal, as in .NET.
        private bool IsCount()
        {
            var close = pattern.IndexOf('}', Position);
            if (close < 0)
            {
                return false;
            }

            var body = pattern.AsSpan(Position + 1, close - Position - 1);
            var comma = body.IndexOf(',');
            var first = comma < 0 ? body : body[..comma];
            return !first.IsEmpty && !first.ContainsAnyExceptInRange('0', '9') && (comma < 0 || !body[(comma + 1)..].ContainsAnyExceptInRange('0', '9'));
        }
    }
}
