using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>The prefilters of patterns without long literals: required punctuation, and the lookaround-free relaxation of backtracking patterns.</summary>
public sealed class RelaxationTests
{
    [Theory]
    [InlineData(@"(?i)(?m)(?:(?:^|\s)I(?=\s)|(?:^|\s)I(?=,\s)|\bme\b)", @"(?i)(?m)(?:(?:^|\s)I(?:\s)|(?:^|\s)I(?:,\s)|\bme\b)")]
    [InlineData(@"(?m)(?:(?<=\s)-\d+(?:\.\d+)?\b)", @"(?m)(?:(?:\s)-\d+(?:\.\d+)?\b)")]
    [InlineData(@"\b(?:(?<vale0>it is(?!\.))|(?<vale1>it's(?=\.)))\b", @"\b(?:(?<vale0>it is)|(?<vale1>it's))\b")]
    [InlineData(@"a(?=b)c", "ac")]
    [InlineData(@"(?<=x)a|b(?<=y)", @"(?:x)a|b")]
    [InlineData(@"(?:a(?=b))+", @"(?:a)+")]
    [InlineData(@"(?>ab|a)c[(?=)]\(?=x\)", @"(?:ab|a)c[(?=)]\(?=x\)")]
    [InlineData(@"(?i:a(?!b))(?=c)", @"(?i:a)(?:c)")]
    public void Lookaround_is_matched_as_text_at_the_edges_and_dropped_elsewhere(string pattern, string relaxed)
    {
        LookaroundRelaxation.Relax(pattern).Should().Be(relaxed);
    }

    [Theory]
    [InlineData(@"(\w+) \1")]
    [InlineData(@"(?<a>x)\k<a>")]
    [InlineData(@"(?(x)a|b)")]
    [InlineData(@"(?x)a b")]
    [InlineData(@"(?#note)a")]
    [InlineData(@"[a-z-[aeiou]]")]
    [InlineData(@"(a")]
    public void Syntax_that_is_not_read_gives_no_relaxation(string pattern)
    {
        LookaroundRelaxation.Relax(pattern).Should().BeNull();
    }

    [Fact]
    public void A_backtracking_pattern_searches_only_units_its_relaxation_matches()
    {
        var pattern = new ValePattern(@"(?i)(?m)(?:(?:^|\s)I(?=\s)|\bme\b)", RegexOptions.ExplicitCapture);

        pattern.Relaxed.Should().NotBeNull();
        pattern.HasNoPrefilter.Should().BeFalse();
        pattern.MayMatch("It is in the index.").Should().BeFalse();
        pattern.MayMatch("Then I said it.").Should().BeTrue();
        pattern.Matches("Then I said it to me.").Select(m => (m.Index, m.Value)).Should().Equal((4, " I"), (18, "me"));
        new ValePattern(@"(?m)(?:\bme\b)").Relaxed.Should().BeNull("a pattern on the linear-time engine needs none");
    }

    [Theory]
    [InlineData(@"(?m)(?:;)", "a; b", "a, b")]
    [InlineData(@"(?i)(?m)(?:\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b)", "on 1/2/2024", "on 1-2-2024")]
    [InlineData(@"(?m)(?:[""“][^""”“]+[""”][.,])", "say “this”.", "say “this” now")]
    [InlineData(@"(?m)(?:\b(?:AM|PM)\s?[-–]\s?.+(?:AM|PM)\b)", "9 AM – 5 PM", "9 AM to 5 PM")]
    public void Short_punctuation_is_required_where_no_long_literal_is(string pattern, string holds, string lacks)
    {
        var compiled = new ValePattern(pattern);

        compiled.HasNoPrefilter.Should().BeFalse();
        compiled.MayMatch(holds).Should().BeTrue();
        compiled.MayMatch(lacks).Should().BeFalse();
        compiled.Regex.IsMatch(holds).Should().BeTrue();
    }

    [Fact]
    public void Punctuation_taken_as_a_literal_matches_only_itself_in_the_regex_engine()
    {
        // The prefilter compares such characters ordinal-case-insensitively; the regex engine must not fold them to anything else.
        var all = new string([.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => !char.IsSurrogate(c))]);
        var caseless = all.Where(RequiredLiterals.IsCaselessPunctuation).ToHashSet();
        caseless.Should().Contain([';', '/', '"', '“', '–']);
        var cls = "(?i)[" + string.Concat(caseless.Select(c => $"\\u{(int)c:X4}")) + "]";
        foreach (Match m in Regex.Matches(all, cls, RegexOptions.CultureInvariant))
        {
            caseless.Should().Contain(m.Value[0], $"U+{(int)m.Value[0]:X4} is matched by the class of caseless punctuation");
        }

        // Ordinal-case-insensitive comparison folds to upper case: nothing may fold to one of them but itself.
        all.Where(d => char.ToUpperInvariant(d) != d && caseless.Contains(char.ToUpperInvariant(d))).Should().BeEmpty();

        // Sets of such characters (and ASCII characters other than letters) are searched ordinally: nothing else may equal them.
        var ordinal = all.Where(RequiredLiterals.IsCaseless).ToHashSet();
        ordinal.Should().Contain([';', '1', ' ', '“']).And.NotContain(['a', 'K', 'é']);
        ordinal.Should().OnlyContain(c => char.ToUpperInvariant(c) == c);
        all.Where(d => !ordinal.Contains(d) && ordinal.Contains(char.ToUpperInvariant(d))).Should().BeEmpty();
        var ordinalClass = "(?i)[" + string.Concat(ordinal.Select(c => $"\\u{(int)c:X4}")) + "]";
        Regex.Matches(all, ordinalClass, RegexOptions.CultureInvariant).Select(m => m.Value[0]).Where(c => !ordinal.Contains(c)).Should().BeEmpty();
    }

    private static readonly string[] PatternParts =
    [
        "I", "me", @"\s", @"\b", "^", "$", "(?:^|\\s)", "(?=\\s)", "(?=,\\s)", "(?!\\.)", "(?<=\\s)", "(?<!-)", "-", @"\d+", @"\w+",
        "(?:", ")", "|", "a", "(?>a|ab)", "[,.]", ";", "(?=a)", "(?<=a)", "x?", "(?:a|-)+", "(?i)", "(?<=(?<=a)b)", "(?=b(?=c))",
    ];

    private static readonly string[] TextParts = ["I", "i", "me", " ", ",", ".", "-", "1", "a", "b", "c", "ab", "\n", ";", "x", "é"];

    [Fact]
    public void Wherever_a_pattern_matches_its_prefilters_pass_and_the_matches_are_the_regex_matches()
    {
        var patterns = Gen.Int[0, PatternParts.Length - 1].Array[1, 8].Select(ix => string.Concat(ix.Select(i => PatternParts[i])));
        var texts = Gen.Int[0, TextParts.Length - 1].Array[0, 20].Select(ix => string.Concat(ix.Select(i => TextParts[i])));
        Gen.Select(patterns, texts, Gen.Bool).Sample((pattern, text, ignoreCase) =>
        {
            var full = (ignoreCase ? "(?i)" : "") + "(?m)(?:" + pattern + ")";
            Regex regex;
            ValePattern compiled;
            try
            {
                regex = new Regex(full, RegexOptions.CultureInvariant);
                compiled = new ValePattern(full);
            }
            catch (ArgumentException)
            {
                return;
            }

            if (regex.IsMatch(text) || compiled.Regex.IsMatch(text))
            {
                compiled.MayMatch(text).Should().BeTrue($"'{full}' matches '{text}'");
                if (LookaroundRelaxation.Relax(full) is { } relaxed)
                {
                    new Regex(relaxed, RegexOptions.CultureInvariant).IsMatch(text).Should().BeTrue($"'{full}' matches '{text}', so '{relaxed}' must");
                }
            }

            // The prefiltered search finds exactly what the pattern's own regex finds unfiltered.
            compiled.Matches(text).Select(m => (m.Index, m.Length)).Should().Equal(compiled.Regex.Matches(text).Select(m => (m.Index, m.Length)), full);
        }, iter: 4000);
    }
}
