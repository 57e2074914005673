using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Rules.Matching;

namespace DocLint.Core.Vale;

/// <summary>
/// Vale's regular expressions on .NET's engine. Vale reads patterns with regexp2 (a port of .NET's syntax,
/// lookaround and back-references included), so most patterns mean the same here; what Go writes differently
/// is rewritten: <c>(?P&lt;name&gt;…)</c> named groups, POSIX classes such as <c>[[:alpha:]]</c>, <c>\Q…\E</c>
/// literal runs and <c>\x{…}</c> code points. docs/vale.md lists the remaining differences.
/// </summary>
public static class ValeRegex
{
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["alpha"] = @"\p{L}",
        ["digit"] = @"\d",
        ["alnum"] = @"\p{L}\p{Nd}",
        ["upper"] = @"\p{Lu}",
        ["lower"] = @"\p{Ll}",
        ["space"] = @"\s",
        ["punct"] = @"\p{P}\p{S}",
        ["word"] = @"\w",
        ["xdigit"] = "0-9A-Fa-f",
        ["blank"] = @" \t",
        ["cntrl"] = @"\p{Cc}",
        ["print"] = @"\P{C}",
        ["graph"] = @"\p{L}\p{M}\p{N}\p{P}\p{S}",
    };

    /// <summary>The .NET form of a Vale pattern.</summary>
    public static string Translate(string pattern)
    {
        if (!pattern.Contains("(?P<", StringComparison.Ordinal) && !pattern.Contains("[:", StringComparison.Ordinal)
            && !pattern.Contains("\\Q", StringComparison.Ordinal) && !pattern.Contains("\\x{", StringComparison.Ordinal))
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next == 'Q')
                {
                    var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    result.Append(Regex.Escape(literal));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }

                if (next == 'x' && i + 2 < pattern.Length && pattern[i + 2] == '{')
                {
                    var close = pattern.IndexOf('}', i + 3);
                    if (close > 0 && int.TryParse(pattern[(i + 3)..close], System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        var text = char.ConvertFromUtf32(code);
                        foreach (var unit in text)
                        {
                            result.Append("\\u").Append(((int)unit).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }

                        i = close;
                        continue;
                    }
                }

                result.Append(c).Append(next);
                i++;
                continue;
            }

            if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                result.Append("(?<");
                i += 3;
                continue;
            }

            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = pattern[(i + 2)..close];
                    var negate = name.StartsWith('^');
                    if (Posix.TryGetValue(negate ? name[1..] : name, out var cls) && !negate)
                    {
                        result.Append(cls);
                        i = close + 1;
                        continue;
                    }
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// A Vale pattern compiled for .NET: on the linear-time engine, with no time limit, whenever its syntax allows
    /// (Go's RE2 syntax always does); on the backtracking engine, with <see cref="Timeout"/>, only where the pattern
    /// uses lookaround, back-references, atomic groups or conditionals (<see cref="RegexFactory.CreateLinearOrBacktracking"/>).
    /// </summary>
    public static Regex Compile(string pattern, RegexOptions extra = RegexOptions.None) => CompileTranslated(Translate(pattern), extra);

    /// <summary><see cref="Compile"/> for a pattern already in its .NET form (<see cref="Translate"/>).</summary>
    internal static Regex CompileTranslated(string translated, RegexOptions extra = RegexOptions.None) =>
        RegexFactory.CreateLinearOrBacktracking(translated, RegexOptions.CultureInvariant | extra, Timeout);

    /// <summary>
    /// Checks a pattern in its .NET form (<see cref="Translate"/>) by building it on the backtracking interpreter,
    /// which costs a fraction of the linear-time automaton; throws <see cref="ArgumentException"/> for invalid syntax.
    /// </summary>
    internal static Regex Check(string translated, RegexOptions extra = RegexOptions.None, TimeSpan? timeout = null) =>
        new(translated, RegexOptions.CultureInvariant | extra, timeout ?? Timeout);

    /// <summary>True when <paramref name="text"/> holds pattern syntax (<c>[pP]y.*\b</c>, <c>(?i)GitHub</c>) beyond a full stop: it is not plain text.</summary>
    public static bool HasPatternSyntax(ReadOnlySpan<char> text) => text.ContainsAny(PatternSyntax);

    private static readonly System.Buffers.SearchValues<char> PatternSyntax = System.Buffers.SearchValues.Create(@"[]()\*+?{}|^$");

    /// <summary>True when the Vale pattern runs on the backtracking engine (and so under <see cref="Timeout"/>).</summary>
    public static bool NeedsBacktracking(string pattern) => !RegexFactory.IsLinear(Compile(pattern));

    /// <summary>
    /// How long one search of a Vale pattern on the backtracking engine may take (wall-clock) before the rule is
    /// skipped for the file with DL0004. Patterns on the linear-time engine have no limit.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);
}
