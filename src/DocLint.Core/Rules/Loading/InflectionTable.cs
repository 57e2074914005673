namespace DocLint.Core.Rules.Loading;

/// <summary>
/// The plural and singular of every word the built-in packs inflect (<c>inflections.tsv</c>, embedded), as
/// Humanizer gives them, so that loading the built-in rules asks Humanizer nothing: its inflector was about an
/// eighth of a one-article run. A test holds the table to Humanizer's answers and to the words the packs ask for.
/// </summary>
internal static class InflectionTable
{
    public const string ResourceName = "DocLint.Inflections.tsv";

    private static Dictionary<string, (string Plural, string Singular)>? _table;

    /// <summary>Word → (plural, singular); read on first use.</summary>
    public static IReadOnlyDictionary<string, (string Plural, string Singular)> Table => _table ??= Read();

    private static Dictionary<string, (string Plural, string Singular)> Read()
    {
        using var stream = typeof(InflectionTable).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Lines of word, plural and singular separated by tabs; '#' starts a comment line.</summary>
    public static Dictionary<string, (string Plural, string Singular)> Parse(string text)
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length == 3)
            {
                table[fields[0]] = (fields[1], fields[2]);
            }
        }

        return table;
    }

    /// <summary>The table's text for <paramref name="words"/>, each inflected by <paramref name="plural"/> and <paramref name="singular"/>.</summary>
    public static string Format(IEnumerable<string> words, Func<string, string> plural, Func<string, string> singular)
    {
        var text = new System.Text.StringBuilder("# word\tplural\tsingular: Humanizer's answers for the words the built-in packs inflect.\n")
            .Append("# Made by a test (InflectionTableTests); DOCLINT_WRITE_INFLECTIONS=1 dotnet test tests/DocLint.Core.Tests --filter InflectionTable rewrites it.\n");
        foreach (var word in words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append(word).Append('\t').Append(plural(word)).Append('\t').Append(singular(word)).Append('\n');
        }

        return text.ToString();
    }
}
