using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Documents;

public class PlainTextReaderTests
{
    private static string Spaces(int count) => new(' ', count);

    private static Document Read(string text) => PlainTextReader.Instance.Read("t.txt", SourceText.From(text));

    [Fact]
    public void Masks_tags_comments_and_urls_keeping_length_and_line_breaks()
    {
        const string text = "<figcaption>Not this again.</figcaption>\r\nSee https://example.com/slammed. <!-- note\nhere -->Done.";

        var prose = Read(text).Prose;

        prose.Length.Should().Be(text.Length);
        prose.Should().Be(
            Spaces(12) + "Not this again." + Spaces(13) + "\r\n"
            + "See " + Spaces("https://example.com/slammed".Length) + ". " + Spaces("<!-- note".Length) + "\n"
            + Spaces("here -->".Length) + "Done.");
    }

    [Fact]
    public void Text_without_markup_is_its_own_prose_view()
    {
        const string text = "Plain words only.\n\nMore.";

        Read(text).Prose.Should().BeSameAs(text);
    }

    [Fact]
    public void First_line_standing_alone_is_the_headline_and_paragraphs_split_on_blank_lines()
    {
        const string text = "Spy chiefs huddle\n\nFirst paragraph.\nStill first.\n   \nSecond paragraph.";

        var document = Read(text);

        document.Blocks.Select(b => (b.Kind, text.Substring(b.Span.Start, b.Span.Length))).Should().Equal(
            (BlockKind.Heading, "Spy chiefs huddle"),
            (BlockKind.Paragraph, "First paragraph.\nStill first."),
            (BlockKind.Paragraph, "Second paragraph."));
        document.Headline.Should().NotBeNull();
    }

    [Fact]
    public void A_first_paragraph_of_several_lines_is_not_a_headline()
    {
        var document = Read("Line one of prose\nline two of prose.");

        document.Headline.Should().BeNull();
        document.Blocks.Should().ContainSingle().Which.Kind.Should().Be(BlockKind.Paragraph);
    }

    [Fact]
    public void Empty_and_blank_documents_have_no_blocks()
    {
        Read("").Blocks.Should().BeEmpty();
        Read("  \n\t\r\n").Blocks.Should().BeEmpty();
    }
}
