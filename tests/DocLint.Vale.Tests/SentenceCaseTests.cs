using System.Collections.Immutable;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>Vale's <c>$sentence</c>: the text against its sentence-case form, word by word.</summary>
public sealed class SentenceCaseTests
{
    private static SentenceCase Case(string[]? exceptions = null, string[]? indicators = null, string? prefix = null)
    {
        exceptions ??= [];
        var pattern = exceptions.Length == 0 ? null
            : new ExceptionPattern(ValeRegex.Translate(ValeRule.WordPattern(string.Join('|', exceptions.OrderByDescending(e => e.Length)), ignoreCase: false, word: true)));
        return new SentenceCase(exceptions, pattern, [.. indicators ?? []], prefix, 0.8);
    }

    [Theory]
    [InlineData("Writing a good heading", true)]
    [InlineData("Writing a Good Heading", false)]
    [InlineData("writing a good heading", false)]
    [InlineData("Top-level entities", true)]
    [InlineData("README files", false)]
    [InlineData("Reading the JSON file", false)]
    [InlineData("1. A numbered heading", true)]
    [InlineData("\U0001D400bc and more", true)]
    public void A_heading_passes_when_its_words_are_as_sentence_case_writes_them(string heading, bool passes) =>
        Case().Check(heading, out _).Should().Be(passes);

    [Fact]
    public void Text_in_its_sentence_case_form_passes_only_with_a_word_and_a_threshold_all_words_meet()
    {
        Case().Check("Writing a good heading", out var expected).Should().BeTrue();
        expected.Should().Be("Writing a good heading");
        Case().Check("", out _).Should().BeFalse("no words: 0/0 is no ratio");
        Case().Check("... --", out _).Should().BeFalse();
        new SentenceCase([], null, [], null, 1.0).Check("Writing a good heading", out _).Should().BeTrue();
        new SentenceCase([], null, [], null, 1.5).Check("Writing a good heading", out _).Should().BeFalse("all words agreeing is a ratio of 1");
    }

    [Fact]
    public void Capitals_need_an_exception_and_an_exception_keeps_its_own_case()
    {
        var rule = Case(exceptions: ["JSON", "Data Lake"]);
        rule.Check("Reading the JSON file", out _).Should().BeTrue();
        rule.Check("Moving files to the Data Lake", out var expected).Should().BeTrue();
        expected.Should().Be("Moving files to the Data Lake");
        rule.Convert("moving to the Data lake").Should().Be("Moving to the data lake", "an exception is found as written");
        Case(exceptions: ["VS"]).Check("Comparing this vs. that", out _).Should().BeTrue("'vs.' is not the exception 'VS'");
        Case(exceptions: ["Axon", "Axon Server"]).Check("Axon Server connection", out _).Should().BeTrue("the longer exception is one word");
    }

    [Fact]
    public void A_word_after_an_indicator_starts_anew_and_the_prefix_is_not_checked()
    {
        var colon = Case(indicators: [":"]);
        colon.Check("Setup: install the tools", out var expected).Should().BeFalse();
        expected.Should().Be("Setup: Install the tools");
        colon.Check("Setup: Install the tools", out _).Should().BeTrue();
        Case().Check("Setup: install the tools", out _).Should().BeTrue("without indicators the word after a colon is a word like another");

        var lettered = Case(prefix: @"^[a-z]\.\s");
        lettered.Convert("b. next steps").Should().Be("b. Next steps");
        lettered.Check("b. Next steps", out _).Should().BeTrue();
    }

    [Fact]
    public void The_threshold_is_a_share_of_the_words_reached_or_passed()
    {
        // Four of five words as expected is 0.8: enough; five of six is more; four of six is not.
        Case().Check("Where river Meets sea now", out _).Should().BeTrue();
        Case().Check("Where the river Meets the sea", out _).Should().BeTrue();
        Case().Check("Where the Big river Meets sea", out _).Should().BeFalse();
    }
}
