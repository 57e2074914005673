using BenchmarkDotNet.Attributes;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Benchmarks;

/// <summary>Reading (decoding is done; masking and blocks), sentences, quotations and the word index of one article.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private string _text = "";
    private Document _document = null!;

    [ParamsSource(nameof(FileNames))]
    public string File { get; set; } = "";

    public static IEnumerable<string> FileNames => Seeds.Files;

    [GlobalSetup]
    public void Setup()
    {
        _text = Seeds.Text(File);
        _document = Seeds.Read(File, _text);
    }

    [Benchmark(Description = "read: mask and blocks")]
    public Document Read() => Seeds.Read(File, _text);

    [Benchmark(Description = "sentences")]
    public int Sentences() => SentenceSegmenter.Segment(_document.Prose, _document.Blocks).Length;

    [Benchmark(Description = "quotations")]
    public int Quotations() => QuotationFinder.Find(_document.Prose, _document.Blocks).Length;

    [Benchmark(Description = "word index")]
    public int Words() => WordIndex.Build(_document.Prose).Count;
}
