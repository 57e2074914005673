using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Rules;

public class RequiredLiteralsTests
{
    private static string Describe(RequiredLiterals literals) => string.Join(" ", literals.Sets.Select(s => "{" + string.Join(",", s) + "}"));

    [Theory]
    [InlineData(@"\b(?:critics|experts)\s+(?:say|said)\b", "{critics,experts} {said,say}")]
    [InlineData(@"\bofficials?\s+(?:said|told)", "{official} {said,told}")]
    [InlineData(@"spokes(?:man|woman)", "{spokes} {man,woman}")]
    [InlineData(@"colou?r", "{colo}")]
    [InlineData(@"(?<match>an?\s+\w+\s+official)\s+said", "{official} {said}")]
    [InlineData(@"\(c\)\s*\d{4}", "{(c)}")]
    [InlineData(@"\b(?:CC-BY|CC BY)\b", "{CC BY,CC-BY}")]
    [InlineData(@"\bCC[- ]BY\b", "{CC BY,CC-BY}")]
    [InlineData(@"re[- ]elect", "{re elect,re-elect}")]
    [InlineData(@"it['’]s clear", "{s clear}")]
    [InlineData(@"[a-c]ourt", "{ourt}")]
    [InlineData(@"[^x]ourt", "{ourt}")]
    [InlineData(@"reported(?=\s+by)", "{reported}")]
    [InlineData(@"(?:people|sources)+ close", "{ close} {people,sources}")]
    [InlineData(@"(?:people)? close to", "{ close to}")]
    [InlineData(@"a{2,3}bcd", "{bcd}")]
    [InlineData(@"x{,3}yes", "{x{,3}yes}")]
    [InlineData(@"(?i)said", "{said}")]
    [InlineData(@"(?m:^)[ \t]*copyright\b", "{copyright}")]
    [InlineData(@"(?-i:\p{Lu})\w+ (?i-m:said)", "{said}")]
    public void Derives_what_every_match_must_contain(string pattern, string expected) =>
        Describe(RequiredLiterals.From(pattern)).Should().Be(expected);

    [Theory]
    [InlineData(@"\w+ed")]
    [InlineData(@"(?:said|x)")]
    [InlineData(@"said|")]
    [InlineData(@"(said)\1")]
    [InlineData(@"(?x)said")]
    [InlineData(@"(?x:said)")]
    [InlineData(@"(?i")]
    [InlineData(@"\x73aid")]
    [InlineData(@"[a-z-[aeiou]]said")]
    [InlineData(@"(?>said)")]
    [InlineData(@"(?:said")]
    [InlineData(@"said)")]
    [InlineData(@"“\p{Ll}+”")]
    public void Requires_nothing_when_a_match_needs_no_long_literal_or_the_syntax_is_not_read(string pattern) =>
        RequiredLiterals.From(pattern).IsEmpty.Should().BeTrue();

    [Fact]
    public void Selects_only_the_units_that_hold_every_set()
    {
        var literals = RequiredLiterals.From(@"\b(?:critics|experts)\s+(?:say|said)\b");
        const string text = "Critics met. Experts said no. Critics warned. They said so.";
        TextSpan[] units = [new(0, 12), new(13, 16), new(30, 15), new(46, 13)];
        var selected = new List<int>();

        literals.SelectUnits(text, units, selected);

        selected.Should().Equal(1);
    }

    [Fact]
    public void Selects_every_unit_when_the_text_has_a_character_the_regex_engine_folds_differently()
    {
        // The regex engine matches KELVIN SIGN case-insensitively to 'k'; ordinal comparison does not.
        var literals = RequiredLiterals.From("kill");
        var selected = new List<int>();

        literals.SelectUnits("\u212Aill. Nothing.", [new(0, 5), new(6, 8)], selected);

        selected.Should().Equal(0, 1);
    }

    private static readonly string[] PatternParts =
    [
        "said", "says", "(?:critics|experts)", "officials?", @"\s+", @"\b", @"\w+", "(?:a|an)", "told", "(?<match>close to)",
        "[a-z]", "x?", "(?:people)*", " ", "-", "(?=said)", "(?:source|sources)+", "{2}", "é", "K", "[- ]", "[sS]", "['’]", "[^a]",
    ];

    private static readonly string[] TextParts =
    [
        "said", "Says", "critics", "EXPERTS", "official", "officials", " ", ".", "told", "close to", "x", "people", "source", "-",
        "\u212A", "é", "É", "a", "an", "\n",
    ];

    [Fact]
    public void A_unit_that_holds_a_match_is_always_selected()
    {
        var patterns = Gen.Int[0, PatternParts.Length - 1].Array[1, 6].Select(ix => string.Concat(ix.Select(i => PatternParts[i])));
        var texts = Gen.Int[0, TextParts.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => TextParts[i])));
        Gen.Select(patterns, texts).Sample((pattern, text) =>
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                return;
            }

            var selected = new List<int>();
            RequiredLiterals.From(pattern).SelectUnits(text, [new TextSpan(0, text.Length)], selected);
            if (regex.IsMatch(text))
            {
                selected.Should().Equal([0], $"'{pattern}' matches '{text}'");
            }
        }, iter: 3000);
    }

    private static readonly string[] PunctuationParts = ["a", " ", "\"", "”", "“", ".", ",", "—", "–", "…", "x"];

    [Fact]
    public void A_set_of_non_ASCII_punctuation_is_found_exactly_where_one_of_its_strings_occurs()
    {
        var literals = RequiredLiterals.WithPunctuation(@"[""”][.,]|\s[—–]|…\.");
        Describe(literals).Should().Be("{\",,\".,–,—,”,,”.,….}");
        var strings = literals.Sets[0];
        Gen.Int[0, PunctuationParts.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => PunctuationParts[i]))).Sample(text =>
        {
            var expected = strings.Any(v => text.Contains(v, StringComparison.Ordinal));
            literals.MayMatch(text).Should().Be(expected, text);
            var selected = new List<int>();
            literals.SelectUnits(text, [new TextSpan(0, text.Length)], selected, knownSafe: true);
            selected.Count.Should().Be(expected ? 1 : 0, text);
        }, iter: 3000);
    }
}
