using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// The exceptions of a <c>capitalization</c> rule as its case forms read them (<see cref="TitleCase"/>, <see cref="SentenceCase"/>):
/// longest first, so that "Axon Server" is one word before "Axon" is; a word is an entry when it is the entry in any case
/// (written as the entry), or when the entry, read as a pattern, is found in it (written as it is).
/// </summary>
internal sealed class CaseVocabulary
{
    private static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);

    // An entry's pattern, built on first use and only for an entry that is not plain text (a plain one is found by search).
    private readonly Regex?[] _patterns;

    public CaseVocabulary(IReadOnlyList<string> vocabulary)
    {
        Entries = [.. vocabulary.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        _patterns = new Regex?[Entries.Length];
    }

    public ImmutableArray<string> Entries { get; }

    /// <summary>What the word is written as when it is an entry, or null.</summary>
    public string? Find(string word)
    {
        for (var k = 0; k < Entries.Length; k++)
        {
            var entry = Entries[k];
            if (string.Equals(entry, word, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }

            // A full stop matches any character here, as the entry is read as a pattern.
            var found = ValeRegex.HasPatternSyntax(entry) || entry.Contains('.', StringComparison.Ordinal)
                ? (_patterns[k] ??= Interpreted(entry) ?? Never).IsMatch(word)
                : word.Contains(entry, StringComparison.Ordinal);
            if (found)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// A Vale pattern on the backtracking interpreter, which costs little to build: the case forms search a heading's
    /// few words, where building a linear-time automaton would cost more than all the searching. Null when .NET cannot read it.
    /// </summary>
    public static Regex? Interpreted(string pattern)
    {
        try
        {
            return new Regex(ValeRegex.Translate(pattern), RegexOptions.CultureInvariant, ValeRegex.Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
