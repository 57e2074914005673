using System.Buffers;

namespace DocLint.Core.Configuration;

/// <summary>
/// A glob compiled to a small automaton (Thompson's construction) and matched against a whole path by following
/// all its states at once: time proportional to the path's length times the glob's, whatever the glob (no
/// backtracking), and built in microseconds, where a linear-time regex takes milliseconds to build, a noticeable
/// part of a one-file run that reads an .editorconfig. Each glob dialect parses its own syntax into it through a
/// <see cref="Builder"/>: <see cref="Glob"/> (.editorconfig and doclint.yaml) and <see cref="Vale.ValeGlob"/>
/// (Vale's section globs). Matching is ordinal and thread-safe.
/// </summary>
internal sealed class GlobAutomaton
{
    private readonly State[] _states;
    private readonly int _start;

    private GlobAutomaton(State[] states, int start)
    {
        _states = states;
        _start = start;
    }

    /// <summary>True when the glob matches all of <paramref name="path"/>.</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        var n = _states.Length;
        int[]? rented = null;
        var size = 5 * n;
        var buffer = n <= 100 ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            // Two state lists, the step at which each state was last added (so none is added twice in a step), and the
            // stack that follows empty moves.
            var current = buffer[..n];
            var next = buffer.Slice(n, n);
            var addedAt = buffer.Slice(2 * n, n);
            var stack = buffer[(3 * n)..];
            addedAt.Fill(-1);
            var count = Add(_start, 0, current, 0, addedAt, stack);
            for (var i = 0; i < path.Length && count > 0; i++)
            {
                var c = path[i];
                var nextCount = 0;
                for (var k = 0; k < count; k++)
                {
                    ref readonly var state = ref _states[current[k]];
                    if (state.Kind == StateKind.Step && state.Test.Accepts(c))
                    {
                        nextCount = Add(state.Next, i + 1, next, nextCount, addedAt, stack);
                    }
                }

                var swap = current;
                current = next;
                next = swap;
                count = nextCount;
            }

            for (var k = 0; k < count; k++)
            {
                if (_states[current[k]].Kind == StateKind.Match)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Adds <paramref name="first"/> and every state it reaches by empty moves to <paramref name="list"/>.</summary>
    private int Add(int first, int step, Span<int> list, int count, Span<int> addedAt, Span<int> stack)
    {
        var top = 0;
        stack[top++] = first;
        while (top > 0)
        {
            var s = stack[--top];
            if (addedAt[s] == step)
            {
                continue;
            }

            addedAt[s] = step;
            ref readonly var state = ref _states[s];
            if (state.Kind == StateKind.Split)
            {
                // A state is pushed only along a split's two edges, so a step pushes at most twice as many states as
                // there are: the stack holds that many.
                if (addedAt[state.Alternative] != step)
                {
                    stack[top++] = state.Alternative;
                }

                if (addedAt[state.Next] != step)
                {
                    stack[top++] = state.Next;
                }
            }
            else
            {
                list[count++] = s;
            }
        }

        return count;
    }

    private enum StateKind : byte
    {
        /// <summary>Consumes one character its test accepts and goes on to <see cref="State.Next"/>.</summary>
        Step,

        /// <summary>Goes on to both <see cref="State.Next"/> and <see cref="State.Alternative"/> without consuming.</summary>
        Split,

        /// <summary>The whole glob has matched.</summary>
        Match,
    }

    private struct State
    {
        public StateKind Kind;
        public int Next;
        public int Alternative;
        public CharTest Test;
    }

    /// <summary>What one character of a glob accepts.</summary>
    private readonly struct CharTest
    {
        private readonly char _literal;
        private readonly TestKind _kind;
        private readonly (char Low, char High)[]? _ranges;

        private CharTest(TestKind kind, char literal, (char, char)[]? ranges)
        {
            _kind = kind;
            _literal = literal;
            _ranges = ranges;
        }

        public static CharTest Literal(char c) => new(TestKind.Literal, c, null);

        public static CharTest Any(bool crossesFolders) => new(crossesFolders ? TestKind.Any : TestKind.AnyButSlash, '\0', null);

        public static CharTest Class((char, char)[] ranges, bool negated) => new(negated ? TestKind.NotInClass : TestKind.InClass, '\0', ranges);

        public bool Accepts(char c) => _kind switch
        {
            TestKind.Literal => c == _literal,
            TestKind.Any => true,
            TestKind.AnyButSlash => c != '/',
            TestKind.InClass => InRanges(c),
            _ => !InRanges(c),
        };

        private bool InRanges(char c)
        {
            foreach (var (low, high) in _ranges!)
            {
                if (c >= low && c <= high)
                {
                    return true;
                }
            }

            return false;
        }

        private enum TestKind : byte
        {
            Literal,
            Any,
            AnyButSlash,
            InClass,
            NotInClass,
        }
    }

    /// <summary>
    /// Builds an automaton from a glob's parts in the order they are written: characters, runs, classes, and
    /// groups of alternatives (<see cref="Open"/>, <see cref="Or"/>, <see cref="Close"/>).
    /// </summary>
    public sealed class Builder
    {
        // A group is a list of alternatives, each a list of parts; the outermost group is the glob itself.
        private readonly Stack<List<List<Part>>> _groups = new([[[]]]);

        /// <summary>Groups opened and not yet closed.</summary>
        public int OpenGroups => _groups.Count - 1;

        /// <summary>One character, exactly.</summary>
        public Builder Char(char c) => Add(new Part(CharTest.Literal(c), Repeated: false, null));

        /// <summary>Any one character; only within a folder (not '/') unless <paramref name="crossesFolders"/>.</summary>
        public Builder AnyChar(bool crossesFolders) => Add(new Part(CharTest.Any(crossesFolders), Repeated: false, null));

        /// <summary>Any run of characters, empty included; only within a folder unless <paramref name="crossesFolders"/>.</summary>
        public Builder AnyRun(bool crossesFolders) => Add(new Part(CharTest.Any(crossesFolders), Repeated: true, null));

        /// <summary>
        /// A bracket class: its characters are literal, and "a-z" is a range. Returns an error when the class is empty
        /// or a range runs backwards, else null.
        /// </summary>
        public string? Class(ReadOnlySpan<char> body, bool negated)
        {
            if (body.IsEmpty)
            {
                return "'[]' holds no character";
            }

            var ranges = new List<(char, char)>();
            for (var i = 0; i < body.Length; i++)
            {
                if (i + 2 < body.Length && body[i + 1] == '-')
                {
                    if (body[i] > body[i + 2])
                    {
                        return $"the range '{body[i]}-{body[i + 2]}' runs backwards";
                    }

                    ranges.Add((body[i], body[i + 2]));
                    i += 2;
                }
                else
                {
                    ranges.Add((body[i], body[i]));
                }
            }

            Add(new Part(CharTest.Class([.. ranges], negated), Repeated: false, null));
            return null;
        }

        /// <summary>Opens a group of alternatives.</summary>
        public Builder Open()
        {
            _groups.Push([[]]);
            return this;
        }

        /// <summary>Starts the next alternative of the innermost open group.</summary>
        public Builder Or()
        {
            _groups.Peek().Add([]);
            return this;
        }

        /// <summary>Closes the innermost open group.</summary>
        public Builder Close()
        {
            var group = _groups.Pop();
            return Add(new Part(default, Repeated: false, group));
        }

        /// <summary>The automaton of what was built; every group must be closed.</summary>
        public GlobAutomaton Build()
        {
            if (OpenGroups != 0)
            {
                throw new InvalidOperationException("a group is still open");
            }

            var states = new List<State> { new() { Kind = StateKind.Match } };
            var start = Compile(_groups.Peek(), 0, states);
            return new GlobAutomaton([.. states], start);
        }

        private Builder Add(Part part)
        {
            _groups.Peek()[^1].Add(part);
            return this;
        }

        /// <summary>Compiles a group's alternatives, each going on to <paramref name="next"/>; returns the state they start at.</summary>
        private static int Compile(List<List<Part>> alternatives, int next, List<State> states)
        {
            var start = CompileSequence(alternatives[^1], next, states);
            for (var a = alternatives.Count - 2; a >= 0; a--)
            {
                var first = CompileSequence(alternatives[a], next, states);
                states.Add(new State { Kind = StateKind.Split, Next = first, Alternative = start });
                start = states.Count - 1;
            }

            return start;
        }

        private static int CompileSequence(List<Part> parts, int next, List<State> states)
        {
            for (var p = parts.Count - 1; p >= 0; p--)
            {
                var part = parts[p];
                if (part.Group is { } group)
                {
                    next = Compile(group, next, states);
                }
                else if (part.Repeated)
                {
                    // A loop: the split either takes one more character (and comes back) or goes on.
                    var split = states.Count;
                    states.Add(new State { Kind = StateKind.Split, Alternative = next });
                    states.Add(new State { Kind = StateKind.Step, Test = part.Test, Next = split });
                    states[split] = states[split] with { Next = split + 1 };
                    next = split;
                }
                else
                {
                    states.Add(new State { Kind = StateKind.Step, Test = part.Test, Next = next });
                    next = states.Count - 1;
                }
            }

            return next;
        }

        private readonly record struct Part(CharTest Test, bool Repeated, List<List<Part>>? Group);
    }
}
