using System.Text.RegularExpressions;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// Whether a pattern's matches can be searched on the backtracking interpreter in time linear in the text: it has no
/// unbounded repetition (<c>*</c>, <c>+</c>, <c>{n,}</c>), no lookaround, back-reference, atomic group or conditional,
/// and the number of ways through it (each alternative, each optional part, each count of a bounded repetition) is at
/// most <see cref="MaxPaths"/>. From each start the interpreter then tries at most that many ways, each no longer than
/// the pattern, so a search costs a constant per character of the text however the text is made.
/// <para>
/// Such a pattern (a word list, <c>\b(?:utilize|leverage)\b</c>; a spelling with optional parts, <c>e-?mail</c>) is
/// built in microseconds on the interpreter, where the linear-time automaton costs a millisecond or more to build, most
/// of it for the character classes of <c>\b</c> and <c>\w</c>; a style of a hundred rules builds dozens of them at start.
/// </para>
/// </summary>
public static class BoundedPattern
{
    /// <summary>The most ways through a pattern that still counts as bounded.</summary>
    public const int MaxPaths = 4096;

    /// <summary>True when <paramref name="pattern"/> (.NET syntax, read with <paramref name="options"/>) is bounded as the type describes.</summary>
    public static bool IsBounded(string pattern, RegexOptions options)
    {
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return false;
        }

        var reader = new Reader(pattern);
        var paths = reader.Alternation();
        return paths <= MaxPaths && reader.AtEnd;
    }

    /// <summary>A recursive reading of the pattern that counts its ways; <see cref="Unbounded"/> as soon as one part is not bounded.</summary>
    private ref struct Reader(string pattern)
    {
        private const long Unbounded = long.MaxValue;
        private readonly string _p = pattern;
        private int _i;

        public readonly bool AtEnd => _i >= _p.Length;

        /// <summary>Alternatives up to a closing parenthesis or the end: the sum of their ways.</summary>
        public long Alternation()
        {
            var total = 0L;
            while (true)
            {
                total = Add(total, Sequence());
                if (total == Unbounded || _i >= _p.Length || _p[_i] == ')')
                {
                    return total;
                }

                _i++; // '|'
            }
        }

        /// <summary>Quantified atoms up to '|', ')' or the end: the product of their ways.</summary>
        private long Sequence()
        {
            var total = 1L;
            while (_i < _p.Length && _p[_i] is not ('|' or ')'))
            {
                var atom = Atom();
                if (atom == Unbounded)
                {
                    return Unbounded;
                }

                total = Multiply(total, Quantified(atom));
                if (total == Unbounded)
                {
                    return Unbounded;
                }
            }

            return total;
        }

        private long Atom()
        {
            var c = _p[_i];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    return CharacterClass() ? 1 : Unbounded;
                case '(':
                    return Group();
                case '*' or '+' or '?':
                    return Unbounded; // a quantifier with nothing before it: leave it to the engine's own error
                default:
                    _i++;
                    return 1;
            }
        }

        private long Escape()
        {
            if (_i + 1 >= _p.Length)
            {
                return Unbounded;
            }

            var e = _p[_i + 1];
            _i += 2;
            switch (e)
            {
                case >= '1' and <= '9' or 'k':
                    return Unbounded; // a back-reference
                case 'p' or 'P':
                    return SkipPast('}') ? 1 : Unbounded;
                case 'u':
                    _i += 4;
                    return 1;
                case 'x':
                    _i += 2;
                    return 1;
                case 'c':
                    _i += 1;
                    return 1;
                case '0':
                    while (_i < _p.Length && _p[_i] is >= '0' and <= '7')
                    {
                        _i++;
                    }

                    return 1;
                default:
                    return 1;
            }
        }

        /// <summary>Skips a character class, subtractions (<c>[a-z-[aeiou]]</c>) included; false when it does not close.</summary>
        private bool CharacterClass()
        {
            _i++; // '['
            if (_i < _p.Length && _p[_i] == '^')
            {
                _i++;
            }

            var first = true;
            while (_i < _p.Length)
            {
                var c = _p[_i];
                if (c == '\\')
                {
                    _i += 2;
                }
                else if (c == ']' && !first)
                {
                    _i++;
                    return true;
                }
                else if (c == '-' && _i + 1 < _p.Length && _p[_i + 1] == '[')
                {
                    _i++;
                    if (!CharacterClass())
                    {
                        return false;
                    }
                }
                else
                {
                    _i++;
                }

                first = false;
            }

            return false;
        }

        private long Group()
        {
            _i++; // '('
            if (_i < _p.Length && _p[_i] == '?')
            {
                var kind = _i + 1 < _p.Length ? _p[_i + 1] : '\0';
                switch (kind)
                {
                    case '#':
                        return SkipPast(')') ? 1 : Unbounded;
                    case ':':
                        _i += 2;
                        break;
                    case '<' when _i + 2 < _p.Length && _p[_i + 2] is not ('=' or '!'):
                    case '\'':
                        _i += 2;
                        var close = _p.IndexOf(kind == '<' ? '>' : '\'', _i);
                        if (close < 0 || _p.AsSpan(_i, close - _i).Contains('-'))
                        {
                            return Unbounded; // unclosed, or a balancing group
                        }

                        _i = close + 1;

                        break;
                    default:
                        // Inline options, alone ("(?i)") or as a group ("(?i:…)"); anything else is lookaround, an atomic
                        // group or a conditional, which backtracking may need without bound.
                        var start = _i + 1;
                        var end = start;
                        while (end < _p.Length && _p[end] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
                        {
                            end++;
                        }

                        if (end == start || end >= _p.Length || _p[end] is not (')' or ':'))
                        {
                            return Unbounded;
                        }

                        var on = _p.AsSpan(start, end - start);
                        var minus = on.IndexOf('-');
                        if ((minus < 0 ? on : on[..minus]).Contains('x'))
                        {
                            return Unbounded; // white space in the pattern would read differently from here on
                        }

                        _i = end + 1;
                        if (_p[end] == ')')
                        {
                            return 1;
                        }

                        break;
                }
            }

            var inner = Alternation();
            if (inner == Unbounded || _i >= _p.Length || _p[_i] != ')')
            {
                return Unbounded;
            }

            _i++;
            return inner;
        }

        /// <summary>The ways of <paramref name="atom"/> with the quantifier after it, if any (and its lazy mark).</summary>
        private long Quantified(long atom)
        {
            if (_i >= _p.Length)
            {
                return atom;
            }

            long ways;
            switch (_p[_i])
            {
                case '*' or '+':
                    return Unbounded;
                case '?':
                    _i++;
                    ways = Add(atom, 1);
                    break;
                case '{' when Counts(out var min, out var max, out var length):
                    if (max < 0)
                    {
                        return Unbounded;
                    }

                    _i += length;
                    ways = 0;
                    var power = 1L;
                    for (var k = 0; k <= max && ways != Unbounded; k++)
                    {
                        if (k >= min)
                        {
                            ways = Add(ways, power);
                        }

                        power = Multiply(power, atom);
                    }

                    break;
                default:
                    return atom;
            }

            if (_i < _p.Length && _p[_i] == '?')
            {
                _i++;
            }

            return ways;
        }

        /// <summary>Reads <c>{n}</c>, <c>{n,}</c> (<paramref name="max"/> -1) or <c>{n,m}</c> at the reader; false when the brace is a literal.</summary>
        private readonly bool Counts(out int min, out int max, out int length)
        {
            min = max = length = 0;
            var j = _i + 1;
            if (!Number(ref j, out min))
            {
                return false;
            }

            max = min;
            if (j < _p.Length && _p[j] == ',')
            {
                j++;
                max = Number(ref j, out var upper) ? upper : -1;
            }

            if (j >= _p.Length || _p[j] != '}')
            {
                return false;
            }

            length = j + 1 - _i;
            return max < 0 || max >= min;
        }

        private readonly bool Number(ref int j, out int value)
        {
            value = 0;
            var start = j;
            while (j < _p.Length && _p[j] is >= '0' and <= '9' && j - start < 6)
            {
                value = (value * 10) + (_p[j] - '0');
                j++;
            }

            return j > start;
        }

        private bool SkipPast(char close)
        {
            var at = _p.IndexOf(close, _i);
            if (at < 0)
            {
                return false;
            }

            _i = at + 1;
            return true;
        }

        private static long Add(long a, long b) => a == Unbounded || b == Unbounded || a + b > MaxPaths ? Unbounded : a + b;

        private static long Multiply(long a, long b) => a == Unbounded || b == Unbounded || (a != 0 && b > MaxPaths / a) ? Unbounded : a * b;
    }
}
