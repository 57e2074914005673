using CsCheck;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Documents;

/// <summary>Properties over random Markdown built from the constructs that masking must get right.</summary>
public class MaskingPropertyTests
{
    private static readonly RuleSet Rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

    private static readonly string[] Fragments =
    [
        "slammed", "a senior official said", " ", "\n", "\r\n", "\r", "\n\n", "# ", "> ", "- ", "1. ", "**", "_", "`code slammed`",
        "[link slammed](https://x.org/slammed)", "![alt gutted](img.png)", "<https://slammed.org>", "<b>", "</b>", "<!-- c -->",
        "<!-- doclint-disable DL3001 -->", "&rsquo;", "&amp;", "&#8220;", "“", "”", "\"", "'", "’", "😀", "\t", "```\n", "| a | b |\n|---|---|\n",
        "---\ntitle: x\n---\n", "reportedly", "Gen. ", "U.S. ", "...", "…", "\\*", "[", "]", "(", ")", "it's clear",
    ];

    private static readonly Gen<string> Markdown = Gen.Int[0, Fragments.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => Fragments[i])));

    [Fact]
    public void Masking_never_changes_the_length_or_the_line_breaks()
    {
        Markdown.Sample(text =>
        {
            var prose = MarkdownReader.Instance.Read("a.md", SourceText.From(text)).Prose;
            prose.Length.Should().Be(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '\n' or '\r' || prose[i] is '\n' or '\r')
                {
                    prose[i].Should().Be(text[i], $"line breaks stay where they are (offset {i} of {text})");
                }
            }
        }, iter: 400);
    }

    [Fact]
    public void Every_diagnostic_span_lies_inside_the_source_and_matches_its_line_positions()
    {
        Markdown.Sample(text =>
        {
            var source = SourceText.From(text);
            foreach (var d in new LintEngine(Rules).LintText("a.md", text).Diagnostics)
            {
                (d.Span.End <= text.Length).Should().BeTrue($"{d.Id} {d.Span} in {text.Length} chars");
                d.LineSpan.Should().Be(source.GetLinePositionSpan(d.Span));
                if (d.MatchedText is { } matched)
                {
                    matched.Should().Be(text.Substring(d.Span.Start, d.Span.Length));
                }
            }
        }, iter: 300);
    }
}
