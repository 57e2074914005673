using System.Text;
using AngleSharp.Html.Parser;
using CsCheck;
using DocLint.Core.Text;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>doc(…) selectors with <c>:contains</c>: the elements whose whole text holds the argument, in any position of a selector.</summary>
public sealed class DocSelectionTests
{
    //                          0         1         2         3         4         5
    //                          0123456789012345678901234567890123456789012345678901234
    private const string Page = "<div>One <div>Two <p>Three</p></div> four</div><p>Five</p>";

    private static string[] Select(string selector, string html = Page) =>
        [.. DocSelection.FromHtml(html).Select(selector).Select(s => html[s.Start..s.End])];

    [Fact]
    public void Contains_holds_for_an_element_whose_descendants_hold_the_argument_across_their_text_nodes()
    {
        const string Outer = "<div>One <div>Two <p>Three</p></div> four</div>", Inner = "<div>Two <p>Three</p></div>";
        Select("div:contains(\"three\")").Should().Equal(Outer, Inner);
        Select("div:contains(\"THREE\")").Should().Equal(Outer, Inner);
        Select("div:contains(\"one two\")").Should().Equal(Outer);
        Select("div:contains(\"two three\")").Should().Equal(Outer, Inner);
        Select("div:contains(\"three four\")").Should().Equal(Outer);
        Select("p:contains(\"two\")").Should().BeEmpty();
        Select("p:contains(five)").Should().Equal("<p>Five</p>");
        Select(":contains(\"five\")").Should().Equal(Page, Page, "<p>Five</p>");
        Select("div:contains(\"\")").Should().Equal(Outer, Inner);
        DocSelection.FromHtml(Page).Select("div:contains(\"three\")").Should().Equal(new TextSpan(0, 47), new TextSpan(9, 27));
    }

    [Fact]
    public void Contains_inside_not_has_and_combinators()
    {
        const string Outer = "<div>One <div>Two <p>Three</p></div> four</div>", Inner = "<div>Two <p>Three</p></div>";
        Select("div:not(:contains(\"one\"))").Should().Equal(Inner);
        Select("div:has(> p:contains(\"three\"))").Should().Equal(Inner);
        Select("div:has(p:contains(\"three\"))").Should().Equal(Outer, Inner);
        Select("div:not(:has(> div:contains(\"two\")))").Should().Equal(Inner);
        Select("div:contains(\"one\") p").Should().Equal("<p>Three</p>");
        Select("div:contains(\"one\") > div:contains(\"two\") > p:contains(\"three\")").Should().Equal("<p>Three</p>");
        Select("div + p:contains(\"five\"), p:contains(\"nothing\")").Should().Equal("<p>Five</p>");
    }

    [Fact]
    public void Arguments_read_as_css_strings_with_their_escapes()
    {
        Select("p:contains(\"\\74 hree\")").Should().Equal("<p>Three</p>");
        Select("p:contains('th\\ree')").Should().Equal("<p>Three</p>");
        Select("p:contains(\"a\\\"b\")", "<p>A\"B</p>").Should().Equal("<p>A\"B</p>");
        Select("p:contains(\"x)y\")", "<p>X)Y</p>").Should().Equal("<p>X)Y</p>");
        // Several tokens, left to the engine: its last token is the argument.
        Select("p:contains(one five)").Should().Equal("<p>Five</p>");
        Select("p[title=':contains(\"x\")']:contains(five)", "<p title=':contains(\"x\")'>Five</p>").Should().HaveCount(1);
    }

    [Fact]
    public void A_plain_argument_is_read_from_the_text_index_and_a_bad_selector_is_still_refused()
    {
        DocSelection.Compile("section:has(> h2:contains(\"Context\"))").Should().NotContain(":contains(");
        DocSelection.Compile("p:contains(x):not(:CONTAINS('y'))").Should().NotContain("contains(");
        DocSelection.Compile("p:contains(a b)").Should().Be("p:contains(a b)");
        DocSelection.Compile("p:contains(zébra)").Should().NotContain(":contains(");
        Select("p:contains(ZÉBRA)", "<p>Zébra</p><p>Zebra</p>").Should().Equal("<p>Zébra</p>");
        var bad = () => DocSelection.Compile("p:contains(\"x\"");
        bad.Should().Throw<FormatException>();
        var unknown = () => DocSelection.Compile("p:-doclint-contains-x0061");
        unknown.Should().Throw<FormatException>();
    }

    private static readonly string[] Tags = ["div", "span", "em"];

    private static readonly string[] Words = ["a", "b", "ab", "ba", "aab", "b a", "a b", "é", "aé", "éa"];

    /// <summary>A random nest of elements with ids, its text in lower case; each element's span and whole text.</summary>
    private static (string Html, List<(string Id, TextSpan Span, string Text)> Elements) Nest(Random random)
    {
        var html = new StringBuilder();
        var elements = new List<(string Id, TextSpan Span, string Text)>();
        var body = new StringBuilder();
        void Add(int depth, StringBuilder text)
        {
            var count = random.Next(depth == 0 ? 1 : 0, 4);
            for (var i = 0; i < count; i++)
            {
                if (depth < 5 && random.Next(2) == 0)
                {
                    var tag = Tags[random.Next(Tags.Length)];
                    var id = "e" + elements.Count;
                    var start = html.Length;
                    var slot = elements.Count;
                    elements.Add(default);
                    html.Append('<').Append(tag).Append(" id=").Append(id).Append('>');
                    var inner = new StringBuilder();
                    Add(depth + 1, inner);
                    html.Append("</").Append(tag).Append('>');
                    elements[slot] = (id, TextSpan.FromBounds(start, html.Length), inner.ToString());
                    text.Append(inner);
                }
                else
                {
                    var word = Words[random.Next(Words.Length)];
                    html.Append(word);
                    text.Append(word);
                }
            }
        }

        Add(0, body);
        return (html.ToString(), elements);
    }

    /// <summary><paramref name="word"/> with some characters escaped as CSS writes them: hex with or without a space after, or a backslash before (<c>\a</c> is U+000A).</summary>
    private static string Escaped(string word, Random random) => string.Concat(word.Select(c => random.Next(4) switch
    {
        0 => $"\\{(int)c:x} ",
        1 => $"\\{(int)c:x6}",
        2 => $"\\{c}",
        _ => c.ToString(),
    }));

    [Fact]
    public void Contains_selects_exactly_the_elements_whose_text_holds_the_argument_as_the_engine_does() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (html, elements) = Nest(random);
            var selection = DocSelection.FromHtml(html);
            var engine = new HtmlParser().ParseDocument(html);
            var whole = new TextSpan(0, html.Length);
            for (var k = 0; k < 6; k++)
            {
                var word = Words[random.Next(Words.Length)];
                var tag = Tags[random.Next(Tags.Length)];
                var other = Tags[random.Next(Tags.Length)];
                var argument = random.Next(3) == 0 ? word.ToUpperInvariant() : word;
                var escaped = random.Next(4) == 0;
                var quoted = escaped ? $"'{Escaped(word, random)}'"
                    : word.Contains(' ', StringComparison.Ordinal) || random.Next(2) == 0 ? $"\"{argument}\"" : argument;

                // The reference: an element's whole text contains the argument (an escaped one as the engine reads it, below).
                if (!escaped)
                {
                    selection.Select($"{tag}:contains({quoted})").Should().Equal(
                        elements.Where(e => html.AsSpan(e.Span.Start + 1).StartsWith(tag + " ", StringComparison.Ordinal) && e.Text.Contains(word, StringComparison.Ordinal)).Select(e => e.Span),
                        $"seed {seed}: {tag}:contains({quoted}) in {html}");
                }

                // Composite selectors: the engine's own :contains on the same elements.
                foreach (var selector in new[]
                {
                    $"{tag}:contains({quoted})",
                    $"{tag}:not(:contains({quoted}))",
                    $"{tag}:has(> {other}:contains({quoted}))",
                    $"{tag}:has({other}:not(:contains({quoted})))",
                    $"{tag}:contains({quoted}) {other}",
                    $"{tag}:contains({quoted}) + {other}:contains(\"a\")",
                    $":contains({quoted})",
                })
                {
                    var expected = engine.QuerySelectorAll(selector.Replace(argument, word, StringComparison.Ordinal))
                        .Select(e => string.IsNullOrEmpty(e.Id) ? whole : elements.Single(x => x.Id == e.Id).Span);
                    selection.Select(selector).Should().Equal(expected, $"seed {seed}: {selector} in {html}");
                }
            }
        }, iter: 300);
}
