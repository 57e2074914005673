using DocLint.Core.Documents;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;

namespace DocLint.Benchmarks;

/// <summary>The seed articles and the built-in rules, loaded once per benchmark process.</summary>
public static class Seeds
{
    /// <summary>The seed files the benchmarks run on: one article in each format.</summary>
    public static readonly string[] Files = ["000_d1839214ffc1ae38.txt", "001_65aa048e52f4fc57.md", "000_d1839214ffc1ae38.html"];

    public static RuleSet Rules { get; } = new RuleSetBuilder { VerifyExamples = false }.AddEmbeddedDefaults().Build().RuleSet!;

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static Document Read(string file, string text) => DocumentReaders.For(file, new Dictionary<string, string>()).Read(file, SourceText.From(text));

    public static CompiledRule Rule(string id) => Rules.Find(id) ?? throw new InvalidOperationException($"no rule {id}");

    private static string Folder { get; } = FindSeeds();

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocLint.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
    }
}
