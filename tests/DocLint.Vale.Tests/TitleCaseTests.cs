using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>Vale's <c>$title</c>: the text against its title-case form, word by word.</summary>
public sealed class TitleCaseTests
{
    private static TitleCase Case(bool chicago = false, params string[] exceptions) =>
        new(exceptions, exceptions.Length == 0 ? null : new ExceptionPattern(ValeRegex.Translate(ValeRule.WordPattern(string.Join('|', exceptions), ignoreCase: false, word: true))), chicago, 0.8);

    [Theory]
    [InlineData("writing the best title", "Writing the Best Title")]
    [InlineData("top-level view", "Top-Level View")]
    [InlineData("a step-by-step guide", "A Step-by-Step Guide")]
    [InlineData("setup: a guide to tools", "Setup: A Guide to Tools")]
    [InlineData("what it is for", "What It Is For")]
    [InlineData("working with files", "Working With Files")]
    [InlineData("\U0001D400bc def", "\U0001D400bc Def")]
    [InlineData("“quoted” words – and more", "“Quoted” Words – And More")]
    public void The_title_case_form_keeps_small_words_low_inside_the_title(string text, string title) =>
        Case().Convert(text).Should().Be(title);

    [Fact]
    public void Chicago_style_keeps_every_preposition_low_and_exceptions_keep_their_case()
    {
        Case(chicago: true).Convert("working with files from home").Should().Be("Working with Files from Home");
        Case(false, "macOS").Convert("using macos today").Should().Be("Using macOS Today");
    }

    [Theory]
    [InlineData("Writing the Best Title", true)]
    [InlineData("Writing The Best Title", false)]
    [InlineData("Top-level View", false)]
    [InlineData("Using the API Well", true)]
    [InlineData("One Two Three Four five", true)]
    public void A_title_passes_when_enough_of_its_words_agree(string text, bool passes) =>
        Case().Check(text).Should().Be(passes);
}
