using DocLint.Core.Rules.Loading;
using Humanizer;

namespace DocLint.Core.Tests.Rules;

public class InflectionTableTests
{
    /// <summary>
    /// Loading the built-in packs looks their inflections up in a table instead of asking Humanizer: the table
    /// must hold exactly Humanizer's plural and singular of every word the packs ask for, and nothing else.
    /// </summary>
    [Fact]
    public void The_table_is_Humanizers_answers_for_the_words_the_built_in_packs_inflect()
    {
        var assembly = typeof(RuleSetBuilder).Assembly;
        var asked = new List<string>();
        RuleCompiler.Asked = asked;
        try
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("DocLint.Rules/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var (definition, errors) = RuleFileParser.Parse(RuleSetBuilder.EmbeddedPrefix + name, reader.ReadToEnd());
                errors.Should().BeEmpty();
                RuleCompiler.Compile(definition!).Errors.Should().BeEmpty();
            }
        }
        finally
        {
            RuleCompiler.Asked = null;
        }

        var expected = InflectionTable.Format(asked, w => w.Pluralize(inputIsKnownToBeSingular: false), w => w.Singularize(inputIsKnownToBePlural: false));
        using var stream = assembly.GetManifestResourceStream(InflectionTable.ResourceName)!;
        var actual = new StreamReader(stream).ReadToEnd();
        if (actual != expected && Environment.GetEnvironmentVariable("DOCLINT_WRITE_INFLECTIONS") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "src", "DocLint.Core", "Rules", "Loading", "inflections.tsv"), expected);
        }

        asked.Should().Contain("thug", "DL3002 inflects its terms");
        actual.Should().Be(expected, "the table must follow the packs (DOCLINT_WRITE_INFLECTIONS=1 dotnet test tests/DocLint.Core.Tests --filter InflectionTable rewrites it)");
        InflectionTable.Table.Should().HaveCount(asked.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_word_in_the_table_is_inflected_from_it_and_any_other_word_by_Humanizer()
    {
        var table = InflectionTable.Parse("# comment\nregime\tregimes\tregime\n");
        table.Should().ContainKey("regime").WhoseValue.Should().Be(("regimes", "regime"));
        table.Should().HaveCount(1);

        InflectionTable.Table.Should().ContainKey("thug");
        RuleCompiler.Pluralize("zyxwv-thing").Should().Be("zyxwv-things");
        RuleCompiler.Singularize("zyxwv-things").Should().Be("zyxwv-thing");
    }

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "DocLint.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("DocLint.sln not found above the test folder");
        }

        return folder;
    }
}
