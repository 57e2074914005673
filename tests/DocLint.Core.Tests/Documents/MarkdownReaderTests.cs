using DocLint.Core.Documents.Markdown;
using DocLint.Core.Text;
using DocLint.Testing;

namespace DocLint.Core.Tests.Documents;

/// <summary>Positions pinned by span dumps: what is prose, what is masked, and where every structure lies.</summary>
public class MarkdownReaderTests
{
    private static string Dump(string markdown) => SpanDump.Dump(MarkdownReader.Instance.Read("a.md", SourceText.From(markdown)));

    [Fact]
    public void Mdx_statements_expressions_and_jsx_tags_are_masked_the_text_between_tags_is_prose()
    {
        SpanDump.Dump(MarkdownReader.Mdx.Read("a.mdx", SourceText.From(
            "import Tabs from '@theme/Tabs';\n\n<Tabs values={[{label: \"a > b\"}]}>\n  <Item value=\"x\">They met.</Item>\n</Tabs>\n\n{/* a note */} Then {props.name} left.\n\nA { left open.\n"))).Should().Be(
            """
            prose  |██████ ████ ████ ██████████████|
            prose  ||
            prose  |█████ ████████████████ ██ █ ██████|
            prose  |  █████ ██████████They met.███████|
            prose  |███████|
            prose  ||
            prose  |███ █ ████ ███ Then ████████████ left.|
            prose  ||
            prose  |A { left open.|
            prose  ||
            block  Paragraph 4:19-4:28 "They met."
            block  Paragraph 7:16-7:39 "Then {props.name} left."
            block  Paragraph 9:1-9:15 "A { left open."
            sent   4:19-4:28 "They met."
            sent   7:16-7:39 "Then {props.name} left."
            sent   9:1-9:15 "A { left open."

            """);
    }

    [Fact]
    public void Front_matter_is_masked_and_its_keys_are_exposed()
    {
        Dump("---\ntitle: Spy chiefs huddle\nlicense: CC-BY-4.0\n---\n# Spy chiefs huddle\n\nThey met.\n").Should().Be(
            """
            prose  |███|
            prose  |██████ ███ ██████ ██████|
            prose  |████████ █████████|
            prose  |███|
            prose  |█ Spy chiefs huddle|
            prose  ||
            prose  |They met.|
            prose  ||
            block  Heading 5:3-5:20 "Spy chiefs huddle"
            block  Paragraph 7:1-7:10 "They met."
            sent   5:3-5:20 "Spy chiefs huddle"
            sent   7:1-7:10 "They met."
            front  license=CC-BY-4.0
            front  title=Spy chiefs huddle

            """);
    }

    [Fact]
    public void Code_fences_inline_code_and_urls_are_masked_link_text_is_prose()
    {
        Dump("Use `slammed` in [the slammed report](https://x.org/slammed \"slammed\").\n\n```\nslammed\n```\n").Should().Be(
            """
            prose  |Use █████████ in █the slammed report███████████████████████ ██████████.|
            prose  ||
            prose  |███|
            prose  |███████|
            prose  |███|
            prose  ||
            block  Paragraph 1:1-1:72 "Use `slammed` in [the slammed report](https://x.org/slammed "slammed")."
            sent   1:1-1:72 "Use `slammed` in [the slammed report](https://x.org/slammed "slammed")."

            """);
    }

    [Fact]
    public void Emphasis_markers_are_masked_so_phrases_still_match()
    {
        Dump("on **condition** of anonymity\n").Should().StartWith("prose  |on ██condition██ of anonymity|\n");
    }

    [Fact]
    public void Nested_block_quotes_lists_and_tables_keep_exact_positions()
    {
        Dump("> outer\n> > inner words\n\n- item one\n  - nested item\n\n| a | b |\n|---|---|\n| cell text | x |\n").Should().Be(
            """
            prose  |█ outer|
            prose  |█ █ inner words|
            prose  ||
            prose  |█ item one|
            prose  |  █ nested item|
            prose  ||
            prose  |█ a █ b █|
            prose  |█████████|
            prose  |█ cell text █ x █|
            prose  ||
            block  BlockQuote 1:3-1:8 "outer"
            block  BlockQuote 2:5-2:16 "inner words"
            block  ListItem 4:3-4:11 "item one"
            block  ListItem 5:5-5:16 "nested item"
            block  Paragraph 7:3-7:4 "a"
            block  Paragraph 7:7-7:8 "b"
            block  Paragraph 9:3-9:12 "cell text"
            block  Paragraph 9:15-9:16 "x"
            sent   1:3-1:8 "outer"
            sent   2:5-2:16 "inner words"
            sent   4:3-4:11 "item one"
            sent   5:5-5:16 "nested item"
            sent   7:3-7:4 "a"
            sent   7:7-7:8 "b"
            sent   9:3-9:12 "cell text"
            sent   9:15-9:16 "x"
            quote  1:1-2:16 "> outer\n> > inner words"

            """);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Crlf_and_cr_line_ends_keep_positions(string newline)
    {
        var text = $"Setext heading{newline}=============={newline}{newline}Second line slammed.{newline}";

        var document = MarkdownReader.Instance.Read("a.md", SourceText.From(text));

        document.Prose.Length.Should().Be(text.Length);
        document.Blocks.Select(b => (b.Kind, text.Substring(b.Span.Start, b.Span.Length))).Should().Equal(
            (DocLint.Core.Documents.BlockKind.Heading, "Setext heading"),
            (DocLint.Core.Documents.BlockKind.Paragraph, "Second line slammed."));
        document.Source.GetLinePosition(text.IndexOf("slammed", StringComparison.Ordinal)).Should().Be(new LinePosition(3, 12));
    }

    [Fact]
    public void Entities_count_as_their_character_and_spans_cover_the_entity()
    {
        var dump = Dump("He said &ldquo;no&rdquo; at AT&amp;T.\n");

        dump.Should().StartWith("prose  |He said “██████no”██████ at AT&████T.|\n");
        dump.Should().Contain("quote  1:9-1:25 \"&ldquo;no&rdquo;\"", "a span that ends on an entity covers all of it");
    }

    [Fact]
    public void A_tab_after_a_heading_marker_keeps_the_heading_text_where_it_stands()
    {
        // Markdig places such a heading's inlines several characters early; the reader parses the tab as a space.
        Dump("x\n\n# \tAT&amp;T slammed\n").Should().Be(
            """
            prose  |x|
            prose  ||
            prose  |█ █AT&████T slammed|
            prose  ||
            block  Paragraph 1:1-1:2 "x"
            block  Heading 3:4-3:20 "AT&amp;T slammed"
            sent   1:1-1:2 "x"
            sent   3:4-3:20 "AT&amp;T slammed"

            """);
    }

    [Fact]
    public void A_heading_that_opens_with_a_tab_and_an_entity_after_a_lone_quotation_mark_keeps_its_line_breaks()
    {
        // A case the masking property found: the entity was decoded over the blank line before the heading.
        const string text = "\u201C\n\n# \t&amp;\\*<https://example.org>**\n";
        var prose = MarkdownReader.Instance.Read("a.md", SourceText.From(text)).Prose;

        prose.Should().Be("\u201C\n\n   &     *" + new string(' ', "<https://example.org>".Length) + "**\n");
    }

    [Fact]
    public void Html_comments_carry_directives_and_are_masked()
    {
        Dump("<!-- doclint-disable-next-line DL3001 -->\nThey slammed it. <!-- doclint-disable-line -->\n").Should().Be(
            """
            prose  |████ █████████████████████████ ██████ ███|
            prose  |They slammed it. ████ ████████████████████ ███|
            prose  ||
            block  Paragraph 2:1-2:17 "They slammed it."
            sent   2:1-2:17 "They slammed it."
            direct DisableNextLine [DL3001] 1:1-1:42
            direct DisableLine [] 2:18-2:47

            """);
    }
}

public class FrontMatterTests
{
    private static readonly DocLint.Core.Rules.RuleSet TitleRule = DocLint.Core.Tests.Rules.RuleHarness.LoadOk(
        ("DL9001.t.yaml", "id: DL9001\nname: t\nkind: existence\nscope: frontmatter.title\nmessage: m\nterms: [slammed]\n"));

    [Fact]
    public void A_frontmatter_scope_lints_that_fields_value_at_its_source_position()
    {
        const string text = "---\ntitle: \"Critics slammed the plan\"\nsummary: slammed\n---\nThe body slammed it too.\n";

        var d = new DocLint.Core.Engine.LintEngine(TitleRule).LintText("a.md", text).Diagnostics.Should().ContainSingle().Subject;

        (d.LineSpan.Start.Line, d.LineSpan.Start.Character, d.MatchedText).Should().Be((1, 16, "slammed"));
    }

    [Fact]
    public void The_title_is_the_headline_when_the_body_has_no_H1_and_is_not_doubled_when_it_has_one()
    {
        const string noH1 = "---\ntitle: Spy chiefs huddle\n---\nBody text.\n";
        const string withH1 = "---\ntitle: Spy chiefs huddle\n---\n# Spy chiefs huddle\n\nBody text.\n";

        var first = MarkdownReader.Instance.Read("a.md", SourceText.From(noH1));
        var second = MarkdownReader.Instance.Read("b.md", SourceText.From(withH1));

        first.Headline.Should().NotBeNull();
        noH1.Substring(first.Headline!.Value.Span.Start, first.Headline.Value.Span.Length).Should().Be("Spy chiefs huddle");
        first.Source.GetLinePosition(first.Headline.Value.Span.Start).Should().Be(new LinePosition(1, 7));
        second.Blocks.Count(b => b.Kind == DocLint.Core.Documents.BlockKind.Heading).Should().Be(1);
        second.Source.GetLineIndex(second.Headline!.Value.Span.Start).Should().Be(3);
    }

    [Theory]
    [InlineData("scope: frontmatter.\n", "DL9001.t.yaml(4,8): 'frontmatter.' names no front-matter key")]
    [InlineData("scope: frontmatter\n", "DL9001.t.yaml(4,8): scope 'frontmatter' needs a key")]
    public void A_frontmatter_scope_needs_a_key(string scope, string error)
    {
        var result = DocLint.Core.Tests.Rules.RuleHarness.Load(("DL9001.t.yaml", "id: DL9001\nname: t\nkind: existence\n" + scope + "message: m\nterms: [slammed]\n"));

        DocLint.Core.Tests.Rules.RuleHarness.Errors(result).Should().Contain(error);
    }
}
