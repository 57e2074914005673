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
        // A heading is read in sentences only when it holds several (see the test below).
        Run("sentence").Should().Equal("3:13", "3:27", "5:10", "7:12", "9:8", "11:8", "13:22", "13:45");
        Run("list").Should().Equal("5:10");
        Run("blockquote").Should().Equal("7:12");
        Run("table.cell").Should().Equal("11:8");
        Run("table.header").Should().Equal("9:8");
        Run("table").Should().Equal("9:8", "11:8");
    }

    [Fact]
    public void A_block_in_two_of_a_rules_scopes_is_read_once() =>
        Run("[heading, text]").Should().Equal("1:11", "3:13", "3:27", "5:10", "7:12", "9:8", "11:8", "13:22", "13:45");

    [Fact]
    public void Conjunctions_need_every_part()
    {
        Run("'~blockquote & ~heading'").Should().Equal("3:13", "3:27", "5:10", "9:8", "11:8", "13:22", "13:45");
        Run("'heading & ~heading.h1'").Should().BeEmpty();
        Run("'heading & ~heading.h2'").Should().Equal("1:11");
        Run("['heading & ~heading.h1', list]").Should().Equal("5:10");
    }

    [Fact]
    public void Code_is_the_text_of_inline_code_and_fenced_code() => Run("code").Should().Equal("13:5", "16:1");

    [Fact]
    public void Ignored_scopes_without_code_make_markdowns_inline_code_text()
    {
        // The list replaces Vale's default (code, tt, kbd): code is then text, and strong is what stands as '*'.
        using var vale = new ValeRunner("StylesPath = styles\nMinAlertLevel = suggestion\nIgnoredScopes = strong\n\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - word\n  - two words\n")
            .File("a.md", "Use `word` here and `two words` there, **word** and <code>word</code>.\n\n```\nword in a block\n```\n")
            .File("b.html", "<p>Use <code>word</code> and <strong>word</strong>.</p>\n<pre><code>word</code></pre>\n");
        vale.Lines().Should().Equal("a.md:1:6:Test.Word:'word'", "a.md:1:22:Test.Word:'two words'", "a.md:1:59:Test.Word:'word'", "b.html:1:14:Test.Word:'word'");
    }

    [Fact]
    public void A_markdown_file_too_deep_to_parse_and_an_xhtml_file_keep_their_markup_to_vale()
    {
        // Read as plain text when its quotes nest past the parser's limit, the file is still Markdown to Vale: its fenced
        // code is not linted. An .xhtml file is HTML, as to Vale: its code and script are not text.
        using var vale = new ValeRunner()
            .Rule("Word", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - XXX\n")
            .File("deep.md", "Intro XXX here.\n\n```\nXXX\n```\n\n" + string.Concat(Enumerable.Repeat("> ", 120)) + "end\n")
            .File("a.xhtml", "<p>Fine and <code>XXX</code> and XXX.</p><script>XXX</script>\n");
        vale.Lines().Should().Equal(
            "a.xhtml:1:34:Test.Word:'XXX'",
            "deep.md:1:7:Test.Word:'XXX'",
            "deep.md:7:1:DL0002:read as plain text: its quotes and lists nest 120 deep here, more than the limit of 100");
    }

    [Fact]
    public void Backticks_are_text_in_html_and_code_in_markdown()
    {
        using var vale = new ValeRunner()
            .Rule("Word", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - XXX\n")
            .File("a.html", "<p>Fix `XXX` and <code>XXX</code>.</p>\n")
            .File("a.md", "Fix `XXX` and <code>XXX</code>.\n");
        vale.Lines().Should().Equal("a.html:1:9:Test.Word:'XXX'");
    }

    [Fact]
    public void A_match_of_a_whole_code_span_or_link_text_is_reported_with_its_backticks_or_brackets()
    {
        // As Vale reports it: "'`XXX`' left in text", "Don't use '[here]'…"; a match of part of the text is the match alone.
        using var vale = new ValeRunner()
            .Rule("Code", "extends: existence\nmessage: \"'%s' left in text\"\nscope: code\ntokens:\n  - XXX\n")
            .Rule("Link", "extends: existence\nmessage: \"Don't use '%s'\"\nignorecase: true\nscope: link\ntokens:\n  - here\n")
            .File("a.md", "Fix `XXX` and ``XXX`` and `XXX yet`.\n\nSee [here](a) and [over here](b) and <code>XXX</code>.\n");
        vale.Lines().Should().Equal(
            "a.md:1:5:Test.Code:'`XXX`' left in text",
            "a.md:1:15:Test.Code:'``XXX``' left in text",
            "a.md:1:28:Test.Code:'XXX' left in text",
            "a.md:3:5:Test.Link:Don't use '[here]'",
            "a.md:3:25:Test.Link:Don't use 'here'",
            "a.md:3:44:Test.Code:'XXX' left in text");
    }

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
    public void Backticks_paired_across_lines_do_not_merge_the_blocks_around_them()
    {
        // The unpaired backtick of the first item pairs with the third item's first one: the code that grows a block at
        // its edges is only the code on its own line, so the second item's word is one unit's, reported once.
        using var vale = new ValeRunner()
            .Rule("Word", Word)
            .File("a.md", "- first ` item\n- second word\n- third `code` word\n");
        vale.Lines().Should().Equal("a.md:2:10:Test.Word:'word'", "a.md:3:16:Test.Word:'word'");
    }

    [Fact]
    public void Backticks_do_not_pair_across_a_blank_line()
    {
        // A code span lies within one paragraph: the first paragraph's lone backtick does not make code of the heading
        // and the paragraph after it (whose spaces would stand as '*', so that no phrase matches there).
        using var vale = new ValeRunner()
            .Rule("Phrase", "extends: existence\nmessage: \"'%s'\"\nignorecase: true\ntokens:\n  - a word\n  - another word\n")
            .File("a.md", "One ` tick.\n\n## A word\n\nAnother word, then `code`.\n");
        vale.Lines().Should().Equal("a.md:3:4:Test.Phrase:'A word'", "a.md:5:1:Test.Phrase:'Another word'");
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

    private const string Word = "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - word\n";

    [Fact]
    public void Html_ignored_classes_skip_blocks_and_star_inline_text_and_ignored_scopes_star_their_tags()
    {
        using var vale = new ValeRunner("StylesPath = styles\nIgnoredScopes = code, strong\nIgnoredClasses = hidden, aside-note\nSkippedScopes = script, style, pre, aside\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", Word)
            .File("a.html", "<div class=\"box hidden\">\n<p>A word here.</p>\n<div><p>Nested word.</p></div>\n</div>\n<p>One word, a <strong>word</strong> and <span class=\"hidden\">word</span>.</p>\n<aside><p>An aside word.</p></aside>\n<p>Last <em>word</em>.</p>\n");
        vale.Lines().Should().Equal("a.html:5:8:Test.Word:'word'", "a.html:7:13:Test.Word:'word'");
    }

    [Fact]
    public void Markdown_blocks_are_skipped_by_the_tags_they_render_to()
    {
        var markdown = "# A word\n\n## Another word\n\n> A quoted word,\n> on two lines: word.\n\nA plain word.\n\n- A listed word\n\n| Head word |\n| --- |\n| Cell word |\n";
        using (var vale = new ValeRunner("StylesPath = styles\nSkippedScopes = blockquote, h2, li\n[*]\nBasedOnStyles = Test\n"))
        {
            vale.Rule("Word", Word).File("a.md", markdown);
            vale.Lines().Should().Equal("a.md:1:5:Test.Word:'word'", "a.md:8:9:Test.Word:'word'", "a.md:12:8:Test.Word:'word'", "a.md:14:8:Test.Word:'word'");
        }

        using (var vale = new ValeRunner("StylesPath = styles\nSkippedScopes = td, p, h1\n[*]\nBasedOnStyles = Test\n"))
        {
            vale.Rule("Word", Word).File("a.md", markdown);
            vale.Lines().Should().Equal("a.md:3:12:Test.Word:'word'", "a.md:10:12:Test.Word:'word'", "a.md:12:8:Test.Word:'word'");
        }
    }

    [Fact]
    public void Skipped_tags_follow_what_markdown_renders_lists_quotes_and_html_blocks_to()
    {
        const string Markdown = "1. A numbered word\n2. Another numbered word\n\n- A bulleted word\n\n- A loose word\n\nA plain word.\n\n"
            + "> ## Quoted heading word\n>\n> | Quoted head word |\n> | --- |\n> | Quoted cell word |\n\n<div>\nAn HTML block word.\n</div>\n";
        IReadOnlyList<string> LinesWith(string skipped)
        {
            using var vale = new ValeRunner($"StylesPath = styles\nSkippedScopes = {skipped}\n[*]\nBasedOnStyles = Test\n");
            vale.Rule("Word", Word).File("a.md", Markdown);
            return [.. vale.Lines().Select(l => l.Split(':')[1])];
        }

        LinesWith("script").Should().Equal("1", "2", "4", "6", "8", "10", "12", "14", "17");
        // Numbered and bulleted lists render to different tags.
        LinesWith("ol").Should().Equal("4", "6", "8", "10", "12", "14", "17");
        LinesWith("ul").Should().Equal("1", "2", "8", "10", "12", "14", "17");
        // A loose list's items are paragraphs, a tight list's are not; raw HTML is not a paragraph.
        LinesWith("p").Should().Equal("1", "2", "10", "12", "14", "17");
        // A heading and a table in a quote keep their own tags.
        LinesWith("h2").Should().Equal("1", "2", "4", "6", "8", "12", "14", "17");
        LinesWith("h1").Should().Equal("1", "2", "4", "6", "8", "10", "12", "14", "17");
        LinesWith("td").Should().Equal("1", "2", "4", "6", "8", "10", "12", "17");
        LinesWith("th").Should().Equal("1", "2", "4", "6", "8", "10", "14", "17");
        LinesWith("blockquote").Should().Equal("1", "2", "4", "6", "8", "17");
    }

    [Fact]
    public void A_heading_in_a_quote_or_a_list_item_has_its_own_level()
    {
        using var vale = new ValeRunner()
            .Rule("H", "extends: existence\nmessage: H\nscope: heading.h2\ntokens:\n  - word\n")
            .File("a.md", "> ## A quoted word\n\n- ### A listed word\n\n- ## Another listed word\n");
        vale.Lines().Should().Equal("a.md:1:15:Test.H:H", "a.md:5:21:Test.H:H");
    }

    [Fact]
    public void A_line_break_tag_in_markdown_separates_and_display_math_is_not_text()
    {
        using var vale = new ValeRunner()
            .Rule("Glued", "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '[a-z][.][A-Z]'\n")
            .Rule("Word", Word)
            .File("a.md", "One line.<br/>Two.<br>Three.<BR />Four.Five.\n\n$$\nx = word\n$$ {#eq-1}\n\n$$y = word$$\n\n$$\nword\n\nA word.\n");
        vale.Lines().Should().Equal("a.md:1:38:Test.Glued:'r.F'", "a.md:12:3:Test.Word:'word'");
    }

    [Fact]
    public void Mdx_code_fences_at_any_indentation_expressions_and_ignored_components_are_not_text()
    {
        using var vale = new ValeRunner("StylesPath = styles\nIgnoredClasses = Aside\n[*.mdx]\nBasedOnStyles = Test\n")
            .Rule("Word", Word)
            .File("a.mdx", "<Steps>\n  <Step>\n    ```bash\n    word\n\n    word\n    ```\n\n    A word.\n  </Step>\n</Steps>\n\n{/* a comment */}word and {props.word} word.\n\n<Aside>\n  An aside word.\n</Aside>\n");
        vale.Lines().Should().Equal("a.mdx:9:7:Test.Word:'word'", "a.mdx:13:18:Test.Word:'word'", "a.mdx:13:40:Test.Word:'word'");

        // A brace never closed in its paragraph, or closed only after an expression's length, leaves the text as it is.
        vale.File("a.mdx", "A { word.\n\n{" + new string('x', 5000) + " word}\n");
        vale.Lines().Should().Equal("a.mdx:1:5:Test.Word:'word'", "a.mdx:3:5003:Test.Word:'word'");
    }

    [Fact]
    public void A_curly_apostrophe_written_as_an_entity_is_read_straight_at_its_own_width()
    {
        using var vale = new ValeRunner()
            .Rule("Its", "extends: existence\nmessage: \"'%s'\"\nraw:\n  - \"it['’]s\"\n")
            .File("a.html", "<p>So it&rsquo;s done, it’s done.</p>\n")
            .File("b.md", "So it&rsquo;s done.\n");
        vale.Lines().Should().Equal("a.html:1:7:Test.Its:'it's'", "a.html:1:24:Test.Its:'it’s'", "b.md:1:4:Test.Its:'it's'");
    }

    [Fact]
    public void White_space_inside_a_tag_is_markup_not_a_space_between_words()
    {
        using var vale = new ValeRunner()
            .Rule("Paren", "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '\\( |\\s\\)'\n")
            .File("a.html", "<p>See it (<a href=\"u\">link</a>) and ( this ).</p>\n")
            .File("b.md", "See it (<span class=\"x\">span</span>) here.\n");
        vale.Lines().Should().Equal("a.html:1:38:Test.Paren:'( '", "a.html:1:44:Test.Paren:' )'");
    }

    [Fact]
    public void Ignored_links_a_heading_after_markup_and_comments_that_separate_words()
    {
        using var vale = new ValeRunner("StylesPath = styles\nIgnoredScopes = code, link\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", Word)
            .Rule("H2", "extends: existence\nmessage: h2\nscope: heading.h2\ntokens:\n  - word\n")
            .File("a.md", "## *Starred* word\n\nSee [the word](https://example.com) and a word.\n\nOne<!-- c -->word and one<em><!--c-->word</em>.\n");
        vale.Lines().Should().Equal(
            "a.md:1:14:Test.H2:h2",
            "a.md:1:14:Test.Word:'word'",
            "a.md:3:43:Test.Word:'word'",
            "a.md:5:14:Test.Word:'word'",
            "a.md:5:38:Test.Word:'word'");
    }

    [Fact]
    public void Mdx_is_markdown_without_indented_code()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*.mdx]\nBasedOnStyles = Test\n")
            .Rule("H", "extends: existence\nmessage: \"'%s'\"\nscope: heading.h2\ntokens:\n  - word\n")
            .Rule("Word", Word)
            .File("a.mdx", "# A word\n\n## Another word\n\n    An indented word.\n");
        vale.Lines().Should().Equal("a.mdx:1:5:Test.Word:'word'", "a.mdx:3:12:Test.H:'word'", "a.mdx:3:12:Test.Word:'word'", "a.mdx:5:17:Test.Word:'word'");
    }

    [Fact]
    public void Html_default_skipped_and_ignored_scopes()
    {
        using var vale = new ValeRunner()
            .Rule("Word", Word)
            .File("a.html", "<figure><p>A figure word.</p></figure>\n<p>Press <kbd>word</kbd>, then <tt>word</tt>, then word.</p>\n<p class=\"problematic\">Error word.</p>\n");
        vale.Lines().Should().Equal("a.html:2:52:Test.Word:'word'");
    }

    [Fact]
    public void Html_table_cells_headers_and_captions()
    {
        const string Html = "<table>\n<caption>Caption word</caption>\n<tr><th>Head word</th></tr>\n<tr><td class=\"c\"><p class=\"c\">Cell word</p></td></tr>\n</table>\n<p>Body word.</p>\n";
        IReadOnlyList<string> Lines(string scope)
        {
            using var vale = new ValeRunner()
                .Rule("Word", $"extends: existence\nmessage: \"'%s'\"\nscope: {scope}\ntokens:\n  - word\n")
                .File("a.html", Html);
            return [.. vale.Lines().Select(l => l.Split(':')[1] + ":" + l.Split(':')[2])];
        }

        Lines("table.cell").Should().Equal("4:37");
        Lines("table.header").Should().Equal("3:14");
        Lines("table.caption").Should().Equal("2:18");
        Lines("table").Should().Equal("2:18", "3:14", "4:37");
        Lines("paragraph").Should().Equal("6:9");
    }

    [Fact]
    public void Markdown_html_with_an_ignored_class_is_skipped_and_strong_text_stars_when_ignored()
    {
        using var vale = new ValeRunner("StylesPath = styles\nIgnoredScopes = code, strong\nIgnoredClasses = hidden\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", Word)
            .File("a.md", "A **word** and *word*.\n\n<div class=\"hidden\">\n\nA hidden word.\n\n</div>\n\nAfter `<div class=\"hidden\">` a word.\n");
        vale.Lines().Should().Equal("a.md:1:17:Test.Word:'word'", "a.md:9:32:Test.Word:'word'");
    }

    [Fact]
    public void A_skipped_tag_never_closed_in_markdown_skips_only_itself()
    {
        using var vale = new ValeRunner()
            .Rule("Word", Word)
            .File("a.md", "Write <figure> and a word.\n\n<pre>word</pre> then word.\n\nA last word.\n");
        vale.Lines().Should().Equal("a.md:1:22:Test.Word:'word'", "a.md:3:22:Test.Word:'word'", "a.md:5:8:Test.Word:'word'");
    }

    private const string Adr = "# Title\n\nIntro with alpha.\n\n## Context\n\nWe could alpha here.\n\n### Background\n\nNested alpha.\n\n## Decision\n\nAlpha after decision. More alpha.\n\n- item alpha\n";

    private static IReadOnlyList<string> RunAdr(string scope, string file = "a.md", string text = Adr)
    {
        using var vale = new ValeRunner()
            .Rule("Alpha", $"extends: existence\nmessage: \"'%s'\"\nignorecase: true\nscope: '{scope}'\ntokens:\n  - alpha\n")
            .File(file, text);
        return [.. vale.Lines().Select(l => l.Split(':')[1] + ":" + l.Split(':')[2])];
    }

    [Fact]
    public void A_selector_beside_a_scope_narrows_it_to_the_elements_with_sections_wrapped_at_headings()
    {
        // The Context section holds its h3's section; :contains reads text in any case.
        RunAdr("text & doc(section:has(> h2:contains(\"context\")))").Should().Equal("7:10", "11:8");
        RunAdr("sentence & doc(section:has(> h2:contains(\"Decision\")))").Should().Equal("15:1", "15:28", "17:8");
        RunAdr("text & doc(h2 + p)").Should().Equal("7:10", "15:1", "15:28");
        RunAdr("text & doc(section:has(> h3) li)").Should().BeEmpty();
        RunAdr("list & doc(section:has(> h2:contains(\"Decision\")))").Should().Equal("17:8");
    }

    [Fact]
    public void A_negated_selector_is_everything_outside_its_elements() =>
        RunAdr("~doc(section:has(> h2:contains(\"Context\")))").Should().Equal("3:12", "15:1", "15:28", "17:8");

    [Fact]
    public void A_selector_alone_makes_each_element_one_unit()
    {
        RunAdr("doc(section:has(> h2))").Should().Equal("7:10", "11:8", "15:1", "15:28", "17:8");
        RunAdr("doc(h3)").Should().BeEmpty();
        RunAdr("doc(body)").Should().HaveCount(6);
    }

    [Fact]
    public void A_selector_keeps_its_own_ampersands_and_dots() =>
        RunAdr("text & doc(section:has(> h2:contains(\"A & B.c\")))", text: "## A & B.c\n\nalpha\n\n## Other\n\nalpha\n").Should().Equal("3:1");

    [Fact]
    public void Html_elements_are_selected_by_their_own_tags_and_classes()
    {
        const string Page = "<h2>Context</h2>\n<p>One alpha.</p>\n<div class=\"note\"><p>Two alpha.</p></div>\n<h2>Other</h2>\n<p>Three alpha.</p>\n";
        RunAdr("text & doc(section:has(> h2:contains(\"Context\")))", "a.html", Page).Should().Equal("2:8", "3:26");
        RunAdr("text & doc(div.note)", "a.html", Page).Should().Equal("3:26");
        RunAdr("~doc(div.note)", "a.html", Page).Should().Equal("2:8", "5:10");
    }

    [Fact]
    public void A_required_element_that_is_missing_is_reported_at_the_start_and_one_without_the_token_at_its_text()
    {
        using var vale = new ValeRunner()
            .Rule("Rationale", "extends: occurrence\nmessage: A Rationale section.\nscope: 'doc(section:has(> h2:contains(\"Rationale\")))'\ntoken: '(?s).'\nmin: 1\n")
            .Rule("Decided", "extends: occurrence\nmessage: The Decision section decides.\nscope: 'doc(section:has(> h2:contains(\"Decision\")))'\ntoken: '\\bwe will\\b'\nmin: 1\n")
            .Rule("Context", "extends: occurrence\nmessage: Context present.\nscope: 'doc(section:has(> h2:contains(\"Context\")))'\ntoken: '(?s).'\nmin: 1\n")
            .File("a.md", Adr);
        vale.Lines().Should().Equal("a.md:1:1:Test.Rationale:A Rationale section.", "a.md:13:4:Test.Decided:The Decision section decides.");
    }

    [Fact]
    public void A_metric_measures_each_selected_element_reported_at_its_first_line()
    {
        using var vale = new ValeRunner()
            .Rule("Words", "extends: metric\nmessage: \"%s words\"\nscope: 'doc(section:has(> h2))'\nformula: words\ncondition: '> 1'\n")
            .Rule("Subs", "extends: metric\nmessage: \"%s subheadings\"\nscope: 'doc(section:has(> h2))'\nformula: heading.h3\ncondition: '> 0'\n")
            .Rule("Sentences", "extends: metric\nmessage: \"%s sentences\"\nscope: 'doc(section:has(> h2:contains(\"Decision\")))'\nformula: sentences\ncondition: '> 0'\n")
            .File("a.md", Adr);
        // Context: Context, We could alpha here., Background, Nested alpha. Decision: Decision, Alpha after decision.
        // More alpha., item alpha. A heading without a stop runs on into the next sentence when an element is read whole.
        vale.Lines().Should().Equal(
            "a.md:5:1:Test.Subs:1.00 subheadings",
            "a.md:5:1:Test.Words:8.00 words",
            "a.md:13:1:Test.Sentences:3.00 sentences",
            "a.md:13:1:Test.Words:8.00 words");
    }

    [Fact]
    public void Html_data_content_is_the_meta_scope_and_not_text()
    {
        using var vale = new ValeRunner()
            .Rule("Prose", "extends: existence\nmessage: prose\nnonword: true\nraw: [ZQX]\n")
            .Rule("Meta", "extends: existence\nmessage: meta\nscope: meta\nnonword: true\nraw: [ZQX]\n")
            .File("a.html", "<p>A ZQX here.</p>\n<data value=\"1\">ZQX-1</data>\n");
        vale.Lines().Should().Equal("a.html:1:6:Test.Prose:prose", "a.html:2:17:Test.Meta:meta");
    }

    [Fact]
    public void A_metric_scoped_to_text_measures_the_document()
    {
        using var vale = new ValeRunner()
            .Rule("Words", "extends: metric\nmessage: \"%s words\"\nscope: text\nformula: words\ncondition: '> 1'\n")
            .File("a.md", "# Title\n\nOne two three.\n\nFour five.\n");
        vale.Lines().Should().Equal("a.md:1:1:Test.Words:6.00 words");
    }

    [Fact]
    public void A_heading_of_several_sentences_is_read_in_sentences_and_one_of_a_single_sentence_is_not()
    {
        using var vale = new ValeRunner()
            .Rule("Whole", "extends: existence\nmessage: \"'%s'\"\nscope: sentence\nraw: ['^.*$']\n")
            .File("a.md", "# Test\n\n### a. Parent lettered heading\n\nOne sentence here.\n");
        vale.Lines().Should().Equal("a.md:3:5:Test.Whole:'a.'", "a.md:3:8:Test.Whole:'Parent lettered heading'", "a.md:5:1:Test.Whole:'One sentence here.'");
    }

    [Fact]
    public void Nested_elements_report_a_place_once_and_html_text_is_read_decoded_and_mdx_as_mdx()
    {
        RunAdr("doc(section)", text: "## A\n\n### B\n\nalpha\n").Should().Equal("5:1");
        RunAdr("doc(div)", "a.html", "<div><div><p>alpha</p></div></div>\n").Should().Equal("1:14");
        RunAdr("text & doc(section:has(> h2:contains(\"A & B\")))", "a.html", "<h2>A &amp; B</h2>\n<p>alpha</p>\n").Should().Equal("2:4");

        // HTML ignores '/>' on an element that is not void: the paragraph holds its text.
        RunAdr("text & doc(p.x)", "a.html", "<p class=\"x\" />one alpha</p>\n").Should().Equal("1:20");

        // MDX has no indented code: an indented paragraph in a component is a paragraph. A folder walk takes .mdx under [*].
        using var vale = new ValeRunner()
            .Rule("Alpha", "extends: existence\nmessage: x\nscope: 'text & doc(p)'\ntokens: [alpha]\n")
            .File("a.mdx", "Intro alpha.\n\n<Note>\n\n    Inside alpha.\n\n</Note>\n");
        vale.Lines().Should().Equal("a.mdx:1:7:Test.Alpha:x", "a.mdx:5:12:Test.Alpha:x");
    }

    [Fact]
    public void A_required_element_is_not_reported_missing_from_plain_text()
    {
        using var vale = new ValeRunner()
            .Rule("Summary", "extends: occurrence\nmessage: A summary.\nscope: 'doc(section:has(> h2:contains(\"Summary\")))'\ntoken: '(?s).'\nmin: 1\n")
            .File("a.txt", "Summary\n\nalpha\n")
            .File("b.md", "# Title\n\nalpha\n");
        vale.Lines().Should().Equal("b.md:1:1:Test.Summary:A summary.");
    }

    [Fact]
    public void Unclosed_data_elements_are_text_and_a_closed_one_before_them_is_meta()
    {
        using var vale = new ValeRunner()
            .Rule("Meta", "extends: existence\nmessage: meta\nscope: meta\nnonword: true\nraw: [ZQX]\n")
            .Rule("Prose", "extends: existence\nmessage: prose\nnonword: true\nraw: [ZQX]\n")
            .File("a.html", "<p><data value=\"1\">ZQX</data></p>\n<p>" + string.Concat(Enumerable.Repeat("<data>x ", 3)) + "ZQX</p>\n");
        vale.Lines().Should().Equal("a.html:1:20:Test.Meta:meta", "a.html:2:28:Test.Prose:prose");
    }
}
