using System.Text;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Matching;
using DocLint.Testing;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Engine;

public class LintEngineTests
{
    private static readonly RuleSet Slammed = LoadOk(("DL9001.t.yaml", "id: DL9001\nname: t\nkind: existence\nmessage: m\nterms: [slammed]\n"));

    private static string Dump(LintResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => $"{Path.GetFileName(d.Path)}({d.LineSpan.Start.Line + 1},{d.LineSpan.Start.Character + 1}) {d.Id} {d.Severity} {d.Message}"));

    [Fact]
    public void Output_is_identical_whatever_the_thread_count()
    {
        using var folder = new TempFolder();
        var files = Enumerable.Range(0, 60)
            .Select(i => folder.Write($"f{i:D2}.txt", string.Join("\n\n", Enumerable.Range(0, i % 7 + 1).Select(j => $"Para {j} slammed and slammed again."))))
            .ToList();

        var one = new LintEngine(Slammed, new LintOptions { MaxParallelism = 1 }).LintFiles(files);
        var four = new LintEngine(Slammed, new LintOptions { MaxParallelism = 4 }).LintFiles(files.AsEnumerable().Reverse().ToList());

        Dump(four).Should().Be(Dump(one));
        one.Diagnostics.Should().HaveCount(files.Select((_, i) => (i % 7 + 1) * 2).Sum());
        one.Diagnostics.Should().BeInAscendingOrder(DiagnosticOrder.Instance);
    }

    [Fact]
    public void A_file_given_twice_is_reported_twice_in_output_order()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.txt", "It slammed.\n\nThen it slammed again.");
        var b = folder.Write("b.txt", "Slammed.");

        var result = new LintEngine(Slammed).LintFiles([a, b, a]);

        Dump(result).Should().Be(string.Join("\n",
            "a.txt(1,4) DL9001 Warning m", "a.txt(1,4) DL9001 Warning m", "a.txt(3,9) DL9001 Warning m", "a.txt(3,9) DL9001 Warning m", "b.txt(1,1) DL9001 Warning m"));
    }

    [Fact]
    public void Bad_inputs_get_a_diagnostic_each_and_the_other_files_are_still_linted()
    {
        using var folder = new TempFolder();
        var files = new[]
        {
            folder.Write("a-empty.txt", ""),
            folder.WriteBytes("b-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]),
            folder.WriteBytes("c-latin1.txt", [.. "Caf"u8, 0xE9, .. " slammed it."u8]),
            Path.Combine(folder.Path, "d-vanished.txt"),
            folder.Write("e-good.txt", "They slammed it."),
        };

        var result = new LintEngine(Slammed).LintFiles(files);

        Dump(result).Should().Be(
            "b-binary.txt(1,1) DL0002 Warning binary file skipped (it contains NUL bytes)\n"
            + "c-latin1.txt(1,4) DL0002 Warning invalid UTF-8 (first bad byte 0xE9); it was read as U+FFFD and the rest of the file was linted\n"
            + "c-latin1.txt(1,6) DL9001 Warning m\n"
            + "d-vanished.txt(1,1) DL0002 Error cannot read file: file not found\n"
            + "e-good.txt(1,6) DL9001 Warning m");
        result.FileCount.Should().Be(5);
        result.InternalError.Should().BeFalse();
    }

    [Fact]
    public void Utf16_without_a_bom_is_named_as_such_rather_than_binary()
    {
        using var folder = new TempFolder();
        var file = folder.WriteBytes("a.txt", Encoding.Unicode.GetBytes("They slammed it."));

        Dump(new LintEngine(Slammed).LintFiles([file])).Should().Be(
            "a.txt(1,1) DL0002 Warning file skipped: it looks like UTF-16 without a byte order mark; save it as UTF-8, or as UTF-16 with a BOM");
    }

    [Fact]
    public void Files_over_the_size_limit_are_skipped_with_a_message()
    {
        using var folder = new TempFolder();
        var file = folder.Write("big.txt", new string('x', 2_000));

        var result = new LintEngine(Slammed, new LintOptions { MaxFileBytes = 1_000 }).LintFiles([file]);

        Dump(result).Should().Be("big.txt(1,1) DL0002 Warning file skipped: it is 2,000 bytes, more than the limit of 1,000");
    }

    [Fact]
    public void A_50_MB_single_line_file_is_linted_with_exact_positions()
    {
        using var folder = new TempFolder();
        var builder = new StringBuilder(50 * 1024 * 1024 + 100);
        builder.Append('x', 50 * 1024 * 1024).Append(" slammed.");
        var file = folder.Write("one-line.txt", builder.ToString());

        var result = new LintEngine(Slammed).LintFiles([file]);

        result.Diagnostics.Should().ContainSingle().Which.LineSpan.Start.Character.Should().Be((50 * 1024 * 1024) + 1);
    }

    [Fact]
    public void A_rule_that_throws_is_skipped_for_the_file_with_DL0005_and_the_other_rules_findings_are_kept()
    {
        var definition = Slammed.Rules[0].Definition with { Id = "DL9002" };
        var rules = new RuleSet([Slammed.Rules[0], new ThrowingRule(definition)]);
        using var folder = new TempFolder();

        var result = new LintEngine(rules).LintFiles([folder.Write("a.txt", "It slammed."), folder.Write("b.txt", "Quiet.")]);

        result.InternalError.Should().BeTrue();
        Dump(result).Should().Be(
            "a.txt(1,1) DL0005 Error internal error: rule DL9002 failed on this file and was skipped: InvalidOperationException: boom\n"
            + "a.txt(1,4) DL9001 Warning m\n"
            + "b.txt(1,1) DL0005 Error internal error: rule DL9002 failed on this file and was skipped: InvalidOperationException: boom");
    }

    [Fact]
    public void A_rule_that_throws_in_one_part_of_a_large_file_is_skipped_for_the_whole_file_and_named_once()
    {
        var definition = Slammed.Rules[0].Definition with { Id = "DL9002" };
        var rules = new RuleSet([Slammed.Rules[0], new ThrowingRule(definition)]);
        using var folder = new TempFolder();
        var text = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Paragraph {i} slammed the door."));
        var file = folder.Write("big.txt", text);

        var result = new LintEngine(rules, new LintOptions { PartBytes = 4_096, MaxParagraphBytes = 8_192 }).LintInParts(file, Encoding.UTF8.GetByteCount(text))!;

        result.InternalError.Should().BeTrue();
        result.Diagnostics.Where(d => d.Id == "DL0005").Should().ContainSingle()
            .Which.Message.Should().Be("internal error: rule DL9002 failed on this file and was skipped: InvalidOperationException: boom");
        result.Diagnostics.Count(d => d.Id == "DL9001").Should().Be(400);
    }

    [Fact]
    public void An_example_of_a_rule_that_throws_fails_with_the_reason()
    {
        var example = new RuleExample(ExpectsFindings: false, "It was quiet.", default);
        var rule = new ThrowingRule(Slammed.Rules[0].Definition with { Id = "DL9002", Examples = [example] });

        var result = Core.Rules.Examples.ExampleRunner.RunOne(rule, example, _ => null);

        result.Passed.Should().BeFalse();
        result.Failure.Should().Be("internal error: rule DL9002 failed on this file and was skipped: InvalidOperationException: boom");
    }

    private sealed class ThrowingRule(RuleDefinition definition) : CompiledRule(definition, PhraseMatcher.Empty)
    {
        public override void Analyze(RuleContext context) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Results_stream_in_the_order_given_whatever_the_threads_and_window_and_stopping_early_ends_the_workers()
    {
        using var folder = new TempFolder();
        var files = Enumerable.Range(0, 40).Select(i => folder.Write($"{i:D2}.txt", i % 3 == 0 ? "The plan was slammed.\n" : "Nothing here.\n")).ToList();
        var whole = new LintEngine(Slammed, new LintOptions { MaxParallelism = 1 }).LintFiles(files);

        foreach (var (threads, window) in new[] { (1, 1), (4, 1), (4, 3), (3, 256) })
        {
            var streamed = new LintEngine(Slammed, new LintOptions { MaxParallelism = threads }).LintInOrder(files, window).ToList();
            streamed.Select(r => r.Path).Should().Equal(files);
            streamed.SelectMany(r => r.Diagnostics).Select(d => (d.Path, d.Span, d.Id)).Should().Equal(whole.Diagnostics.Select(d => (d.Path, d.Span, d.Id)));
        }

        new LintEngine(Slammed, new LintOptions { MaxParallelism = 4 }).LintInOrder(files, window: 2).Take(3).Select(r => r.Path).Should().Equal(files.Take(3));
    }
}
