using DocLint.Core.Documents.PlainText;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Documents;

public class QuotationFinderTests
{
    private static string[] Quotes(string text, bool outermostOnly = false)
    {
        var document = PlainTextReader.Instance.Read("t.txt", SourceText.From(text));
        return [.. document.Quotations.Where(q => !outermostOnly || q.Depth == 0).Select(q => text.Substring(q.Span.Start, q.Span.Length))];
    }

    [Fact]
    public void Curly_double_quotes() =>
        Quotes("“Russia is not helping,” she told RFE/RL. “We hear this.”")
            .Should().Equal("“Russia is not helping,”", "“We hear this.”");

    [Fact]
    public void Straight_double_quotes() =>
        Quotes("bring all \"regional stakeholders\" to the table")
            .Should().Equal("\"regional stakeholders\"");

    [Fact]
    public void Nested_single_quotes_inside_double() =>
        Quotes("“Iran might sell them the ‘lesser of two evils,’” he said.")
            .Should().Equal("“Iran might sell them the ‘lesser of two evils,’”", "‘lesser of two evils,’");

    [Theory]
    [InlineData("Afghanistan’s northeastern border and the group’s members")]
    [InlineData("We’re here, they’ll pay, it’s late")]
    [InlineData("the officials’ statements were brief")]
    [InlineData("since the ’90s the town grew")]
    [InlineData("Afghanistan's border and it's late")]
    public void Apostrophes_are_not_quotes(string text) =>
        Quotes(text).Should().BeEmpty();

    [Fact]
    public void Apostrophes_inside_a_quotation_do_not_close_it() =>
        Quotes("“We hear this when we’re in Afghanistan,” she said.")
            .Should().Equal("“We hear this when we’re in Afghanistan,”");

    [Fact]
    public void Single_quotes_at_top_level() =>
        Quotes("The minister called it ‘a disgrace’ on Monday.")
            .Should().Equal("‘a disgrace’");

    [Fact]
    public void An_unclosed_quote_runs_to_the_end_of_its_paragraph_and_reopens_in_the_next()
    {
        var text = "“The first paragraph of the quote.\n\n“The second paragraph,” he said.\n\nAfter.";

        Quotes(text).Should().Equal("“The first paragraph of the quote.", "“The second paragraph,”");
    }

    [Fact]
    public void Scare_quotes_are_quotations_too() =>
        Quotes("an “Uprising” fighter named Hakimullah").Should().Equal("“Uprising”");
}
