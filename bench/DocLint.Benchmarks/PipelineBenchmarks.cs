using BenchmarkDotNet.Attributes;
using DocLint.Core.Engine;

namespace DocLint.Benchmarks;

/// <summary>One whole article through the pipeline with every default rule: read, structure, rules, suppressions, sorting.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly LintEngine _engine = new(Seeds.Rules);
    private string _text = "";

    [ParamsSource(nameof(FileNames))]
    public string File { get; set; } = "";

    public static IEnumerable<string> FileNames => Seeds.Files;

    [GlobalSetup]
    public void Setup() => _text = Seeds.Text(File);

    [Benchmark(Description = "one article, all rules")]
    public int Lint() => _engine.LintText(File, _text).Diagnostics.Length;
}
