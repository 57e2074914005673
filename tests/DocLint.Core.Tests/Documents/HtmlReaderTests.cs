using DocLint.Core.Documents.Html;
using DocLint.Core.Engine;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;
using DocLint.Testing;

namespace DocLint.Core.Tests.Documents;

public class HtmlReaderTests
{
    private const string Article =
        "<html><head><title>Spy chiefs huddle</title><style>p { color: red }</style></head>\n"
        + "<body>\n"
        + "<h1>Spy chiefs &amp; envoys</h1>\n"
        + "<p class=\"slammed\">He said &ldquo;no&rdquo; &ndash; Afghanistan&rsquo;s <q>slammed</q> it.</p>\n"
        + "<figure><img alt=\"x\" src=\"slammed.png\"><figcaption>Not this again.</figcaption></figure>\n"
        + "<blockquote><p>They gutted it.</p></blockquote>\n"
        + "<script>var slammed = 1;</script><pre>slammed</pre>\n"
        + "<!-- doclint-disable DL3001 -->\n"
        + "</body></html>\n";

    [Fact]
    public void Tags_attributes_scripts_and_code_are_masked_entities_decoded_and_quotations_found()
    {
        SpanDump.Dump(HtmlReader.Instance.Read("a.html", SourceText.From(Article))).Should().Be(
            """
            prose  |███████████████████Spy chiefs huddle████████████████ █ ██████ ███ ████████████████|
            prose  |██████|
            prose  |████Spy chiefs &████ envoys█████|
            prose  |██ ████████████████He said “██████no”██████ –██████ Afghanistan’██████s ███slammed████ it.████|
            prose  |████████████ ███████ ██████████████████████████████Not this again.██████████████████████|
            prose  |███████████████They gutted it.█████████████████|
            prose  |███████████ ███████ █ █████████████████████████████|
            prose  |████ ███████████████ ██████ ███|
            prose  |██████████████|
            prose  ||
            block  Heading 1:20-1:37 "Spy chiefs huddle"
            block  Heading 3:5-3:28 "Spy chiefs &amp; envoys"
            block  Paragraph 4:20-4:91 "He said &ldquo;no&rdquo; &ndash; Afghanistan&rsquo;s <q>slammed</q> it."
            block  Caption 5:52-5:67 "Not this again."
            block  BlockQuote 6:16-6:31 "They gutted it."
            sent   1:20-1:37 "Spy chiefs huddle"
            sent   3:5-3:28 "Spy chiefs &amp; envoys"
            sent   4:20-4:91 "He said &ldquo;no&rdquo; &ndash; Afghanistan&rsquo;s <q>slammed</q> it."
            sent   5:52-5:67 "Not this again."
            sent   6:16-6:31 "They gutted it."
            quote  4:28-4:44 "&ldquo;no&rdquo;"
            quote  4:73-4:87 "<q>slammed</q>"
            quote  6:1-6:48 "<blockquote><p>They gutted it.</p></blockquote>"
            direct Disable [DL3001] 8:1-8:32

            """);
    }

    [Fact]
    public void Rights_stated_in_the_pages_metadata_are_its_front_matter()
    {
        const string html = "<html><head><link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"
            + "<META NAME='copyright' CONTENT='&copy; 2025 The Courier'><meta name=\"dcterms.rights\" content=\"All rights reserved\">"
            + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"copyrightNotice\": \"The Courier\"}</script></head>"
            + "<body><p>Image copyright Getty Images</p></body></html>";

        var document = HtmlReader.Instance.Read("a.html", SourceText.From(html));

        document.FrontMatter.OrderBy(p => p.Key, StringComparer.Ordinal).Should().Equal(
            new KeyValuePair<string, string>("copyright", "© 2025 The Courier"),
            new KeyValuePair<string, string>("license", "https://creativecommons.org/licenses/by/4.0/"),
            new KeyValuePair<string, string>("rights", "All rights reserved"));
        HtmlReader.Instance.Read("b.html", SourceText.From("<script type=\"application/ld+json\">{\"license\": \"https://x.org/l\"}</script><p>Text.</p>"))
            .FrontMatter.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("license", "https://x.org/l"));
        HtmlReader.Instance.Read("c.html", SourceText.From("<link rel=\"canonical\" href=\"https://x.org\"><meta name=\"author\" content=\"A\"><p>Text.</p>"))
            .FrontMatter.Should().BeEmpty();
    }

    [Fact]
    public void Loaded_terms_are_reported_in_text_headings_and_captions_but_not_in_attributes_code_or_quotations()
    {
        const string html = "<h1>Critics slammed the plan</h1>\n<p title=\"slammed\">Not <code>slammed</code>, and <q>slammed</q>. It was <a href=\"/slammed\">slammed</a>.</p>\n<figure><figcaption>Rebels gutted the town.</figcaption></figure>\n";
        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

        var found = new LintEngine(rules).LintText("a.html", html).Diagnostics.Where(d => d.Id.StartsWith("DL3", StringComparison.Ordinal))
            .Select(d => $"{d.LineSpan.Start.Line + 1}:{d.LineSpan.Start.Character + 1} {d.MatchedText}");

        found.Should().Equal("1:13 slammed", "2:92 slammed", "3:28 gutted");
    }

    [Fact]
    public void An_apostrophe_entity_still_lets_a_phrase_match_and_the_span_covers_the_entity()
    {
        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

        var d = new LintEngine(rules).LintText("a.html", "<p>It&rsquo;s clear the plan failed.</p>").Diagnostics.Single(x => x.Id == "DL2002");

        d.MatchedText.Should().Be("It&rsquo;s clear");
    }
}
