using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Configuration;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Documents.Html;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;
using DocLint.Core.Workspace;
using DocLint.Testing;

namespace DocLint.Core.Tests.Hostile;

/// <summary>
/// Inputs built to make a reader, the matcher, the fingerprint or a glob run away: each ends with its
/// findings or a diagnostic, the run goes on, and its time is bounded (the sizes are those that took from
/// half a minute to minutes when these paths were quadratic).
/// </summary>
public class HostileInputTests
{
    private static readonly RuleSet Slammed = new RuleSetBuilder()
        .AddFile("DL9001.x.yaml", "id: DL9001\nname: x\nkind: existence\nvoice: any\nmessage: m\nterms: [slammed]\n").Build().RuleSet!;

    [Fact]
    public void Comments_are_found_as_the_lazy_regex_finds_them()
    {
        var regex = new Regex("<!--.*?-->", RegexOptions.Singleline);
        string[] parts = ["<!--", "-->", "-", "->", "<!-", "<", "!", "a", " ", "\n", ">"];
        Gen.Int[0, parts.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => parts[i]))).Sample(text =>
        {
            HtmlComments.Find(text).Should().Equal(regex.Matches(text).Select(m => new TextSpan(m.Index, m.Length)));
        });
    }

    [Fact]
    public void The_plain_text_mask_is_the_one_regex_of_comments_tags_and_urls()
    {
        // What the plain-text reader masked with one regex before comments were found apart.
        var before = new Regex(@"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|\b(?:https?|ftp)://[^\s<>""“”]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>""“”]+", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        string[] parts = ["<!--", "-->", "<a", "<b href=\"x\">", "</b>", ">", "http://x.org/a", "www.a.b", " ", "\n", "word", ".", "<", "-"];
        Gen.Int[0, parts.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => parts[i]))).Sample(text =>
        {
            var expected = text.ToCharArray();
            foreach (Match m in before.Matches(text))
            {
                var length = m.Length;
                if (text[m.Index] != '<')
                {
                    while (length > 0 && text[m.Index + length - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'')
                    {
                        length--;
                    }
                }

                ProseView.Blank(expected.AsSpan(m.Index, length));
            }

            PlainTextReader.Mask(text).Should().Be(new string(expected));
        });
    }

    [Fact]
    public void Four_hundred_thousand_unclosed_comments_in_plain_text_are_read_in_bounded_time()
    {
        var text = "Headline\n\nThe mayor slammed it.\n\n" + string.Concat(Enumerable.Repeat("<!-- ", 400_000));

        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.txt", text));

        result.Diagnostics.Select(d => (d.Id, d.LineSpan.Start)).Should().Equal(("DL9001", new LinePosition(2, 10)));
    }

    [Fact]
    public void Two_hundred_thousand_unclosed_divs_and_stray_end_tags_are_read_in_bounded_time()
    {
        var html = "<p>The mayor slammed it.</p>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + string.Concat(Enumerable.Repeat("</span>", 200_000)) + "<h1>Title slammed</h1>";

        var document = Bounded.Run(() => new HtmlReader().Read("a.html", SourceText.From(html)));
        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.html", html));

        document.Blocks.Select(b => b.Kind.ToString()).Should().Equal("Paragraph", "Heading");
        result.Diagnostics.Select(d => d.Span.Start).Should().Equal(13, html.Length - 12);
    }

    [Fact]
    public void A_markdown_paragraph_of_a_hundred_thousand_open_links_is_read_as_text_with_DL0002()
    {
        var text = "The mayor slammed it, said [Reuters](https://example.org).\n\n" + string.Concat(Enumerable.Repeat("[a](", 100_000)) + "\n\nShe slammed it too.\n";

        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.md", text));

        result.Diagnostics.Select(d => (d.Id, d.LineSpan.Start.Line, d.Message)).Should().Equal(
            ("DL9001", 0, "m"),
            ("DL0002", 2, "links not read in this paragraph: it holds 100,000 '[', more than the limit of 2,000"),
            ("DL9001", 4, "m"));
        result.InternalError.Should().BeFalse();
    }

    [Fact]
    public void Markdown_tables_wider_than_a_thousand_cells_or_past_a_hundred_thousand_are_read_as_text_with_DL0002()
    {
        // Markdig makes objects for every cell: 400,000 cells in a row took 860 MB.
        var wide = "| a | slammed |\n|---|---|\n" + string.Concat(Enumerable.Repeat("|b", 1_001)) + "\n";
        var tall = "| a | b | c | d | e | f | g | h | i | j |\n" + string.Concat(Enumerable.Repeat("|-", 10)) + "|\n"
            + string.Concat(Enumerable.Repeat("| x | x | x | x | x | x | x | x | x | x |\n", 9_091));
        var text = "The mayor slammed it.\n\n| a | slammed |\n|---|---|\n| c | d |\n\n" + wide + "\n" + tall + "\nShe slammed it too.\n";

        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.md", text));

        Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Extensions.Tables.Table>(MarkdownReader.Parse(text)!).Should().ContainSingle("only the small table is read as one");
        result.Diagnostics.Select(d => (d.Id, d.LineSpan.Start.Line, d.Message)).Should().Equal(
            ("DL9001", 0, "m"),
            ("DL9001", 2, "m"),
            ("DL0002", 6, "tables not read in this block: a line holds 1,001 '|', more than the limit of 1,000"),
            ("DL9001", 6, "m"),
            ("DL0002", 10, "tables not read in this block: it holds 100,023 '|', more than the limit of 100,000"),
            ("DL9001", 9104, "m"));
        result.InternalError.Should().BeFalse();
    }

    [Fact]
    public void Pipes_in_fenced_code_are_no_table_cells()
    {
        var text = "The mayor slammed it.\n\n```\n" + string.Concat(Enumerable.Repeat("|-", 1_001)) + "\n```\n\n~~~~\n```\n" + string.Concat(Enumerable.Repeat("|", 1_001)) + "\n~~~~\n";

        var result = new LintEngine(Slammed).LintText("a.md", text);

        result.Diagnostics.Select(d => d.Id).Should().Equal("DL9001");
    }

    [Theory]
    [InlineData(3_000, "- ", true)]
    [InlineData(100_000, "> ", false)]
    public void Markdown_nested_past_the_limit_is_read_as_plain_text_with_DL0002(int levels, string marker, bool indented)
    {
        // Markdig refuses past 128 levels, after minutes of work for a few thousand; such a file is read as plain text.
        var nested = indented
            ? string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + marker + "slammed\n"))
            : string.Concat(Enumerable.Repeat(marker, levels)) + "slammed\n";
        var text = "The mayor slammed it.\n\n" + nested;

        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.md", text));

        var deepest = indented ? levels + 1 : 2;
        result.Diagnostics.Where(d => d.Id == "DL0002").Select(d => (d.LineSpan.Start.Line, d.Message)).Should().Equal(
            (deepest, $"read as plain text: its quotes and lists nest {levels:N0} deep here, more than the limit of 100"));
        result.Diagnostics.Should().Contain(d => d.Id == "DL9001" && d.LineSpan.Start.Line == 0);
        result.InternalError.Should().BeFalse();
    }

    [Fact]
    public void Markdown_nesting_is_counted_never_below_the_depth_markdig_builds()
    {
        MarkdownReader.Nesting("A paragraph.\n\n- one\n  - two\n    - three\n").Depth.Should().Be(3);
        MarkdownReader.Nesting("> a\n> > b\n> > - c\n").Depth.Should().Be(3);
        MarkdownReader.Nesting("1. a\n   2) b\n\n        indented code, no marker\n").Depth.Should().Be(2);
        MarkdownReader.Nesting("-no marker\n*emphasis*\n").Depth.Should().Be(0);

        // An empty item is an item; a code fence's lines are code, not nesting (until the fence closes).
        MarkdownReader.Nesting("-\n  -\n    1.\n").Depth.Should().Be(3);
        MarkdownReader.Nesting("- a\n\n```\n" + new string(' ', 400) + "- x\n> > > >\n```\n  - b\n").Depth.Should().Be(2);
        MarkdownReader.Nesting("~~~~\n- a\n~~~\n- b\n~~~~~\n- c\n").Depth.Should().Be(1);
        MarkdownReader.Instance.Read("a.md", SourceText.From(string.Concat(Enumerable.Repeat("> ", 100)) + "deep but parsed\n")).Problems.Should().BeEmpty();
    }

    [Fact]
    public void A_long_sentence_with_forty_thousand_findings_hashes_a_bounded_window_for_each()
    {
        var text = "Headline\n\n" + string.Concat(Enumerable.Repeat("slammed ", 40_000)) + ".\n";

        var result = Bounded.Run(() => new LintEngine(Slammed).LintText("a.txt", text));

        result.Diagnostics.Should().HaveCount(40_000);
        result.Diagnostics.Select(d => d.Fingerprint).Should().OnlyHaveUniqueItems();
        DiagnosticFingerprint.Window(new TextSpan(10, 320_000), new TextSpan(160_000, 7)).Should().Be(new TextSpan(160_000 - 512, 1024));
        DiagnosticFingerprint.Window(new TextSpan(10, 320_000), new TextSpan(12, 7)).Should().Be(new TextSpan(10, 514), "the window is cut at the sentence's start");
        DiagnosticFingerprint.Window(new TextSpan(10, 1024), new TextSpan(12, 7)).Should().Be(new TextSpan(10, 1024), "a sentence within the window is hashed whole, as before");
    }

    [Fact]
    public void A_glob_of_many_stars_against_a_long_name_matches_in_bounded_time()
    {
        var glob = Glob.TryParse("*a*a*a*a*a*a*a*a*a*a*a*a*b", out _)!;
        var name = new string('a', 5_000) + ".txt";

        Bounded.Run(() => glob.IsMatch(name)).Should().BeFalse();
        Bounded.Run(() => glob.IsMatch(name + "b")).Should().BeTrue();
        Glob.TryParse(new string('*', 2_000), out var error).Should().BeNull();
        error.Should().Be("a glob may be at most 1024 characters; this one is 2,000");
    }

    [Fact]
    public void The_backtracking_engine_stops_when_the_files_budget_is_spent_and_says_so()
    {
        // Each sentence backtracks for a while on the interpreter (the lookbehind keeps it off the linear engine).
        var rules = new RuleSetBuilder().AddFile("DL9002.slow.yaml", "id: DL9002\nname: slow\nkind: existence\nvoice: any\nscope: sentence\nmessage: m\npatterns: ['(?=a)(a|aa)+(?<!x)b', 'fine']\n").Build().RuleSet!;
        var text = "Headline\n\n" + string.Concat(Enumerable.Repeat(new string('a', 22) + "c fine. ", 200));
        var document = new PlainTextReader().Read("a.txt", SourceText.From(text));
        var sink = new List<Diagnostic>();

        Bounded.Run(() =>
        {
            DocumentAnalyzer.Analyze(document, rules, r => r.Definition.Severity, sink, DocumentPart.Whole(text.Length, new RegexBudget(null, TimeSpan.FromMilliseconds(50))));
            return 0;
        });

        sink.Select(d => (d.Id, d.Message)).Should().Equal(("DL0004", "rule DL9002 was skipped for this file: patterns on the backtracking engine took more than 0.05 s in all in this file"));
    }

    [Fact]
    public void A_spent_budget_skips_every_backtracking_pattern_but_not_the_linear_ones()
    {
        var rules = new RuleSetBuilder()
            .AddFile("DL9002.back.yaml", "id: DL9002\nname: back\nkind: existence\nvoice: any\nmessage: m\npatterns: ['(?<!x)slammed']\n")
            .AddFile("DL9003.linear.yaml", "id: DL9003\nname: linear\nkind: existence\nvoice: any\nmessage: m\npatterns: ['slam+ed']\n")
            .Build().RuleSet!;
        var document = new PlainTextReader().Read("a.txt", SourceText.From("They slammed it."));
        var sink = new List<Diagnostic>();
        var spent = new RegexBudget(null, TimeSpan.Zero);

        DocumentAnalyzer.Analyze(document, rules, r => r.Definition.Severity, sink, DocumentPart.Whole(16, spent));

        sink.Select(d => d.Id).Should().Equal("DL0004", "DL9003");
    }

    [Fact]
    public void A_single_line_larger_than_a_paragraph_may_be_is_cut_at_sentences_with_exact_positions()
    {
        using var folder = new TempFolder();
        var text = "Headline\n\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => i % 7 == 0 ? $"Mayor {i} slammed it. " : $"Council {i} met today. "));
        var file = folder.Write("a.txt", text);

        var whole = new LintEngine(Slammed, new LintOptions { PartBytes = long.MaxValue }).LintFile(file);
        var parts = Bounded.Run(() => new LintEngine(Slammed, new LintOptions { PartBytes = 4_096, MaxParagraphBytes = 8_192 }).LintInParts(file, Encoding.UTF8.GetByteCount(text)));

        parts.Should().NotBeNull("the file is read in parts although it has no blank line after its headline");
        parts!.Diagnostics.Select(d => (d.Span, d.LineSpan)).Should().Equal(whole.Diagnostics.Select(d => (d.Span, d.LineSpan)));
        whole.Diagnostics.Should().HaveCount(429);
        whole.Diagnostics[^1].LineSpan.Start.Line.Should().Be(2);
    }

    [Fact]
    public void A_line_without_spaces_is_cut_between_characters_never_inside_one()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Repeat("é😀", 20_000)) + " slammed";
        var file = folder.Write("a.txt", text);

        var parts = new LintEngine(Slammed, new LintOptions { PartBytes = 4_096, MaxParagraphBytes = 8_192 }).LintInParts(file, Encoding.UTF8.GetByteCount(text));

        parts!.Diagnostics.Select(d => (d.Id, d.Span, d.LineSpan.Start)).Should().Equal(("DL9001", new TextSpan(text.Length - 7, 7), new LinePosition(0, text.Length - 7)));
        parts.Encoding.Should().Be(SourceEncoding.Utf8, "no part saw a broken character");
    }

    [Fact]
    public void A_stream_larger_than_memory_holds_is_spooled_and_linted_as_the_file_would_be()
    {
        using var folder = new TempFolder();
        var text = "Headline\n\n" + string.Concat(Enumerable.Repeat("The council met on Tuesday and the mayor slammed the plan.\n\n", 90_000));
        var file = folder.Write("a.txt", text);
        var engine = new LintEngine(Slammed);

        var fromFile = engine.LintFile(file);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var fromStream = Bounded.Run(() => engine.LintStream("<stdin>", input));

        text.Length.Should().BeGreaterThan((int)Limits.StdinInMemoryBytes);
        fromStream.Diagnostics.Select(d => (d.Span, d.LineSpan)).Should().Equal(fromFile.Diagnostics.Select(d => (d.Span, d.LineSpan)));
        fromStream.Diagnostics.Should().HaveCount(90_000);
        Directory.GetFiles(Path.GetTempPath(), $"doclint-stdin-{Environment.ProcessId}-*").Should().BeEmpty("the spool is deleted when it is closed");
    }

    [Fact]
    public void A_stream_over_the_size_limit_is_DL0002_and_not_read_on()
    {
        using var input = new MemoryStream(new byte[(5 << 20) + 10]);

        var result = new LintEngine(Slammed, new LintOptions { MaxFileBytes = 5 << 20 }).LintStream("<stdin>", input);

        result.Diagnostics.Select(d => (d.Id, d.Message)).Should().Equal(("DL0002", "input skipped: it is more than the limit of 5,242,880 bytes"));
    }

    [UnixFact]
    public void A_fifo_is_skipped_with_DL0002_and_never_opened()
    {
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "a.txt");
        MakeFifo(fifo);
        var ok = folder.Write("b.txt", "The mayor slammed it.");

        var result = Bounded.Run(() => new LintEngine(Slammed).LintFiles([fifo, ok]));

        FileStatus.Of(fifo).Kind.Should().Be(FileKind.Fifo);
        result.Diagnostics.Select(d => (Path.GetFileName(d.Path), d.Id, d.Message)).Should().Equal(
            ("a.txt", "DL0002", "file skipped: it is a named pipe (FIFO); only regular files are read"),
            ("b.txt", "DL9001", "m"));
    }

    [UnixFact]
    public void Configuration_and_rule_files_that_are_fifos_are_reported_not_opened()
    {
        using var folder = new TempFolder();
        MakeFifo(Path.Combine(folder.Path, "doclint.yaml"));
        MakeFifo(Path.Combine(folder.Path, "rules", "DL9001.x.yaml"));
        var file = folder.Write("a.txt", "The mayor slammed it.");

        var set = new ConfigurationSet();
        Bounded.Run(() => set.ForFile(file));
        var rules = Bounded.Run(() => new RuleSetBuilder().AddDirectory(Path.Combine(folder.Path, "rules")).Build());

        set.ProblemsWith(Slammed).Select(p => p.ToDiagnostic()).Select(d => (d.Id, d.Severity, d.Message)).Should().Equal(
            ("DL0002", DiagnosticSeverity.Warning, "configuration file skipped: it is a named pipe (FIFO); only regular files are read"));
        rules.Errors.Select(e => e.Message).Should().Equal("cannot read rule file: it is a named pipe (FIFO); only regular files are read");
    }

    [Fact]
    public void A_baseline_whose_version_is_not_a_32_bit_integer_is_not_a_baseline()
    {
        foreach (var version in new[] { "4294967297", "1.5", "\"1\"", "null", "1e400" })
        {
            var read = () => Baseline.Read($"{{\"version\": {version}, \"findings\": []}}");
            read.Should().Throw<InvalidDataException>().WithMessage("not a version 1 DocLint baseline");
        }

        ((Func<Baseline>)(() => Baseline.Read(new string('[', 10_000) + new string(']', 10_000)))).Should().Throw<InvalidDataException>();
        ((Func<Baseline>)(() => Baseline.Read("{\"version\": 1, \"findings\": [{\"path\": 1, \"id\": \"x\", \"fingerprint\": \"y\"}]}")))
            .Should().Throw<InvalidDataException>().WithMessage("not a DocLint baseline: a finding's 'path' is not a string");
    }

    [Fact]
    public void Any_bytes_read_as_a_baseline_give_a_baseline_or_a_reason()
    {
        string[] parts = ["{", "}", "[", "]", "\"version\"", ":", "1", ",", "\"findings\"", "\"path\"", "\"x\"", "2147483648", "-1", "true", "null"];
        Gen.Int[0, parts.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => parts[i]))).Sample(text =>
        {
            try
            {
                Baseline.Read(text);
            }
            catch (InvalidDataException)
            {
                // A reason the command line turns into exit 2.
            }
        });
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }
}
