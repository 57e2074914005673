namespace DocLint.Vale.Tests;

/// <summary>Vale's scopes on Markdown, HTML and plain text; code ignored; comment controls.</summary>
public sealed class ScopeTests
{
    private const string Doc = "# Heading word\n\nA paragraph word. Another word here.\n\n- a list word\n\n> a quoted word\n\n| head word |\n|---|\n| cell word |\n\nSee `word` and ![alt word](x.png) and [link word](https://example.com/word).\n\n```\nword in code\n```\n";

    private static IReadOnlyList<string> Run(string scope)
    {
        using var vale = new ValeRunner()
            .Rule("Word", $"extends: existence\nmessage: \"'%s'\"\nscope: {scope}\ntokens:\n  - word\n")
            .File("a.md", Doc);
        return [.. vale.Lines().Select(l => l.Split(':')[1] + ":" + l.Split(':')[2])];
    }

    [Fact]
    public void Text_is_every_block_and_never_code_or_urls() =>
        Run("text").Should().Equal("1:11", "3:13", "3:27", "5:10", "7:12", "9:8", "11:8", "13:22", "13:45");

    [Fact]
    public void Heading_and_heading_levels()
    {
        Run("heading").Should().Equal("1:11");
        Run("heading.h1").Should().Equal("1:11");
        Run("heading.h2").Should().BeEmpty();
    }

    [Fact]
    public void Paragraph_sentence_list_blockquote_table()
    {
        Run("paragraph").Should().Equal("3:13", "3:27", "13:22", "13:45");
        Run("sentence").Should().HaveCount(8).And.NotContain("1:11");
        Run("list").Should().Equal("5:10");
        Run("blockquote").Should().Equal("7:12");
        Run("table.cell").Should().Equal("9:8", "11:8");
    }

    [Fact]
    public void Conjunctions_need_every_part()
    {
        Run("'~blockquote & ~heading'").Should().Equal("3:13", "3:27", "5:10", "9:8", "11:8", "13:22", "13:45");
        Run("'heading & ~heading.h1'").Should().BeEmpty();
        Run("'heading & ~heading.h2'").Should().Equal("1:11");
        Run("['heading & ~heading.h1', list]").Should().Equal("5:10");
    }

    [Fact]
    public void Code_is_the_text_of_inline_code_and_fenced_code() => Run("code").Should().Equal("13:6", "16:1");

    [Fact]
    public void Negated_scope_leaves_out_block_quotes() => Run("[text, ~blockquote]").Should().NotContain("7:12").And.HaveCount(8);

    [Fact]
    public void Alt_and_link_text()
    {
        Run("alt").Should().Equal("13:22");
        Run("link").Should().Equal("13:45");
    }

    [Fact]
    public void Raw_sees_the_markup_and_code_too() => Run("raw").Should().Contain("16:1").And.Contain("13:6").And.Contain("13:71");

    [Fact]
    public void Comment_controls_turn_rules_and_styles_off_and_on()
    {
        using var vale = new ValeRunner()
            .Rule("A", "extends: existence\nmessage: A\ntokens:\n  - alpha\n")
            .Rule("B", "extends: existence\nmessage: B\ntokens:\n  - beta\n")
            .File("a.md", "alpha beta\n\n<!-- vale off -->\n\nalpha beta\n\n<!-- vale on -->\n\n<!-- vale Test.A = NO -->\n\nalpha beta\n\n<!-- vale Test.A = YES -->\n<!-- vale Test = NO -->\n\nalpha beta\n\n<!-- vale Test = YES -->\n\nalpha beta\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.A:A", "a.md:1:7:Test.B:B",
            "a.md:11:7:Test.B:B",
            "a.md:20:1:Test.A:A", "a.md:20:7:Test.B:B");
    }

    [Fact]
    public void Html_headings_and_plain_text()
    {
        using var vale = new ValeRunner()
            .Rule("H", "extends: existence\nmessage: H\nscope: heading.h2\ntokens:\n  - word\n")
            .Rule("T", "extends: existence\nmessage: T\ntokens:\n  - word\n")
            .File("a.html", "<html><body><h2>A word</h2><p>Another <code>word</code> and word.</p></body></html>\n")
            .File("b.txt", "A word in plain text.\n");
        vale.Lines().Should().Equal("a.html:1:19:Test.H:H", "a.html:1:19:Test.T:T", "a.html:1:61:Test.T:T", "b.txt:1:3:Test.T:T");
    }
}
