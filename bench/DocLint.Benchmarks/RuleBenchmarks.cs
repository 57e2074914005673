using BenchmarkDotNet.Attributes;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;

namespace DocLint.Benchmarks;

/// <summary>
/// One rule over one article, structure already computed: DL3001 is the multi-term search (324 terms
/// through the word index), DL3003 a conditional over 365 terms, DL1001 the regex patterns behind their
/// literal prefilter. Each run builds the document's word index once, as a real run does for all rules.
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private string _text = "";
    private CompiledRule _rule = null!;

    [Params("DL3001", "DL3003", "DL1001", "DL2001")]
    public string Rule { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Seeds.Text(Seeds.Files[0]);
        _rule = Seeds.Rule(Rule);
    }

    [Benchmark]
    public int Analyze()
    {
        var document = Seeds.Read(Seeds.Files[0], _text);
        _ = document.Sentences;
        _ = document.QuotedRegions;
        var sink = new List<Diagnostic>();
        DocumentAnalyzer.Analyze(document, [_rule], static r => DiagnosticSeverity.Warning, sink);
        return sink.Count;
    }
}
