using CsCheck;
using DocLint.Core.Documents.Markdown;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DocLint.Core.Tests.Documents;

/// <summary>The guarded code span parser finds exactly Markdig's own spans.</summary>
public class CodeSpanGuardTests
{
    private static readonly string[] Pieces = ["`", "`", "``", "```", "a", " ", "\\", "\n", "\n\n", "\r\n", "\r", "é", "- ", "> ", "|", "*", "<b>", "[x](y)", "~~~", "    ", "\0"];

    private static readonly MarkdownPipeline Unguarded = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables().UseAutoLinks().Build();

    private static readonly MarkdownPipeline UnguardedMdx = WithoutIndentedCode();

    private static MarkdownPipeline WithoutIndentedCode()
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables().UseAutoLinks();
        builder.BlockParsers.TryRemove<Markdig.Parsers.IndentedCodeBlockParser>();
        return builder.Build();
    }

    private static string Inlines(MarkdownDocument? document) =>
        document is null ? "null" : string.Join("; ", document.Descendants<Inline>().Select(i => i is CodeInline c ? $"code {c.Span} {c.DelimiterCount} '{c.Content}'" : $"{i.GetType().Name} {i.Span}"));

    [Fact]
    public void Code_spans_are_markdigs_own()
    {
        // Each text is parsed twice in a row, so the second parse meets the memo the first left on the thread.
        Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => Pieces[i]))).Sample(text =>
        {
            var expected = Inlines(Markdown.Parse(text, Unguarded));
            Inlines(MarkdownReader.Parse(text)).Should().Be(expected, text);
            Inlines(MarkdownReader.Parse(text)).Should().Be(expected, text);
            Inlines(MarkdownReader.Parse(text, mdx: true)).Should().Be(Inlines(Markdown.Parse(text, UnguardedMdx)), text);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("a ``b`c`` d", "code 2-8 2 'b`c'")]
    [InlineData("a `b`` c` d", "code 2-8 1 'b`` c'")]
    [InlineData("a ``b` c", "")]
    [InlineData("``a\nb``", "code 0-6 2 'a b'")]
    public void A_run_closes_at_the_next_run_of_its_length_in_its_paragraph(string text, string code)
    {
        var spans = MarkdownReader.Parse(text)!.Descendants<CodeInline>().Select(c => $"code {c.Span} {c.DelimiterCount} '{c.Content}'");
        string.Join("; ", spans).Should().Be(code);
    }
}
