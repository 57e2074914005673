using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// Whether a pattern's matches can be searched on the backtracking interpreter in time linear in the text: it has no
/// unbounded repetition (<c>*</c>, <c>+</c>, <c>{n,}</c>, or a count above 1,000), no lookaround, back-reference, atomic group or conditional,
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
    public static bool IsBounded(string pattern, RegexOptions options) => Read(pattern, options).IsBounded;

    /// <summary>
    /// True when the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>, .NET 7 to 10) may find other matches
    /// of <paramref name="pattern"/> than a backtracking engine does. It drops or moves matches of these shapes, found in
    /// random trials against the interpreter and Python's <c>re</c>:
    /// <list type="bullet">
    /// <item>a first element that can be skipped, with no anchor before it (<c>,?\w+</c>, <c>,*\w* +</c>, <c>(?:,|)\w+</c>);</item>
    /// <item>a pattern that can match the empty string (<c>\w*\s*\b</c>);</item>
    /// <item>a repetition of what can match nothing (<c>(?:a?)+</c>, <c>\B{2}</c>);</item>
    /// <item>an optional part after <c>\b</c> or <c>\B</c> that follows a character, or after a lazy quantifier
    /// (<see cref="Pending"/>); a lazy quantifier inside a repetition, among alternatives, or on a part that can
    /// itself be skipped (<c>(?:,?a)??</c>).</item>
    /// </list>
    /// Of other shapes (<c>\w+ly\b</c>, <c>\bpolls?\b</c>, <c>^\W*x</c>, <c>Getty\b[^\n]*</c>) it found every match in
    /// those trials, though it may end some elsewhere (<see cref="MayEndMatchesElsewhereOnLinearEngine"/>). True for a
    /// pattern this reading does not follow (lookaround, <c>(?x)</c> and the like), of which nothing is known.
    /// </summary>
    public static bool MayDropMatchesOnLinearEngine(string pattern, RegexOptions options) => Read(pattern, options).MayDropMatches;

    /// <summary>
    /// True when the linear-time engine may end a match of <paramref name="pattern"/> elsewhere than a backtracking engine
    /// does, from the same start (and so find other matches after it). Found in random trials against the interpreter:
    /// <list type="bullet">
    /// <item>branches that may start alike and are followed by more, where the linear engine may take a later branch
    /// than the first that lets the rest match: a branch with a choice of length before another (<c>(?:a+|ab)b</c> and
    /// <c>(?:a{1,2}|ab)b</c> on <c>abb</c>), or three branches or more of different lengths (<c>(?:ac|a|ab)b</c>); a
    /// repetition of branches that may start alike (<c>(?:a|ab)+b</c> on <c>ababb</c>) or of a choice of length
    /// (<c>b(?:\w{1,2}\w)+a</c>); <c>\B</c> (see <see cref="Reader.MayRankDifferently"/>). Branches whose literal starts
    /// rule each other out (<c>(?:is|are|was|were)</c>, <c>(?:said\s+|told\s+)</c>) cannot both match at one place.</item>
    /// </list>
    /// Of other shapes with alternatives (<c>(?:ab|a+)b</c>, <c>(?:a|ab)b</c>, <c>(?:ac|a|ab)$</c>) it ended every match
    /// where the interpreter did. True for a pattern this reading does not follow.
    /// </summary>
    public static bool MayEndMatchesElsewhereOnLinearEngine(string pattern, RegexOptions options) => Read(pattern, options).MayRankDifferently;

    /// <summary>The answers of one reading: whether the pattern is bounded, whether the linear-time engine may drop its matches, and whether it may end them elsewhere.</summary>
    internal static Reading Read(string pattern, RegexOptions options)
    {
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return Unread;
        }

        var reader = new Reader(pattern);
        var whole = reader.Alternation();
        if (whole.Ways == Reader.Unread || !reader.AtEnd)
        {
            return Unread;
        }

        return new Reading(
            !reader.Repeats && whole.Ways <= MaxPaths,
            reader.MayDropMatches || whole.Nullable || whole.SkippableStart,
            reader.MayRankDifferently);
    }

    internal readonly record struct Reading(bool IsBounded, bool MayDropMatches, bool MayRankDifferently);

    /// <summary>Where alternatives the linear engine may rank otherwise than a backtracking engine can do harm (<see cref="Reader.MayRankDifferently"/>).</summary>
    private enum Choice
    {
        /// <summary>Nowhere.</summary>
        None,

        /// <summary>Only where a word character follows them.</summary>
        BeforeWord,

        /// <summary>Wherever anything follows them.</summary>
        Any,
    }

    /// <summary>A pattern the reading does not follow: not bounded, and nothing known of how the linear engine runs it.</summary>
    private static readonly Reading Unread = new(false, true, true);

    /// <summary>
    /// A part of the pattern: its ways through (up to <see cref="MaxPaths"/> + 1); whether it can match the empty string
    /// (<paramref name="Nullable"/>), anywhere rather than only at an anchor (<paramref name="FreeEmpty"/>); whether it
    /// never matches a character (<paramref name="ZeroWidth"/>: an anchor, an option); whether a match of it can begin by
    /// skipping its first element (<paramref name="SkippableStart"/>: <c>,*\w+</c>, <c>(?:,?a)</c>); whether it holds
    /// <c>\b</c> or <c>\B</c>; what its end leaves pending (<see cref="Pending"/>); whether it is one character, possibly
    /// quantified; whether it holds a lazy quantifier; whether it holds a choice of length, a quantifier whose least and
    /// most differ (<c>a+</c>, <c>b?</c>: <paramref name="Varies"/>) or alternatives (<paramref name="Branches"/>); the
    /// literal characters every match of it starts with, as far as they are known (<paramref name="Prefix"/>, lower-cased),
    /// and whether every match is just those (<paramref name="IsPrefix"/>: a literal); whether it holds
    /// alternatives of which two may start alike (<paramref name="Competing"/>); the length of every match of it, if
    /// they are all as long (<paramref name="Length"/>); whether it ends in alternatives whose order the linear engine
    /// may confuse when more follows (<paramref name="OpenChoice"/>, see <see cref="Reader.MayRankDifferently"/>); whether
    /// every match of it starts with a character that is not a word character (<paramref name="StartsNonWord"/>).
    /// </summary>
    private readonly record struct Part(
        long Ways,
        bool Nullable,
        bool FreeEmpty = false,
        bool ZeroWidth = false,
        bool SkippableStart = false,
        bool WordAnchored = false,
        Pending Trailing = Pending.None,
        bool IsWordBoundary = false,
        bool SingleCharacter = false,
        bool HasLazy = false,
        bool Varies = false,
        bool Branches = false,
        string Prefix = "",
        bool IsPrefix = false,
        bool Competing = false,
        int Length = 0,
        Choice OpenChoice = Choice.None,
        bool StartsNonWord = false)
    {
        /// <summary>The <see cref="Length"/> of a part whose matches differ in length.</summary>
        public const int VariousLengths = -1;

        /// <summary><c>^</c>, <c>$</c>, <c>\A</c>, <c>\z</c> and the like: no character, at some places only.</summary>
        public static Part Anchor => new(1, true, ZeroWidth: true);

        /// <summary>An inline option or a comment: no character, anywhere.</summary>
        public static Part Nothing => new(1, true, FreeEmpty: true, ZeroWidth: true);

        /// <summary><c>\b</c> or <c>\B</c>.</summary>
        public static Part WordAnchor(bool boundary) => new(1, true, ZeroWidth: true, WordAnchored: true, IsWordBoundary: boundary);

        /// <summary>Syntax the reading does not follow.</summary>
        public static Part Unreadable => new(Reader.Unread, false);

        /// <summary>One character.</summary>
        public static Part Character => new(1, false, SingleCharacter: true, Length: 1);

        /// <summary>One literal character (its lower case: literals are compared as if case were ignored).</summary>
        public static Part Literal(char c)
        {
            var lower = char.ToLowerInvariant(c);
            return new(1, false, SingleCharacter: true, Prefix: lower < AsciiStrings.Length ? AsciiStrings[lower] : lower.ToString(), IsPrefix: true, Length: 1, StartsNonWord: !WordIndex.IsWordChar(c));
        }

        /// <summary>Each ASCII character as a string, so that reading a word list does not make one per letter.</summary>
        private static readonly string[] AsciiStrings = [.. Enumerable.Range(0, 128).Select(i => ((char)i).ToString())];

        /// <summary><c>\s</c>, <c>\W</c>: one character that is not a word character.</summary>
        public static Part NonWordCharacter => new(1, false, SingleCharacter: true, Length: 1, StartsNonWord: true);

        /// <summary>It can match nothing at <c>\b</c> or <c>\B</c> (<c>\b</c>, <c>(?:a|\B)</c>).</summary>
        public bool EmptyAtWordAnchor => WordAnchored && (ZeroWidth || Nullable);
    }

    /// <summary>
    /// What the end of a part leaves for the element after it: after <c>\b</c> that follows a character, an optional part of
    /// more than one character may lose matches on the linear engine (<c> \b(?:a )?</c>); after <c>\B</c> or a lazy
    /// quantifier, any optional part or one whose first element is optional (<c>a\Ba?</c>, <c>.+?,?b</c>,
    /// <c>\s\B(?:\s*b)</c>).
    /// </summary>
    private enum Pending
    {
        None,
        Boundary,
        Any,
    }

    /// <summary>
    /// A recursive reading of the pattern that counts its ways (saturating above <see cref="MaxPaths"/>), notes repetition
    /// without end and the shapes the linear-time engine mishandles, and gives up (<see cref="Unread"/>) on syntax it does
    /// not follow.
    /// </summary>
    private ref struct Reader(string pattern)
    {
        /// <summary>The ways of a part the reading does not follow: lookaround, back-references and the like.</summary>
        public const long Unread = long.MaxValue;

        private const long Many = MaxPaths + 1L;

        /// <summary>The largest count of a repetition read as bounded (<c>{0,1000}</c>); a larger one is read as <c>*</c>.</summary>
        private const int MaxCount = 1000;
        private readonly string _p = pattern;
        private int _i;

        // Some element that matches a character comes earlier in the pattern (a \b at the start of a group may follow it).
        private bool _characterBefore;

        public readonly bool AtEnd => _i >= _p.Length;

        /// <summary>Some part repeats without end (<c>*</c>, <c>+</c>, <c>{n,}</c>).</summary>
        public bool Repeats { get; private set; }

        /// <summary>
        /// Some part has a shape the linear-time engine mishandles, other than where the whole pattern starts: a repetition of
        /// what can match nothing, an anchor or a lazy quantifier (<c>(?:a?)+</c>, <c>\B{2}</c>, <c>(?:a+?b)+</c>); an optional
        /// part after <c>\b</c>, <c>\B</c> or a lazy quantifier (see <see cref="Pending"/>); a lazy quantifier among
        /// alternatives or on a part that can itself be skipped.
        /// </summary>
        public bool MayDropMatches { get; private set; }

        /// <summary>
        /// Some part has a shape on which the linear-time engine ranks the ways through differently from a backtracking
        /// engine, so that it ends a match elsewhere: branches that may start alike, followed by more, of which one
        /// before the last holds a choice of length or which are three or more of different lengths (<c>(?:a+|ab)b</c>
        /// matches <c>ab</c> of <c>abb</c> by backtracking, <c>abb</c> on the linear engine; <c>(?:ac|a|ab)b</c> the same);
        /// a repetition of branches that may start alike or of a choice of length (<c>(?:a|ab)+b</c>, <c>(?:a{1,2}b)+</c>);
        /// and <c>\B</c>. It finds the same first start: only where a match ends differs.
        /// </summary>
        public bool MayRankDifferently { get; private set; }

        /// <summary>Alternatives up to a closing parenthesis or the end: the sum of their ways.</summary>
        public Part Alternation()
        {
            var total = 0L;
            var nullable = false;
            var freeEmpty = false;
            var zeroWidth = true;
            var skippable = false;
            var wordAnchored = false;
            var trailing = Pending.None;
            var hasLazy = false;
            var varies = false;
            var within = false; // alternatives or competing ones inside a branch
            var choiceBefore = false; // a branch before this one holds a choice of length
            var prefix = ""; // the literal start all branches share
            var prefixes = new List<(string Prefix, bool Whole)>(); // each branch's literal start (see Overlaps)
            var startsNonWord = true;
            var length = 0; // the length of every branch's matches, while they are all as long
            var nested = false; // a branch holds alternatives of its own
            var openChoice = Choice.None;
            var branches = 0; // the '|' read so far
            while (true)
            {
                var branch = Sequence();
                prefixes.Add((branch.Prefix, branch.IsPrefix));
                startsNonWord &= branch.StartsNonWord;
                prefix = branches == 0 ? branch.Prefix : prefix[..CommonLength(prefix, branch.Prefix)];
                varies |= branch.Varies;
                within |= branch.Competing;
                length = branches == 0 || branch.Length == length ? branch.Length : Part.VariousLengths;
                nested |= branch.Branches;
                openChoice = Wider(openChoice, branch.OpenChoice);
                total = Add(total, branch.Ways);
                nullable |= branch.Nullable;
                freeEmpty |= branch.FreeEmpty;
                zeroWidth &= branch.ZeroWidth;
                skippable |= branch.SkippableStart;
                wordAnchored |= branch.WordAnchored;
                trailing = Later(trailing, branch.Trailing);
                hasLazy |= branch.HasLazy;
                if (total == Unread || _i >= _p.Length || _p[_i] == ')')
                {
                    // Alternatives of which one holds a lazy quantifier ("(?:,??|)"): the linear engine can take another.
                    MayDropMatches |= hasLazy && branches > 0;

                    // Among branches that may start alike, a branch before the last that holds a choice of length
                    // ("(?:a+|ab)"), or three or more branches of different lengths ("(?:ac|a|ab)"): when more follows
                    // ("b"), the linear engine may end the match with a later branch than the first that lets it match.
                    var overlap = Overlaps(prefixes);
                    if (choiceBefore || (length == Part.VariousLengths && (branches >= 2 || nested)))
                    {
                        openChoice = Wider(openChoice, overlap);
                    }

                    return new Part(
                        total, nullable, freeEmpty, zeroWidth, skippable, wordAnchored, trailing, HasLazy: hasLazy, Varies: varies,
                        Branches: branches > 0 || branch.Branches || choiceBefore, Prefix: prefix, IsPrefix: branches == 0 && branch.IsPrefix,
                        Competing: overlap != Choice.None || within, Length: length, OpenChoice: openChoice,
                        StartsNonWord: startsNonWord && !nullable);
                }

                choiceBefore |= branch.Varies || branch.Branches;
                branches++;
                _i++; // '|'
            }
        }

        /// <summary>Quantified atoms up to '|', ')' or the end: the product of their ways.</summary>
        private Part Sequence()
        {
            var total = 1L;
            var nullable = true;
            var freeEmpty = true;
            var zeroWidth = true; // every element matches no character (so far; an empty sequence too)
            var wordAnchored = false;
            var skippable = false;
            var pinned = false; // an anchor comes before the first character
            var leading = true; // no element that matches characters yet
            var pending = Pending.None;
            var hasLazy = false;
            var varies = false;
            var alternatives = false;
            var competing = false;
            var prefix = ""; // the first literal piece; later ones go to longer (one string per sequence, not per piece)
            StringBuilder? longer = null;
            var growing = true; // every element so far that matches characters is a literal: the prefix may grow
            var length = 0;
            var openChoice = Choice.None; // of an OpenChoice part with no character matched after it
            var startsNonWord = false;
            while (_i < _p.Length && _p[_i] is not ('|' or ')'))
            {
                var atom = Atom();
                if (atom.Ways == Unread)
                {
                    return atom;
                }

                var part = Quantified(atom);
                if (!part.ZeroWidth && pending switch
                {
                    Pending.Boundary => part.Nullable && !part.SingleCharacter,
                    Pending.Any => part.Nullable || part.SkippableStart,
                    _ => false,
                })
                {
                    MayDropMatches = true;
                }

                if (part.EmptyAtWordAnchor && (!leading || _characterBefore))
                {
                    var anchor = part.IsWordBoundary ? Pending.Boundary : Pending.Any;
                    pending = part.ZeroWidth ? Later(pending, anchor) : anchor;
                }
                else if (part.Nullable)
                {
                    // An anchor or an optional part: what was pending before it still is.
                    pending = Later(pending, part.Trailing);
                }
                else
                {
                    pending = part.Trailing;
                }

                // Something that matches characters after alternatives the linear engine may confuse, unless they are only
                // confused before a word character and it rules one out ("(?:the|their)\s", "(?:in|into)\b").
                var settled = openChoice == Choice.BeforeWord && (part.IsWordBoundary || part.StartsNonWord);
                MayRankDifferently |= openChoice != Choice.None && !settled && !part.ZeroWidth;
                openChoice = settled || !part.ZeroWidth ? part.OpenChoice : Wider(openChoice, part.OpenChoice);
                length = Lengthen(length, part.Length, 1);
                hasLazy |= part.HasLazy;
                _characterBefore |= !part.ZeroWidth;
                varies |= part.Varies;
                alternatives |= part.Branches;
                competing |= part.Competing;
                if (leading)
                {
                    if (part.ZeroWidth)
                    {
                        pinned |= !part.FreeEmpty;
                    }
                    else
                    {
                        skippable = !pinned && (part.FreeEmpty || atom.SkippableStart);
                        startsNonWord = part.StartsNonWord && !part.Nullable;
                        leading = false;
                    }
                }

                if (growing && !part.ZeroWidth)
                {
                    if (longer is null && prefix.Length == 0)
                    {
                        prefix = part.Prefix;
                    }
                    else
                    {
                        (longer ??= new StringBuilder(prefix)).Append(part.Prefix);
                    }

                    growing = part.IsPrefix;
                }

                total = Multiply(total, part.Ways);
                nullable &= part.Nullable;
                freeEmpty &= part.FreeEmpty;
                zeroWidth &= part.ZeroWidth;
                wordAnchored |= part.WordAnchored;
            }

            return new Part(
                total, nullable, freeEmpty, zeroWidth, skippable, wordAnchored, pending, HasLazy: hasLazy, Varies: varies,
                Branches: alternatives, Prefix: longer?.ToString() ?? prefix, IsPrefix: growing && !zeroWidth, Competing: competing, Length: length,
                OpenChoice: openChoice, StartsNonWord: startsNonWord);
        }

        private Part Atom()
        {
            var c = _p[_i];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    return CharacterClass() ? Part.Character : Part.Unreadable;
                case '(':
                    return Group();
                case '*' or '+' or '?':
                    return Part.Unreadable; // a quantifier with nothing before it: leave it to the engine's own error
                case '^' or '$':
                    _i++;
                    return Part.Anchor;
                case '.':
                    _i++;
                    return Part.Character;
                default:
                    _i++;
                    return Part.Literal(c);
            }
        }

        private Part Escape()
        {
            if (_i + 1 >= _p.Length)
            {
                return Part.Unreadable;
            }

            var e = _p[_i + 1];
            _i += 2;
            switch (e)
            {
                case >= '1' and <= '9' or 'k':
                    return Part.Unreadable; // a back-reference
                case 'p' or 'P':
                    return SkipPast('}') ? Part.Character : Part.Unreadable;
                case 'u':
                    _i += 4;
                    return Part.Character;
                case 'x':
                    _i += 2;
                    return Part.Character;
                case 'c':
                    _i += 1;
                    return Part.Character;
                case '0':
                    while (_i < _p.Length && _p[_i] is >= '0' and <= '7')
                    {
                        _i++;
                    }

                    return Part.Character;
                case 'b':
                    return Part.WordAnchor(boundary: true);
                case 'A' or 'z' or 'Z' or 'G':
                    return Part.Anchor;
                case 'B':
                    MayRankDifferently = true;
                    return Part.WordAnchor(boundary: false);
                case 's' or 'W':
                    return Part.NonWordCharacter;
                default:
                    // An escaped punctuation mark is that mark; a letter is a class (\w, \d) or a control character.
                    return char.IsAsciiLetterOrDigit(e) ? Part.Character : Part.Literal(e);
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

        private Part Group()
        {
            _i++; // '('
            if (_i < _p.Length && _p[_i] == '?')
            {
                var kind = _i + 1 < _p.Length ? _p[_i + 1] : '\0';
                switch (kind)
                {
                    case '#':
                        return SkipPast(')') ? Part.Nothing : Part.Unreadable;
                    case ':':
                        _i += 2;
                        break;
                    case '<' when _i + 2 < _p.Length && _p[_i + 2] is not ('=' or '!'):
                    case '\'':
                        _i += 2;
                        var close = _p.IndexOf(kind == '<' ? '>' : '\'', _i);
                        if (close < 0 || _p.AsSpan(_i, close - _i).Contains('-'))
                        {
                            return Part.Unreadable; // unclosed, or a balancing group
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
                            return Part.Unreadable;
                        }

                        var on = _p.AsSpan(start, end - start);
                        var minus = on.IndexOf('-');
                        if ((minus < 0 ? on : on[..minus]).Contains('x'))
                        {
                            return Part.Unreadable; // white space in the pattern would read differently from here on
                        }

                        _i = end + 1;
                        if (_p[end] == ')')
                        {
                            return Part.Nothing; // options alone match no character
                        }

                        break;
                }
            }

            var inner = Alternation();
            if (inner.Ways == Unread || _i >= _p.Length || _p[_i] != ')')
            {
                return Part.Unreadable;
            }

            _i++;
            return inner;
        }

        /// <summary>The part <paramref name="atom"/> with the quantifier after it, if any (and its lazy mark).</summary>
        private Part Quantified(Part atom)
        {
            int min, max, length = 1;
            switch (_i < _p.Length ? _p[_i] : '\0')
            {
                case '*':
                    (min, max) = (0, -1);
                    break;
                case '+':
                    (min, max) = (1, -1);
                    break;
                case '?':
                    (min, max) = (0, 1);
                    break;
                case '{' when Counts(out min, out max, out length):
                    break;
                default:
                    return atom;
            }

            _i += length;

            // A repetition of what can match nothing ("(?:a?)*"), or of an anchor or a lazy quantifier ("\B{2}", "(?:a+?b)+").
            MayDropMatches |= atom.Nullable || atom.Trailing != Pending.None || atom.HasLazy; // an anchor is nullable too
            var ways = Many;
            if (max is < 0 or > MaxCount)
            {
                // Without end, or so long that one way through could be far longer than the pattern.
                Repeats = true;
            }
            else
            {
                ways = 0;
                var power = 1L;
                for (var k = 0; k <= max && ways < Many; k++)
                {
                    if (k >= min)
                    {
                        ways = Add(ways, power);
                    }

                    power = Multiply(power, atom.Ways);
                }
            }

            // A repetition of a choice of length, or of alternatives that may start alike, ranks its ways as a choice
            // before alternatives does ("(?:a{1,2}b)+", "(?:a|ab)+").
            MayRankDifferently |= max is < 0 or > 1 && (atom.Varies || atom.Competing || atom.OpenChoice != Choice.None);
            var quantified = atom with
            {
                Ways = ways,
                Nullable = min == 0 || atom.Nullable,
                FreeEmpty = min == 0 || atom.FreeEmpty,
                IsWordBoundary = false,
                Varies = atom.Varies || max != min,
                Prefix = min == 0 ? "" : atom.Prefix,
                IsPrefix = atom.IsPrefix && min == 1 && max == 1,
                StartsNonWord = atom.StartsNonWord && min > 0,
                Length = max == min ? Lengthen(0, atom.Length, min) : Part.VariousLengths,
            };
            if (_i < _p.Length && _p[_i] == '?')
            {
                // A lazy optional part that can itself be skipped or match nothing ("(?:,?a)??").
                MayDropMatches |= quantified.FreeEmpty && (atom.Nullable || atom.SkippableStart);
                quantified = quantified with { HasLazy = true, Trailing = Pending.Any };
                _i++;
            }

            return quantified;
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
            var number = 0L;
            var start = j;
            while (j < _p.Length && _p[j] is >= '0' and <= '9')
            {
                number = Math.Min((number * 10) + (_p[j] - '0'), int.MaxValue);
                j++;
            }

            value = (int)number;
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

        /// <summary>A fixed length <paramref name="a"/> followed by <paramref name="times"/> of <paramref name="b"/>, at most <see cref="int.MaxValue"/>.</summary>
        private static int Lengthen(int a, int b, int times) =>
            a == Part.VariousLengths || b == Part.VariousLengths ? Part.VariousLengths : (int)Math.Min(a + ((long)b * times), int.MaxValue);

        /// <summary>
        /// Whether two branches, by their literal starts (and whether each is just that literal), may both match at one
        /// place: not when neither start begins the other; only before a word character when the shorter is a whole
        /// literal ending in a word character and the longer goes on with one ("the" and "their", "in" and "into").
        /// </summary>
        private static Choice Overlap((string Prefix, bool Whole) a, (string Prefix, bool Whole) b)
        {
            var (shorter, longer) = a.Prefix.Length <= b.Prefix.Length ? (a, b) : (b, a);
            if (!longer.Prefix.StartsWith(shorter.Prefix, StringComparison.Ordinal))
            {
                return Choice.None;
            }

            var n = shorter.Prefix.Length;
            return shorter.Whole && n > 0 && longer.Prefix.Length > n && WordIndex.IsWordChar(shorter.Prefix[n - 1]) && WordIndex.IsWordChar(longer.Prefix[n])
                ? Choice.BeforeWord
                : Choice.Any;
        }

        /// <summary>
        /// The widest <see cref="Overlap"/> of any two of the branches. Sorted, a literal start stands just before the
        /// starts it begins, so only those are compared: a word list of thousands of branches is read in time near its
        /// length, not its square.
        /// </summary>
        private static Choice Overlaps(List<(string Prefix, bool Whole)> branches)
        {
            branches.Sort(static (a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
            var widest = Choice.None;
            for (var i = 0; i < branches.Count; i++)
            {
                for (var j = i + 1; j < branches.Count && branches[j].Prefix.StartsWith(branches[i].Prefix, StringComparison.Ordinal); j++)
                {
                    widest = Wider(widest, Overlap(branches[i], branches[j]));
                    if (widest == Choice.Any)
                    {
                        return widest;
                    }
                }
            }

            return widest;
        }

        private static Choice Wider(Choice a, Choice b) => a > b ? a : b;

        /// <summary>How many characters two strings share at their start.</summary>
        private static int CommonLength(string a, string b) => a.AsSpan().CommonPrefixLength(b);

        /// <summary>The stricter of two pending states.</summary>
        private static Pending Later(Pending a, Pending b) => a > b ? a : b;

        private static long Add(long a, long b) => a == Unread || b == Unread ? Unread : Math.Min(a + b, Many);

        private static long Multiply(long a, long b) => a == Unread || b == Unread ? Unread : a != 0 && b > Many / a ? Many : Math.Min(a * b, Many);
    }
}
