using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// Vale's <c>$title</c> test, as Vale 3 makes it. The text's title-case form is written first, word by word (a word
/// ends at white space, a hyphen or a slash): an exception as the rule lists it (or as written where it matches as a
/// pattern); a small word (articles, short conjunctions and prepositions; with Chicago style every preposition) in lower
/// case when it is neither the first nor the last word, follows a space, hyphen or slash, does not follow a colon, and
/// does not start a hyphenated word; any other word with a capital. The text passes when at least <c>threshold</c> of
/// its words are as that form writes them, in capitals, or exceptions. Vale tells an infinitive "to" from a
/// preposition with a part-of-speech tagger; DocLint has none, so "to" is always a small word.
/// </summary>
public sealed partial class TitleCase
{
    private static readonly FrozenSet<string> SmallWords = new[]
    {
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v.",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "with", "from", "into", "during", "including", "until", "against", "among", "throughout", "despite", "towards", "upon", "concerning",
        "about", "over", "through", "before", "between", "after", "since", "without", "under", "within", "along", "following", "across",
        "beyond", "around", "down", "near", "above",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly bool _chicago;
    private readonly Regex _words;
    private readonly ExceptionPattern? _exceptions;
    private readonly CaseVocabulary _vocabulary;
    private readonly double _threshold;

    /// <param name="vocabulary">The rule's exceptions and, unless <c>vocab: false</c>, the accepted vocabulary, in that order.</param>
    /// <param name="exceptions">The same words as one pattern, longest first (<c>\b(?:…)\b</c>), or null when there are none.</param>
    public TitleCase(IReadOnlyList<string> vocabulary, ExceptionPattern? exceptions, bool chicago, double threshold)
    {
        _chicago = chicago;
        _exceptions = exceptions;
        _vocabulary = new CaseVocabulary(vocabulary);
        _threshold = threshold;
        _words = exceptions is null ? Word() : new Regex(exceptions.Pattern + "|" + Word(), RegexOptions.CultureInvariant, ValeRegex.Timeout);
    }

    /// <summary>True when at least the threshold of the text's words are as its title-case form writes them, in capitals, or exceptions.</summary>
    public bool Check(string text)
    {
        var written = _words.Matches(text);
        var wanted = _words.Matches(Convert(text));
        if (written.Count == 0)
        {
            return true;
        }

        var count = 0.0;
        for (var i = 0; i < written.Count; i++)
        {
            var word = written[i].Value;
            if (i >= wanted.Count || word == wanted[i].Value || (_exceptions?.IsMatch(word) ?? false) || !word.Any(char.IsLower))
            {
                count++;
            }
        }

        return count / written.Count >= _threshold;
    }

    /// <summary>The title-case form of the text, every character not in a word kept as written.</summary>
    public string Convert(string text)
    {
        // Curly quotes and dashes read as their plain forms, one character for one, where small words are placed.
        var plain = string.Create(text.Length, text, static (span, t) =>
        {
            for (var k = 0; k < t.Length; k++)
            {
                span[k] = t[k] switch
                {
                    '“' or '”' => '"',
                    '‘' or '’' => '\'',
                    '–' or '—' => '-',
                    var c => c,
                };
            }
        });

        return SplitWord().Replace(text, m =>
        {
            var word = m.Value;
            var at = m.Index;
            var end = at + word.Length;
            if (_vocabulary.Find(word) is { } entry)
            {
                return entry;
            }

            var lower = word.ToLowerInvariant();
            var bounding = at == 0 || end == text.Length;
            var small = !bounding && (SmallWords.Contains(lower) || (_chicago && Prepositions.Contains(lower)));
            var previous = CharAt(plain, at - 1);
            if (small && previous is ' ' or '-' or '/' && CharAt(plain, at - 2) is not (':' or '-') && (CharAt(plain, end) != '-' || previous == '-'))
            {
                return lower;
            }

            return char.ToUpperInvariant(word[0]) + word[1..];
        });
    }

    private static char CharAt(string text, int i) => i >= 0 && i < text.Length ? text[i] : '\0';



    // A letter outside the Basic Multilingual Plane is a surrogate pair to .NET (𝐀, CJK extension B): a word's character all the same.
    [GeneratedRegex(@"(?:[\p{N}\p{L}*]|\p{Cs}{2})+[^\s]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?:[\p{N}\p{L}]|\p{Cs}{2})+[^\s\-/]*")]
    private static partial Regex SplitWord();
}
