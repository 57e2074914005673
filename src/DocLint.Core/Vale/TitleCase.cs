using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// The title-case test of Vale's <c>capitalization</c> kind (AP, or Chicago): articles, coordinating
/// conjunctions and short prepositions stay lower case except first and last; a heading passes when at least
/// <c>threshold</c> of its words are as title case writes them, in capitals, or exceptions. Sentence case is
/// <see cref="SentenceCase"/>.
/// </summary>
public static partial class TitleCase
{
    private static readonly FrozenSet<string> ApSmall = new[]
    {
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "so", "the", "to", "up", "v", "v.", "via", "vs", "vs.", "yet",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ChicagoSmall = ApSmall.Concat(new[]
    {
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond",
        "down", "during", "except", "from", "inside", "into", "like", "near", "off", "onto", "out", "outside", "over", "past", "since", "through",
        "throughout", "toward", "towards", "under", "underneath", "until", "upon", "with", "within", "without",
    }).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The title-case form of a text, word by word.</summary>
    public static string ToTitle(string text, bool chicago)
    {
        var small = chicago ? ChicagoSmall : ApSmall;
        var words = Word().Matches(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lower = word.Value.ToLowerInvariant();
            var afterColon = word.Index > 1 && text[..word.Index].TrimEnd().EndsWith(':');
            var keepLower = small.Contains(lower) && i > 0 && i < words.Count - 1 && !afterColon;
            if (keepLower)
            {
                for (var c = 0; c < word.Length; c++)
                {
                    chars[word.Index + c] = char.ToLowerInvariant(chars[word.Index + c]);
                }
            }
            else
            {
                chars[word.Index] = char.ToUpperInvariant(chars[word.Index]);
            }
        }

        return new string(chars);
    }

    public static bool IsTitle(string text, Regex? exceptions, bool chicago, double threshold)
    {
        var expected = Word().Matches(ToTitle(text, chicago));
        var actual = Word().Matches(text);
        if (actual.Count == 0)
        {
            return true;
        }

        var count = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var word = actual[i].Value;
            if (i >= expected.Count || word == expected[i].Value || (exceptions?.IsMatch(word) ?? false) || !word.Any(char.IsLower))
            {
                count++;
            }
        }

        return count / actual.Count >= threshold;
    }

    [GeneratedRegex(@"[\p{N}\p{L}*]+[^\s]*")]
    private static partial Regex Word();
}
