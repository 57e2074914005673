using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale.Spelling;

/// <summary>
/// A Hunspell-compatible dictionary: an affix file (<c>.aff</c>) and a word list (<c>.dic</c>). A word is spelled
/// correctly when it is a stem of the list, or a stem with one of its prefixes or suffixes, or with both when both
/// allow cross products, the way Hunspell forms words from the lists (one level of affixes; no compounding but
/// <c>COMPOUNDRULE</c>). Words are not expanded into every form they can take: the affixes are stripped from the
/// word that is looked up, and what is left is looked up with the flag the affix needs.
/// </summary>
/// <remarks>
/// Read: <c>SET</c> (UTF-8 and ISO 8859-1), <c>FLAG</c> (characters, <c>long</c>, <c>num</c>, <c>UTF-8</c>),
/// <c>AF</c> flag aliases, <c>PFX</c>/<c>SFX</c> with strip, add and condition, <c>ICONV</c>,
/// <c>ONLYINCOMPOUND</c>, <c>NEEDAFFIX</c>, <c>FORBIDDENWORD</c>, <c>COMPOUNDRULE</c>. Other directives
/// (suggestions, <c>TRY</c>, <c>REP</c>, morphology) are read past.
/// </remarks>
public sealed class Hunspell
{
    private enum FlagMode
    {
        Char,
        Long,
        Number,
        Utf8,
    }

    private sealed record Affix(char Flag, bool Cross, string Strip, string Add, AffixCondition Condition);

    // Each stem's entries: the flags of each of its lines, interned as one character per flag, the lines joined by
    // a NUL (a flag is never NUL), so an affix pair is only taken from one line, as Hunspell takes it.
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Affix>> _suffixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Affix>> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, char> _flagIds = new(StringComparer.Ordinal);
    private readonly List<string> _aliases = [];
    private readonly List<(string From, string To)> _conversions = [];
    private readonly List<(string From, string To)> _replacements = [];
    private readonly List<string> _compoundRules = [];
    private List<string>? _breaks;
    private FlagMode _mode = FlagMode.Char;
    private char _onlyInCompound;
    private char _needAffix;
    private char _forbidden;
    private char _noSuggest;
    private int _longestSuffix;
    private int _longestPrefix;
    private bool _hasEmptyPrefix;

    private Hunspell()
    {
    }

    /// <summary>The stems the list holds (each counted once, whatever its lines).</summary>
    public int StemCount => _stems.Count;

    /// <summary>The <c>ICONV</c> pairs: characters a word is converted with before it is looked up (<c>’</c> to <c>'</c>).</summary>
    public IReadOnlyList<(string From, string To)> Conversions => _conversions;

    /// <summary>The <c>REP</c> pairs: common misspellings (<c>f</c>, <c>ph</c>) tried first when suggesting.</summary>
    public IReadOnlyList<(string From, string To)> Replacements => _replacements;

    /// <summary>
    /// The <c>BREAK</c> points: where a word not found is split and its pieces looked up (<c>foo-bar</c> is spelled
    /// right when <c>foo</c> and <c>bar</c> are). <c>^-</c> and <c>-$</c> are a leading and a trailing one. Without a
    /// <c>BREAK</c> table, Hunspell's default: <c>-</c>, <c>^-</c> and <c>-$</c>.
    /// </summary>
    public IReadOnlyList<string> Breaks => (IReadOnlyList<string>?)_breaks ?? DefaultBreaks;

    private static readonly string[] DefaultBreaks = ["-", "^-", "-$"];

    /// <summary>The <c>TRY</c> characters, most frequent first: those a suggestion inserts or puts in place of another.</summary>
    public string TryCharacters { get; private set; } = "";

    /// <summary>The first characters of the <c>ICONV</c> pairs: a word without one is not converted.</summary>
    public System.Buffers.SearchValues<char> ConversionStarts { get; private set; } = System.Buffers.SearchValues.Create("");

    /// <summary>Patterns built from <c>COMPOUNDRULE</c>s: a whole word that matches one is spelled correctly (<c>21st</c>, <c>112th</c>).</summary>
    public ImmutableArray<Regex> Compounds { get; private set; } = [];

    /// <summary>Reads a dictionary from its affix file and word list.</summary>
    /// <exception cref="FormatException">A line that cannot be read, with its file and line number.</exception>
    public static Hunspell Read(Stream aff, Stream dic, string name = "dictionary") =>
        Read(ReadAll(aff), ReadAll(dic), name + ".aff", name + ".dic");

    private static Hunspell Read(byte[] affBytes, byte[] dicBytes, string affName, string dicName)
    {
        var dictionary = new Hunspell();
        var encoding = EncodingOf(affBytes, affName);
        dictionary.ReadAffixes(Decode(encoding, affBytes), affName);
        dictionary.ReadWords(Decode(encoding, dicBytes), dicName);
        dictionary.BuildCompounds();
        dictionary.ConversionStarts = System.Buffers.SearchValues.Create([.. dictionary._conversions.Where(c => c.From.Length > 0).Select(c => c.From[0]).Distinct()]);
        return dictionary;
    }

    /// <summary>Reads a dictionary from its two files: only regular files, of at most <see cref="MaxFileBytes"/> each.</summary>
    /// <exception cref="IOException">A file that is not a regular file, too large, or unreadable.</exception>
    public static Hunspell Read(string affPath, string dicPath) =>
        Read(Workspace.RegularFile.ReadAllBytes(affPath, MaxFileBytes), Workspace.RegularFile.ReadAllBytes(dicPath, MaxFileBytes), affPath, dicPath);

    /// <summary>The largest dictionary file read (the largest Hunspell dictionaries are about a tenth of it).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    // A byte order mark is not part of the first line.
    private static string Decode(Encoding encoding, byte[] bytes)
    {
        var text = encoding.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    // The affix file names its encoding in a SET line; the word list shares it.
    private static Encoding EncodingOf(byte[] aff, string file)
    {
        var lines = Encoding.Latin1.GetString(aff).TrimStart('\u00EF', '\u00BB', '\u00BF').Split('\n');
        for (var number = 0; number < lines.Length; number++)
        {
            var parts = lines[number].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "SET")
            {
                return parts[1].ToUpperInvariant() switch
                {
                    "UTF-8" or "UTF8" => new UTF8Encoding(false),
                    "ISO8859-1" or "ISO-8859-1" or "LATIN1" => Encoding.Latin1,
                    _ => throw new FormatException($"{file}:{number + 1}: SET {parts[1]} is not read (UTF-8 and ISO8859-1 are): convert the dictionary to UTF-8"),
                };
            }
        }

        return new UTF8Encoding(false);
    }

    private void ReadAffixes(string text, string file)
    {
        var remaining = new Dictionary<(string Kind, string Flag), (bool Cross, int Count)>();
        // AF and COMPOUNDRULE tables: the first line gives the count, the next lines are entries (an entry may be a number).
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var number = 0; number < lines.Length; number++)
        {
            var line = lines[number].TrimEnd('\r');
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0].StartsWith('#'))
            {
                continue;
            }

            switch (parts[0])
            {
                case "FLAG" when parts.Length >= 2:
                    _mode = parts[1] switch
                    {
                        "long" => FlagMode.Long,
                        "num" => FlagMode.Number,
                        "UTF-8" => FlagMode.Utf8,
                        _ => FlagMode.Char,
                    };
                    break;
                case "AF" when parts.Length >= 2:
                    if (TableEntry(tables, "AF", parts[1]))
                    {
                        _aliases.Add(parts[1]);
                    }

                    break;
                case "ICONV" when parts.Length >= 3:
                    _conversions.Add((parts[1], parts[2]));
                    break;
                case "REP" when parts.Length >= 3:
                    _replacements.Add((parts[1].Replace('_', ' '), parts[2].Replace('_', ' ')));
                    break;
                case "TRY" when parts.Length >= 2:
                    TryCharacters = parts[1];
                    break;
                case "BREAK" when parts.Length >= 2:
                    // A table of its own replaces the default, even an empty one ("BREAK 0").
                    _breaks ??= [];
                    if (TableEntry(tables, "BREAK", parts[1]))
                    {
                        _breaks.Add(parts[1]);
                    }

                    break;
                case "NOSUGGEST" when parts.Length >= 2:
                    _noSuggest = Intern(parts[1]);
                    break;
                case "ONLYINCOMPOUND" when parts.Length >= 2:
                    _onlyInCompound = Intern(parts[1]);
                    break;
                case "NEEDAFFIX" or "PSEUDOROOT" when parts.Length >= 2:
                    _needAffix = Intern(parts[1]);
                    break;
                case "FORBIDDENWORD" when parts.Length >= 2:
                    _forbidden = Intern(parts[1]);
                    break;
                case "COMPOUNDRULE" when parts.Length >= 2:
                    if (TableEntry(tables, "COMPOUNDRULE", parts[1]))
                    {
                        _compoundRules.Add(parts[1]);
                    }

                    break;
                case "PFX" or "SFX":
                    if (parts.Length < 4)
                    {
                        throw new FormatException($"{file}:{number + 1}: an affix line needs a flag and at least two more fields");
                    }

                    var key = (parts[0], parts[1]);
                    if (!remaining.TryGetValue(key, out var header) || header.Count == 0)
                    {
                        // The class's header: flag, cross product (Y/N), number of rules.
                        if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                        {
                            throw new FormatException($"{file}:{number + 1}: '{parts[1]}' has no header line (flag, Y or N, count) before its rules");
                        }

                        remaining[key] = (parts[2] == "Y", count);
                        break;
                    }

                    remaining[key] = (header.Cross, header.Count - 1);
                    AddAffix(parts[0] == "PFX", parts, header.Cross, file, number + 1);
                    break;
            }
        }
    }

    // True when the line is an entry of its table; false when it is the table's count line.
    private static bool TableEntry(Dictionary<string, int> tables, string table, string value)
    {
        if (tables.TryGetValue(table, out var left) && left > 0)
        {
            tables[table] = left - 1;
            return true;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            tables[table] = count;
            return false;
        }

        // A table without its count line: its entries are read as they come.
        return true;
    }

    private void AddAffix(bool prefix, string[] parts, bool cross, string file, int line)
    {
        var strip = parts[2] == "0" ? "" : parts[2];
        var add = parts[3];
        var slash = add.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // Continuation classes (an affix on an affix) are not followed.
            add = add[..slash];
        }

        if (add == "0")
        {
            add = "";
        }

        var condition = AffixCondition.Parse(parts.Length > 4 ? parts[4] : ".", prefix)
            ?? throw new FormatException($"{file}:{line}: the condition '{parts[4]}' is not a Hunspell condition");
        var affix = new Affix(Intern(parts[1]), cross, strip, add, condition);
        var table = prefix ? _prefixes : _suffixes;
        if (!table.TryGetValue(add, out var list))
        {
            table[add] = list = [];
        }

        list.Add(affix);
        if (prefix)
        {
            _longestPrefix = Math.Max(_longestPrefix, add.Length);
            _hasEmptyPrefix |= add.Length == 0;
        }
        else
        {
            _longestSuffix = Math.Max(_longestSuffix, add.Length);
        }
    }

    private void ReadWords(string text, string file)
    {
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            // The first line is the count; a tab starts the morphological fields.
            if (number++ == 0)
            {
                var first = raw.TrimStart('\uFEFF').Trim();
                var digits = first.IndexOfAnyExceptInRange('0', '9');
                if (!int.TryParse(digits < 0 ? first : first[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    throw new FormatException($"{file}:1: the first line must be the number of words");
                }

                _stems.EnsureCapacity(Math.Min(count, 1_000_000));
                continue;
            }

            var line = raw;
            var morphology = MorphologyStart(line);
            if (morphology >= 0)
            {
                line = line[..morphology];
            }

            line = line.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var slash = SlashOf(line);
            var word = (slash < 0 ? line : line[..slash]).ToString().Replace("\\/", "/", StringComparison.Ordinal);
            var flags = slash < 0 ? "" : FlagsOf(line[(slash + 1)..], file, number);
            AddStem(word, flags);
        }
    }

    // Where a line's morphological fields start: a tab, or white space before a field such as "po:noun".
    private static int MorphologyStart(ReadOnlySpan<char> line)
    {
        var tab = line.IndexOf('\t');
        for (var i = 1; i + 3 < line.Length && (tab < 0 || i < tab); i++)
        {
            if (line[i] == ' ' && char.IsAsciiLetter(line[i + 1]) && char.IsAsciiLetter(line[i + 2]) && line[i + 3] == ':')
            {
                return i;
            }
        }

        return tab;
    }

    // The slash that starts the flags: not one escaped as \/ within the word, nor the first character.
    private static int SlashOf(ReadOnlySpan<char> line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '/' && line[i - 1] != '\\')
            {
                return i;
            }
        }

        return -1;
    }

    private void AddStem(string word, string flags)
    {
        ref var entries = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_stems, word, out var exists);
        entries = exists ? entries + "\0" + flags : flags;
    }

    /// <summary>Adds a word as it is, with no affixes (an ignore file's entry).</summary>
    internal void AddWord(string word) => AddStem(word, "");

    // The flags of a line in the dictionary's notation, one character each: a flag character stands for itself;
    // long and numeric flags (and characters outside the Basic Multilingual Plane) are interned.
    private string FlagsOf(ReadOnlySpan<char> text, string file, int line)
    {
        if (_aliases.Count > 0 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var alias))
        {
            if (alias < 1 || alias > _aliases.Count)
            {
                throw new FormatException($"{file}:{line}: flag alias {alias} is not defined (the affix file has {_aliases.Count})");
            }

            text = _aliases[alias - 1];
        }

        if (_mode == FlagMode.Char || (_mode == FlagMode.Utf8 && !text.ContainsAnyInRange('\uD800', '\uDFFF')))
        {
            return text.Contains('\0') ? text.ToString().Replace("\0", "", StringComparison.Ordinal) : text.ToString();
        }

        var result = new StringBuilder(text.Length);
        foreach (var flag in Split(text.ToString()))
        {
            result.Append(Intern(flag));
        }

        return result.ToString();
    }

    private IEnumerable<string> Split(string flags)
    {
        switch (_mode)
        {
            case FlagMode.Long:
                for (var i = 0; i < flags.Length; i += 2)
                {
                    yield return flags.Substring(i, Math.Min(2, flags.Length - i));
                }

                break;
            case FlagMode.Number:
                foreach (var part in flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // 07 is flag 7.
                    yield return int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : part;
                }

                break;
            default:
                foreach (var rune in flags.EnumerateRunes())
                {
                    yield return rune.ToString();
                }

                break;
        }
    }

    // A flag's one-character id: the character itself for character flags, a number from the Private Use Area's
    // end downwards for the others.
    private char Intern(string flag)
    {
        if (flag.Length == 1 && flag[0] != '\0' && _mode is FlagMode.Char or FlagMode.Utf8)
        {
            return flag[0];
        }

        if (_mode == FlagMode.Number && int.TryParse(flag, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            flag = number.ToString(CultureInfo.InvariantCulture);
        }

        if (!_flagIds.TryGetValue(flag, out var id))
        {
            // Ids stop short of the surrogates, so a flag is one character and never the lines' separator.
            if (_flagIds.Count >= 0xD000)
            {
                throw new FormatException($"more than {0xD000:N0} distinct flags");
            }

            id = _mode is FlagMode.Char or FlagMode.Utf8 ? (char)(0xF8FF - _flagIds.Count) : (char)(_flagIds.Count + 1);
            _flagIds[flag] = id;
        }

        return id;
    }

    private void BuildCompounds()
    {
        if (_compoundRules.Count == 0)
        {
            return;
        }

        // Each rule is a sequence of flags, each with * or ? after it; a flag is a character or, in parentheses,
        // a long or numeric flag.
        var rules = _compoundRules.Select(ParseCompoundRule).ToList();
        var groups = rules.SelectMany(r => r).Where(p => p.Flag != '\0').Select(p => p.Flag).Distinct().ToDictionary(f => f, _ => new List<string>());
        foreach (var (word, entries) in _stems)
        {
            foreach (var flag in entries)
            {
                if (groups.TryGetValue(flag, out var list))
                {
                    list.Add(word);
                }
            }
        }

        var compounds = ImmutableArray.CreateBuilder<Regex>();
        foreach (var rule in rules)
        {
            var pattern = new StringBuilder("^");
            foreach (var (flag, quantifier) in rule)
            {
                var words = flag != '\0' ? groups[flag] : [];
                pattern.Append("(?:").AppendJoin('|', words.Count == 0 ? ["(?!)"] : words.Select(Regex.Escape)).Append(')').Append(quantifier);
            }

            // Words of one flag can be prefixes of each other (a, aa): the linear-time engine never backtracks.
            compounds.Add(new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        }

        Compounds = compounds.ToImmutable();
        _compoundCharacters = System.Buffers.SearchValues.Create([.. groups.Values.SelectMany(w => w).SelectMany(w => w).Distinct()]);
    }

    private List<(char Flag, string Quantifier)> ParseCompoundRule(string rule)
    {
        var parts = new List<(char, string)>();
        for (var i = 0; i < rule.Length; i++)
        {
            string flag;
            if (rule[i] == '(' && rule.IndexOf(')', i) is var close and > 0)
            {
                flag = rule[(i + 1)..close];
                i = close;
            }
            else
            {
                flag = rule[i].ToString();
            }

            var quantifier = i + 1 < rule.Length && rule[i + 1] is '*' or '?' ? rule[++i].ToString() : "";
            var id = flag.Length == 1 && _mode is FlagMode.Char or FlagMode.Utf8 ? flag[0] : _flagIds.GetValueOrDefault(flag);
            parts.Add((id, quantifier));
        }

        return parts;
    }

    private System.Buffers.SearchValues<char>? _compoundCharacters;

    /// <summary>True when the word is a compound of a <c>COMPOUNDRULE</c> (<c>21st</c>).</summary>
    public bool IsCompound(ReadOnlySpan<char> word)
    {
        // A compound is made of the words of the rules' flags: a word with another character is none.
        if (_compoundCharacters is null || word.IsEmpty || word.ContainsAnyExcept(_compoundCharacters))
        {
            return false;
        }

        foreach (var compound in Compounds)
        {
            if (compound.IsMatch(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the word, exactly as written, is a word of the dictionary.</summary>
    public bool Contains(string word) => Contains(word.AsSpan());

    /// <summary>True when the word, exactly as written, is a word of the dictionary.</summary>
    public bool Contains(ReadOnlySpan<char> word) => Find(word, _forbidden);

    /// <summary>True when the word is a word of the dictionary that may be suggested (none of its stem's lines is <c>NOSUGGEST</c>).</summary>
    public bool IsSuggestible(ReadOnlySpan<char> word) => Find(word, _noSuggest);

    // A word whose stem carries the refused flag (FORBIDDENWORD, or NOSUGGEST when suggesting) is not found.
    private bool Find(ReadOnlySpan<char> word, char refused)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        if (Stems.TryGetValue(word, out var entries))
        {
            // A forbidden word is not a word, whatever affixes would make it.
            if ((_forbidden != '\0' && entries.Contains(_forbidden)) || (refused != '\0' && entries.Contains(refused)))
            {
                return false;
            }

            foreach (var line in entries.AsSpan().Split('\0'))
            {
                var flags = entries.AsSpan(line);
                if (!Has(flags, _onlyInCompound) && !Has(flags, _needAffix))
                {
                    return true;
                }
            }
        }

        if (word.Length > MaxWord)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxWord + 16];
        return WithSuffix(word, buffer, refused) || WithPrefix(word, suffix: null, buffer, refused);
    }

    // Longer words are not looked up (none of a dictionary's is this long), so stems fit a buffer on the stack.
    private const int MaxWord = 100;

    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Stems => _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    // The word is a stem with one of its suffixes, or a prefixed stem with a suffix, both cross products.
    private bool WithSuffix(ReadOnlySpan<char> word, Span<char> buffer, char refused)
    {
        var suffixes = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> inner = stackalloc char[MaxWord + 16];
        for (var length = Math.Min(_longestSuffix, word.Length - 1); length >= 0; length--)
        {
            if (!suffixes.TryGetValue(word[^length..], out var rules))
            {
                continue;
            }

            var kept = word[..^length];
            foreach (var rule in rules)
            {
                if (kept.Length + rule.Strip.Length > buffer.Length)
                {
                    continue;
                }

                kept.CopyTo(buffer);
                rule.Strip.CopyTo(buffer[kept.Length..]);
                var stem = buffer[..(kept.Length + rule.Strip.Length)];
                if (rule.Condition.Matches(stem) && HasFlag(stem, rule.Flag, '\0', refused))
                {
                    return true;
                }

                // With a prefix too, both conditions are the root's.
                if (rule.Cross && WithPrefix(stem, rule, inner, refused))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The word is a stem with one of its prefixes; with a suffix, the stem must also take that suffix (cross product).
    private bool WithPrefix(ReadOnlySpan<char> word, Affix? suffix, Span<char> buffer, char refused)
    {
        var prefixes = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(_longestPrefix, word.Length - 1); length >= (_hasEmptyPrefix ? 0 : 1); length--)
        {
            if (!prefixes.TryGetValue(word[..length], out var rules))
            {
                continue;
            }

            var kept = word[length..];
            foreach (var rule in rules)
            {
                if ((suffix is not null && !rule.Cross) || kept.Length + rule.Strip.Length > buffer.Length)
                {
                    continue;
                }

                rule.Strip.CopyTo(buffer);
                kept.CopyTo(buffer[rule.Strip.Length..]);
                var stem = buffer[..(rule.Strip.Length + kept.Length)];
                if (rule.Condition.Matches(stem) && (suffix is null || suffix.Condition.Matches(stem)) && HasFlag(stem, rule.Flag, suffix?.Flag ?? '\0', refused))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // One line of the stem carries the flag (and the second flag, when one is given), and none that keeps it out.
    private bool HasFlag(ReadOnlySpan<char> stem, char flag, char second, char refused)
    {
        if (!Stems.TryGetValue(stem, out var entries))
        {
            return false;
        }

        foreach (var range in entries.AsSpan().Split('\0'))
        {
            var line = entries.AsSpan(range);
            if (Has(line, flag) && (second == '\0' || Has(line, second)) && !Has(line, _onlyInCompound) && !Has(line, _forbidden) && !Has(line, refused))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(ReadOnlySpan<char> line, char flag) => flag != '\0' && line.Contains(flag);

    /// <summary>A Hunspell affix condition: characters, <c>.</c> and bracketed sets (<c>[^aeiou]y</c>), matched at the stem's end for a suffix, its start for a prefix.</summary>
    private sealed class AffixCondition
    {
        // Each part is a character (rune), any one (Any), or a set of them, maybe negated.
        private readonly (bool Any, bool Negated, Rune[] Set)[] _parts;
        private readonly bool _prefix;
        private readonly bool _astral;

        private AffixCondition((bool, bool, Rune[])[] parts, bool prefix)
        {
            _parts = parts;
            _prefix = prefix;
            _astral = parts.Any(p => p.Item3.Any(r => !r.IsBmp));
        }

        public static AffixCondition? Parse(string text, bool prefix)
        {
            var parts = new List<(bool, bool, Rune[])>();
            for (var i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '.':
                        parts.Add((true, false, []));
                        break;
                    case '[':
                        var close = text.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            return null;
                        }

                        var negated = close > i + 1 && text[i + 1] == '^';
                        parts.Add((false, negated, [.. text[(i + (negated ? 2 : 1))..close].EnumerateRunes()]));
                        i = close;
                        break;
                    default:
                        if (!Rune.TryGetRuneAt(text, i, out var rune))
                        {
                            return null;
                        }

                        parts.Add((false, false, [rune]));
                        i += rune.Utf16SequenceLength - 1;
                        break;
                }
            }

            // "." alone (any stem) is the common case: no part to test.
            return new AffixCondition(parts.Count == 1 && parts[0].Item1 ? [] : [.. parts], prefix);
        }

        public bool Matches(ReadOnlySpan<char> stem)
        {
            if (_parts.Length == 0)
            {
                return true;
            }

            if (_astral || stem.ContainsAnyInRange('\uD800', '\uDFFF'))
            {
                return MatchesRunes(stem);
            }

            if (stem.Length < _parts.Length)
            {
                return false;
            }

            var offset = _prefix ? 0 : stem.Length - _parts.Length;
            for (var i = 0; i < _parts.Length; i++)
            {
                var (any, negated, set) = _parts[i];
                if (!any && Array.IndexOf(set, new Rune(stem[offset + i])) >= 0 == negated)
                {
                    return false;
                }
            }

            return true;
        }

        // The same, a character outside the Basic Multilingual Plane counting as one.
        private bool MatchesRunes(ReadOnlySpan<char> stem)
        {
            var runes = new List<Rune>(stem.Length);
            foreach (var rune in stem.EnumerateRunes())
            {
                runes.Add(rune);
            }

            if (runes.Count < _parts.Length)
            {
                return false;
            }

            var offset = _prefix ? 0 : runes.Count - _parts.Length;
            for (var i = 0; i < _parts.Length; i++)
            {
                var (any, negated, set) = _parts[i];
                if (!any && Array.IndexOf(set, runes[offset + i]) >= 0 == negated)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
