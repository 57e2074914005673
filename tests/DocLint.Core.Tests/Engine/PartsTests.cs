using System.Text;
using CsCheck;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;
using DocLint.Testing;

namespace DocLint.Core.Tests.Engine;

/// <summary>Large plain-text files linted a part at a time report exactly what the whole file does.</summary>
public class PartsTests
{
    private static readonly RuleSet Defaults = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

    // The default packs, and rules that look at the headline, count per paragraph and see three sentences around.
    private static readonly RuleSet Wider = new RuleSetBuilder()
        .AddEmbeddedDefaults()
        .AddFile("DL9001.heading-term.yaml", "id: DL9001\nname: heading-term\nkind: existence\nscope: heading\nmessage: m\nterms: [Council, slammed]\n")
        .AddFile("DL9002.once.yaml", "id: DL9002\nname: once\nkind: occurrence\nscope: paragraph\nmax: 1\nmessage: '{count}'\nterms: [slammed]\n")
        .AddFile("DL9003.wide.yaml", "id: DL9003\nname: wide\nkind: conditional\nscope: sentence\nwindow: 3\nmessage: m\nif: [slammed]\nrequires:\n  terms: [Ivanov]\n")
        // Conditions about the whole file: one that must hold (decided at the merge, as DL4002's `unless`), and one
        // for some matches only, which parts run under each assumption.
        .AddFile("DL9006.when-anywhere.yaml", "id: DL9006\nname: when-anywhere\nkind: existence\nvoice: any\nmessage: m\nterms: [talks, plan]\nwhen:\n  - words: {near: document, terms: [Ivanov]}\n")
        .AddFile("DL9007.limited.yaml", "id: DL9007\nname: limited\nkind: existence\nvoice: any\nmessage: m\nterms: [slammed, failed]\nunless:\n  - words: {near: document, only: [slammed], terms: [permission]}\n  - words: {near: document, terms: [Nature]}\n")
        .Build().RuleSet!;

    // Paragraph material that exercises what parts must agree on: the headline, sentence windows, quotations
    // left open at a paragraph's end, masking that spans lines and blank lines, directives, invalid bytes.
    // '¤' stands for the invalid byte 0xFF.
    private static readonly string[] Sentences =
    [
        "Council votes to close the bridge", "Officials slammed the plan.", "“They slammed it,” he said.",
        "A senior official said the talks failed.", "Sergei Ivanov said the talks failed.", "The cure reportedly works.",
        "A study found the opposite.", "The study, published in Nature, found it.", "It is clear that the regime lied.",
        "Sources said so, speaking on condition of anonymity because they were not authorised to speak.",
        "See https://example.org/slammed for details.", "<!-- a comment that", "slammed --> runs on.", "<a\nhref=\"x\">slammed</a>",
        "<b", "x < y slammed.", "<!-- doclint-disable DL3001 -->", "<!-- doclint-enable -->", "doclint-disable-next-line",
        "<!-- doclint-disable DL9999 -->", "© 2025 The Courier. All rights reserved.", "Bad byte ¤ here slammed.",
        "“The quote runs on", "Gen. Smith said the thugs were gutted.", "He said the “so-called experts” were wrong.", "😀 slammed",
        "This article was originally published by The Courier.", "Reprinted with permission of The Courier.",
    ];

    private static readonly string[] Breaks = ["\n\n", "\r\n\r\n", "\n \n", "\n\n\n", "\n\t\n", "\n", " ", "\r\r", "\n\u00A0\n"];

    private static readonly Gen<byte[]> Files =
        Gen.Select(Gen.Int[0, Sentences.Length - 1].Array[1, 30], Gen.Int[0, Breaks.Length - 1].Array[30], Gen.Bool, (words, breaks, bom) =>
        {
            var text = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                text.Append(Sentences[words[i]]).Append(Breaks[breaks[i]]);
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString()).SelectMany(b => b == 0xA4 ? new byte[] { 0xFF } : [b]).ToList();
            // The marker '¤' is U+00A4, encoded C2 A4: its lead byte goes too.
            for (var i = bytes.Count - 2; i >= 0; i--)
            {
                if (bytes[i] == 0xC2 && bytes[i + 1] == 0xFF)
                {
                    bytes.RemoveAt(i);
                }
            }

            return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes.ToArray();
        });

    private static readonly int[] PartSizes = [1, 30, 200];

    private static string Dump(FileResult result) => string.Join("\n", result.Diagnostics.Select(d =>
        $"{d.Id} {d.Severity} {d.Span} {d.LineSpan} {d.Message} |{d.MatchedText}|{d.Snippet}| {d.Fingerprint} [{string.Join(",", d.Suggestions)}] {d.Fix} {d.IsSuppressed}")) + $"\n{result.Encoding}";

    /// <summary>One thread (parts one after another), and more threads than the machine may have cores (parts analysed in parallel).</summary>
    private static readonly int[] Threads = [1, 4];

    [Fact]
    public void A_file_linted_in_parts_of_any_size_has_the_findings_of_the_whole_file_whether_parts_run_in_turn_or_in_parallel()
    {
        using var folder = new TempFolder();
        var aside = 0;
        Files.Sample(bytes =>
        {
            // Samples run on several threads at once: each has a file of its own.
            var file = folder.WriteBytes($"{Guid.NewGuid():N}.txt", bytes);
            var whole = new LintEngine(Wider, new LintOptions { PartBytes = long.MaxValue }).LintFile(file);
            foreach (var size in PartSizes)
            {
                foreach (var threads in Threads)
                {
                    var engine = new LintEngine(Wider, new LintOptions { PartBytes = size, MaxParallelism = threads });
                    var parts = engine.LintInParts(file, bytes.Length);
                    parts.Should().NotBeNull();
                    Dump(parts!).Should().Be(Dump(whole), $"parts of {size} bytes on {threads} threads of {Encoding.UTF8.GetString(bytes)}");
                    if (threads == 1)
                    {
                        engine.PartsAnalysedAside.Should().Be(0);
                    }
                    else
                    {
                        Interlocked.Add(ref aside, engine.PartsAnalysedAside);
                    }
                }
            }
        }, iter: 300);

        // The first part of every file goes to a spare core, so the parallel runs did run in parallel.
        aside.Should().BeGreaterThanOrEqualTo(300 * PartSizes.Length);
    }

    [Fact]
    public void A_large_file_linted_by_a_run_of_one_file_uses_the_spare_cores_and_keeps_its_findings()
    {
        using var folder = new TempFolder();
        var body = string.Concat(Enumerable.Repeat("Officials slammed the plan. A senior official said the talks failed.\n\n", 400));
        var file = folder.Write("big.txt", "Council votes\n\n" + body);
        var inTurn = new LintEngine(Defaults, new LintOptions { PartBytes = 1000, MaxParallelism = 1 });
        var parallel = new LintEngine(Defaults, new LintOptions { PartBytes = 1000, MaxParallelism = 3 });

        var expected = inTurn.LintFiles([file]);
        var actual = parallel.LintFiles([file]);

        inTurn.PartsAnalysedAside.Should().Be(0);
        parallel.PartsAnalysedAside.Should().BeGreaterThan(0);
        actual.Diagnostics.Select(d => $"{d.Id} {d.Span} {d.Message}").Should().Equal(expected.Diagnostics.Select(d => $"{d.Id} {d.Span} {d.Message}"));
        actual.Diagnostics.Count(d => d.Id == "DL3001").Should().Be(400);
        actual.Diagnostics.Should().ContainSingle(d => d.Id == "DL4001").Which.Span.Should().Be(new TextSpan(0, 13));
    }

    [Fact]
    public void A_large_file_gives_the_same_findings_whether_or_not_its_text_is_kept()
    {
        using var folder = new TempFolder();
        var file = folder.Write("big.txt", string.Concat(Enumerable.Repeat("Officials slammed the plan.\n\n", 40)));
        var options = new LintOptions { PartBytes = 100 };

        var inParts = new LintEngine(Defaults, options).LintFile(file);
        var kept = new LintEngine(Defaults, options with { KeepSources = true }).LintFile(file);

        inParts.Source.Should().BeNull();
        kept.Source!.Text.Length.Should().Be(29 * 40);
        Dump(inParts).Should().Be(Dump(kept));
        inParts.Diagnostics.Count(d => d.Id == "DL3001").Should().Be(40);
        inParts.Diagnostics[^1].LineSpan.Should().Be(new LinePositionSpan(new LinePosition(78, 10), new LinePosition(78, 17)));
    }

    [Fact]
    public void A_licence_in_the_last_part_answers_for_the_whole_file_and_its_absence_is_reported_on_the_first_line()
    {
        using var folder = new TempFolder();
        var body = string.Concat(Enumerable.Repeat("The council met on Tuesday.\n\n", 30));
        var licensed = folder.Write("licensed.txt", "Council votes\n\n" + body + "This article is licensed under CC BY 4.0.\n");
        var unlicensed = folder.Write("unlicensed.txt", "\n\nCouncil votes\n\n" + body);
        var engine = new LintEngine(Defaults, new LintOptions { PartBytes = 64 });

        engine.LintInParts(licensed, new FileInfo(licensed).Length)!.Diagnostics.Should().BeEmpty();
        var missing = engine.LintInParts(unlicensed, new FileInfo(unlicensed).Length)!.Diagnostics.Should().ContainSingle().Subject;
        missing.Id.Should().Be("DL4001");
        missing.Span.Should().Be(new TextSpan(2, 13));
        missing.LineSpan.Should().Be(new LinePositionSpan(new LinePosition(2, 0), new LinePosition(2, 13)));
    }

    [Fact]
    public void A_condition_about_the_whole_file_is_answered_by_every_part_whichever_part_holds_what_it_asks_for()
    {
        using var folder = new TempFolder();
        var body = string.Concat(Enumerable.Repeat("The council met on Tuesday.\n\n", 30));
        const string credit = "This article was originally published by The Courier.\n\n";
        var permitted = folder.Write("permitted.txt", "Council votes\n\n" + credit + body + "Reprinted with permission of The Courier.\n");
        var unpermitted = folder.Write("unpermitted.txt", "Council votes\n\n" + body + credit + body);

        foreach (var threads in Threads)
        {
            var engine = new LintEngine(Defaults, new LintOptions { PartBytes = 64, MaxParallelism = threads });
            engine.LintInParts(permitted, new FileInfo(permitted).Length)!.Diagnostics.Select(d => d.Id).Should().Equal("DL4001");
            var republished = engine.LintInParts(unpermitted, new FileInfo(unpermitted).Length)!.Diagnostics.Should().Contain(d => d.Id == "DL4002").Subject;
            republished.LineSpan.Start.Should().Be(new LinePosition(62, 0));
            republished.MatchedText.Should().Be("This article was originally published");
        }
    }

    [Fact]
    public void A_condition_that_must_hold_anywhere_keeps_the_findings_of_earlier_parts_once_a_later_part_holds_it()
    {
        using var folder = new TempFolder();
        var body = string.Concat(Enumerable.Repeat("The council met on Tuesday.\n\n", 30));
        const string talks = "The talks failed.\n\n";
        var named = folder.Write("named.txt", "Council votes\n\n" + talks + body + "Sergei Ivanov said so.\n");
        var unnamed = folder.Write("unnamed.txt", "Council votes\n\n" + talks + body + "Nobody said so.\n");

        foreach (var threads in Threads)
        {
            var engine = new LintEngine(Wider, new LintOptions { PartBytes = 64, MaxParallelism = threads });
            var found = engine.LintInParts(named, new FileInfo(named).Length)!.Diagnostics.Where(d => d.Id == "DL9006").Should().ContainSingle().Subject;
            found.LineSpan.Start.Should().Be(new LinePosition(2, 4));
            found.MatchedText.Should().Be("talks");
            engine.LintInParts(unnamed, new FileInfo(unnamed).Length)!.Diagnostics.Should().NotContain(d => d.Id == "DL9006");
        }
    }

    [Fact]
    public void Utf16_and_binary_files_are_left_to_the_whole_file_reader()
    {
        using var folder = new TempFolder();
        var utf16 = folder.WriteBytes("u.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(new string('a', 300))]);
        var binary = folder.WriteBytes("b.txt", [0x89, 0x50, 0, 0, .. new byte[300]]);
        var engine = new LintEngine(Defaults, new LintOptions { PartBytes = 64 });

        engine.LintInParts(utf16, 602).Should().BeNull();
        engine.LintInParts(binary, 304).Should().BeNull();
        engine.LintFile(binary).Diagnostics.Should().ContainSingle().Which.Message.Should().Be("binary file skipped (it contains NUL bytes)");
    }

    [Fact]
    public void A_count_over_the_whole_document_keeps_files_whole()
    {
        var perDocument = new RuleSetBuilder()
            .AddFile("DL9004.count.yaml", "id: DL9004\nname: count\nkind: occurrence\nscope: document\nmax: 1\nmessage: m\nterms: [slammed]\n")
            .Build().RuleSet!;

        Defaults.CanLintInParts.Should().BeTrue();
        Wider.CanLintInParts.Should().BeTrue();
        perDocument.CanLintInParts.Should().BeFalse();
    }

    [Fact]
    public void Parts_see_the_widest_window_and_the_attribution_layers_look_back()
    {
        var windowOnly = new RuleSetBuilder()
            .AddFile("DL9003.wide.yaml", "id: DL9003\nname: wide\nkind: conditional\nscope: sentence\nvoice: any\nwindow: 3\nmessage: m\nif: [slammed]\nrequires:\n  terms: [Ivanov]\n")
            .Build().RuleSet!;
        var farCondition = new RuleSetBuilder()
            .AddFile("DL9005.far.yaml", "id: DL9005\nname: far\nkind: existence\nvoice: any\nmessage: m\nterms: [slammed]\nunless:\n  words: {near: 20, terms: [Ivanov]}\n")
            .Build().RuleSet!;

        windowOnly.SentenceWindow.Should().Be(3);
        farCondition.SentenceWindow.Should().Be(20);

        // A rule that reads the writer's voice asks the attribution layer, which resolves references that far back.
        Wider.SentenceWindow.Should().Be(12);
    }

    [Theory]
    [InlineData("one\n\ntwo", 0, 5)]
    [InlineData("one\n\ntwo", 6, -1)]
    [InlineData("one\r\n\r\ntwo\n \t\nthree", 0, 7)]
    [InlineData("one\r\n\r\ntwo\n \t\nthree", 8, 14)]
    [InlineData("one\ntwo\nthree\n", 0, -1)]
    [InlineData("<!-- c\n\nstill -->\n\nout", 0, 19)]
    [InlineData("<a\n\nhref=x>\n\nout", 0, 13)]
    [InlineData("x < y\n\nout", 0, 7)]
    [InlineData("<b>bold</b>\n\nout", 0, 13)]
    [InlineData("<!-- x\n\na\n\n--> b\n\nc", 0, 18)]
    [InlineData("a -->\n\n<!--\n\n<!-- -->\n\nz", 0, 7)]
    [InlineData("a -->\n\n<!--\n\n<!-- -->\n\nz", 8, 23)]
    public void A_cut_follows_a_blank_line_that_no_tag_or_comment_spans(string text, int from, int expected)
    {
        LintEngine.NextCut(Encoding.UTF8.GetBytes(text), from).Should().Be(expected);
    }
}
