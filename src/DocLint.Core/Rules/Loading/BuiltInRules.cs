using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Loading;

/// <summary>
/// The built-in rule packs, precompiled: <c>BuiltInRules.g.cs</c> builds the <see cref="RuleDefinition"/> each file of
/// <c>rules/</c> parses to, so a run parses no YAML for them (parsing them was about a fifth of a one-article run). A
/// test (BuiltInRulesTests) generates the file from the YAML and fails when the two differ, rule by rule.
/// <para>
/// Long lists (terms, swaps, the patterns' literal prefilters) are written as one string each and split here: as
/// C# collections they were tens of kilobytes of code that the JIT build compiled at every start (about a sixth of
/// the code it compiled in a one-article run), where one string is one load. Items are separated by U+001F, records
/// by U+001E and a record's fields by U+001D, characters no rule holds (the test checks).
/// </para>
/// </summary>
internal static partial class BuiltInRules
{
    /// <summary>Between the items of a list.</summary>
    public const char ItemSeparator = '\u001F';

    /// <summary>Between records (a swap entry; a pattern and its literals).</summary>
    public const char RecordSeparator = '\u001E';

    /// <summary>Between the fields of a record.</summary>
    public const char FieldSeparator = '\u001D';

    private static readonly Lazy<Dictionary<string, string[][]>> Literals = new(() =>
    {
        var table = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        foreach (var record in LiteralTable.Split(RecordSeparator))
        {
            var fields = record.Split(FieldSeparator);
            table[fields[0]] = [.. fields.Skip(1).Select(set => set.Split(ItemSeparator))];
        }

        return table;
    });

    private static RuleLocation L(string path, int line, int character, int offset) => new(path, new LinePosition(line, character), offset);

    /// <summary>A list written as its items joined by <see cref="ItemSeparator"/>.</summary>
    private static ImmutableArray<string> Items(string joined) => [.. joined.Split(ItemSeparator)];

    /// <summary>Swap entries written as records of term, suggestions (joined as items) and "fix" or nothing.</summary>
    private static ImmutableArray<SwapEntry> Swaps(string joined)
    {
        var swaps = ImmutableArray.CreateBuilder<SwapEntry>();
        foreach (var range in joined.AsSpan().Split(RecordSeparator))
        {
            var record = joined.AsSpan(range);
            var first = record.IndexOf(FieldSeparator);
            var last = record.LastIndexOf(FieldSeparator);
            var suggestions = record[(first + 1)..last];
            swaps.Add(new SwapEntry(record[..first].ToString(), suggestions.IsEmpty ? [] : Items(suggestions.ToString())) { Fix = last < record.Length - 1 });
        }

        return swaps.DrainToImmutable();
    }

    /// <summary>The literal prefilter (<see cref="Matching.RequiredLiterals"/>) of each pattern of the built-in packs, derived when they were precompiled; null for any other pattern.</summary>
    public static string[][]? LiteralsOf(string pattern) => Literals.Value.GetValueOrDefault(pattern);
}
