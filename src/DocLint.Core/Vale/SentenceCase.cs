using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// Vale's <c>$sentence</c> test, as Vale 3 makes it. The text's sentence-case form is written first: its words
/// (an exception counts as one word, however many it spans) in lower case, except the first and one after an
/// indicator (a word ending in one of the rule's <c>indicators</c>, or a numbered list's <c>1.</c> opening the text),
/// which get a capital and the rest in lower case, and an exception, which is written as the rule lists it (or
/// kept as written where it matches as a pattern). The text passes when at least <c>threshold</c> of its words are
/// the same as in that form or are exceptions; a first word that is neither as written nor capitalised-then-lower
/// fails it at once. A word in capitals is a word like any other: <c>JSON</c> in a heading needs an exception.
/// </summary>
public sealed partial class SentenceCase
{
    private readonly Regex _words;
    private readonly Regex _convertWords;
    private readonly ExceptionPattern? _exceptions;
    private readonly CaseVocabulary _vocabulary;
    private readonly ImmutableArray<string> _indicators;
    private readonly Regex? _prefix;
    private readonly double _threshold;

    /// <param name="vocabulary">The rule's exceptions and, unless <c>vocab: false</c>, the accepted vocabulary, in that order.</param>
    /// <param name="exceptions">The same words as one pattern, longest first (<c>\b(?:…)\b</c>), or null when there are none.</param>
    public SentenceCase(IReadOnlyList<string> vocabulary, ExceptionPattern? exceptions, ImmutableArray<string> indicators, string? prefix, double threshold)
    {
        _exceptions = exceptions;
        _vocabulary = new CaseVocabulary(vocabulary);
        _indicators = indicators;
        _prefix = prefix is { Length: > 0 } ? CaseVocabulary.Interpreted(prefix) : null;
        _threshold = threshold;
        // Both patterns are the word pattern with the exceptions first, so that an exception of several words is one word.
        _words = exceptions is null ? Word() : new Regex(exceptions.Pattern + "|" + Word(), RegexOptions.CultureInvariant, ValeRegex.Timeout);
        // Case-sensitive: "vs." is a word of its own, not the exception "VS" and a full stop.
        _convertWords = (_vocabulary.Entries.IsEmpty ? null : CaseVocabulary.Interpreted(@"\b(?:" + string.Join('|', _vocabulary.Entries) + @")\b|" + Word())) ?? Word();
    }

    /// <summary>True when <paramref name="text"/> is in sentence case; <paramref name="expected"/> is its sentence-case form.</summary>
    public bool Check(string text, out string expected)
    {
        expected = Convert(text);

        // Text already in its sentence-case form agrees with it word for word: it passes when it has a word (and the
        // threshold is one that all words agreeing meets), without reading the words twice.
        if (expected == text)
        {
            return _threshold <= 1.0 && _words.IsMatch(text);
        }

        var written = _words.Matches(text);
        var wanted = _words.Matches(expected);
        var count = 0.0;
        var words = 0.0;
        for (var i = 0; i < written.Count; i++)
        {
            var w = written[i].Value;
            if (i >= wanted.Count || w == wanted[i].Value || (_exceptions?.IsMatch(w) ?? false))
            {
                count++;
            }
            else if (i == 0 && w != GoTitle(w.ToLowerInvariant()))
            {
                return false;
            }

            words++;
        }

        // No words: 0/0 is not a number, and Vale's comparison with it is false.
        return words > 0 && count / words >= _threshold;
    }

    /// <summary>The sentence-case form: the words joined by single spaces, after the prefix the rule names.</summary>
    public string Convert(string text)
    {
        var prefix = "";
        if (_prefix?.Match(text) is { Success: true } p && text.StartsWith(p.Value, StringComparison.Ordinal))
        {
            prefix = p.Value;
            text = text[prefix.Length..];
        }

        var tokens = _convertWords.Matches(text);
        var made = new StringBuilder(prefix, text.Length + prefix.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Value;
            if (i > 0)
            {
                made.Append(' ');
            }

            if (_vocabulary.Find(token) is { } entry)
            {
                made.Append(entry);
            }
            else if (i == 0 || IsIndicator(tokens[i - 1].Value, i - 1))
            {
                made.Append(Capitalized(token));
            }
            else
            {
                made.Append(token.ToLowerInvariant());
            }
        }

        return made.ToString();
    }


    private bool IsIndicator(string word, int index)
    {
        foreach (var indicator in _indicators)
        {
            if (word.EndsWith(indicator, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return index == 0 && NumberedItem().IsMatch(word);
    }

    /// <summary>The first character as a capital, the rest in lower case ("jSON" → "Json").</summary>
    private static string Capitalized(string token)
    {
        var first = Rune.GetRuneAt(token, 0);
        return Rune.ToUpperInvariant(first).ToString() + token[first.Utf16SequenceLength..].ToLowerInvariant();
    }

    /// <summary>Go's <c>strings.Title</c>: a capital at the start and after a space or any ASCII character but a letter, digit or underscore ("don'T").</summary>
    private static string GoTitle(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previous = ' ';
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(IsSeparator(previous) ? Rune.ToUpperInvariant(rune).ToString() : rune.ToString());
            previous = rune.IsBmp ? (char)rune.Value : 'x';
        }

        return builder.ToString();

        static bool IsSeparator(char c) => c < 0x80 ? !(char.IsAsciiLetterOrDigit(c) || c == '_') : !char.IsLetterOrDigit(c) && char.IsWhiteSpace(c);
    }


    // A letter outside the Basic Multilingual Plane is a surrogate pair to .NET (𝐀, CJK extension B): a word's character all the same.
    [GeneratedRegex(@"(?:[\p{N}\p{L}*]|\p{Cs}{2})+[^\s]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+\.")]
    private static partial Regex NumberedItem();
}
