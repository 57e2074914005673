using DocLint.Core.Documents.PlainText;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Documents;

public class SentenceSegmenterTests
{
    private static string[] Sentences(string text)
    {
        var document = PlainTextReader.Instance.Read("t.txt", SourceText.From(text));
        return [.. document.Sentences.Select(s => text.Substring(s.Start, s.Length))];
    }

    [Theory]
    [InlineData("He left. She stayed.", new[] { "He left.", "She stayed." })]
    [InlineData("Is it? Yes! Fine.", new[] { "Is it?", "Yes!", "Fine." })]
    [InlineData("What?! No.", new[] { "What?!", "No." })]
    [InlineData("The U.S. is supporting ISIS, diplomats say.", new[] { "The U.S. is supporting ISIS, diplomats say." })]
    [InlineData("a U.S.-backed outlet. Next.", new[] { "a U.S.-backed outlet.", "Next." })]
    [InlineData("It came from the U.S. The talks ended.", new[] { "It came from the U.S.", "The talks ended." })]
    [InlineData("Gen. John Nicholson spoke.", new[] { "Gen. John Nicholson spoke." })]
    [InlineData("Mr. Smith and Mrs. Jones met Dr. Lee.", new[] { "Mr. Smith and Mrs. Jones met Dr. Lee." })]
    [InlineData("It ended Jan. 5 in Kabul.", new[] { "It ended Jan. 5 in Kabul." })]
    [InlineData("John F. Kennedy spoke.", new[] { "John F. Kennedy spoke." })]
    [InlineData("Growth was 3.5 percent. Then it fell.", new[] { "Growth was 3.5 percent.", "Then it fell." })]
    [InlineData("Russia is not helping at all … Iran is not helping at all.", new[] { "Russia is not helping at all … Iran is not helping at all." })]
    [InlineData("He waited... and left.", new[] { "He waited... and left." })]
    [InlineData("“We think that bodes well.” He left.", new[] { "“We think that bodes well.”", "He left." })]
    [InlineData("he said. “We think so.”", new[] { "he said.", "“We think so.”" })]
    [InlineData("Acme Inc. said profit rose.", new[] { "Acme Inc. said profit rose." })]
    [InlineData("It was sold to Acme Inc. The deal closed.", new[] { "It was sold to Acme Inc.", "The deal closed." })]
    [InlineData("e.g., this one. Next one.", new[] { "e.g., this one.", "Next one." })]
    [InlineData("No ending punctuation", new[] { "No ending punctuation" })]
    public void Splits_news_prose(string text, string[] expected) =>
        Sentences(text).Should().Equal(expected);

    [Fact]
    public void Sentences_never_cross_paragraphs_and_the_headline_is_one()
    {
        Sentences("Headline without period\n\nFirst para\nwraps here. Second\n\nThird para.")
            .Should().Equal("Headline without period", "First para\nwraps here.", "Second", "Third para.");
    }
}
