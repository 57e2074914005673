using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Text;
using DocLint.Testing;

namespace DocLint.Rules.Tests;

/// <summary>
/// What `--fix` may apply from the shipped packs: a replacement that keeps the inflection of what it
/// replaces and that no shipped rule reports in its turn.
/// </summary>
public class SafeFixTests
{
    private static readonly Lazy<RuleSet> Shipped = new(() => new RuleSetBuilder().AddDirectory(RepoPaths.Rules).Build().RuleSet!);

    private static IEnumerable<(string Rule, SwapEntry Swap)> FixableSwaps() =>
        Shipped.Value.Rules.SelectMany(r => r.Definition.Swap.Where(s => s.Fix && !s.Suggestions.IsEmpty).Select(s => (r.Id, s)));

    [Fact]
    public void The_packs_offer_fixes_and_keep_some_swaps_as_suggestions_only()
    {
        var swaps = Shipped.Value.Rules.SelectMany(r => r.Definition.Swap).ToList();

        FixableSwaps().Count().Should().BeGreaterThan(30, "verbs of criticism and the terms style guides require are safe fixes");
        swaps.Count(s => !s.Fix).Should().BeGreaterThan(300, "most neutral words do not mean exactly what the loaded ones did, and every label is a suggestion only");
        Shipped.Value.Find("DL3002")!.Definition.Swap.Should().OnlyContain(s => !s.Fix);
    }

    [Fact]
    public void A_fix_keeps_the_inflection_of_the_words_it_replaces()
    {
        var mismatched = FixableSwaps()
            .Where(x => !Inflection.Agrees(x.Swap.Term, x.Swap.Suggestions[0]))
            .Select(x => $"{x.Rule}: {x.Swap.Term} -> {x.Swap.Suggestions[0]}");

        mismatched.Should().BeEmpty("a replacement must keep the tense, number and part of speech, or the swap says fix: false");
    }

    [Fact]
    public void No_shipped_rule_reports_a_suggestion_of_a_fixable_swap()
    {
        var flagged = new List<string>();
        foreach (var (rule, swap) in FixableSwaps())
        {
            foreach (var replacement in swap.Suggestions)
            {
                const string before = "Headline\n\nOn Monday the council ";
                var text = before + replacement + " the plan in the city.\n";
                var span = new TextSpan(before.Length, replacement.Length);
                var findings = Lint(text).Where(d => d.Span.OverlapsWith(span) && d.Id != "DL4001");
                flagged.AddRange(findings.Select(d => $"{rule} '{swap.Term}' -> '{replacement}': {d.Id} {d.MatchedText}"));
            }
        }

        flagged.Should().BeEmpty();
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Lint(string text) => new LintEngine(Shipped.Value).LintText("a.txt", text).Diagnostics;

    /// <summary>A rough class of an English word's inflection, enough to catch a swap that changes tense or number.</summary>
    private static class Inflection
    {
        private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
        {
            "said", "told", "tore", "hit", "took", "made", "sat", "did", "struck", "beat", "wrote", "spoke", "fought", "caught", "gave",
            "held", "led", "left", "lost", "met", "put", "ran", "saw", "sent", "shot", "stood", "threw", "won", "broke", "brought",
            "fell", "felt", "got", "kept", "knew", "paid", "rose", "sold", "shut", "stuck", "swept", "taught", "thought", "misled", "ripped",
        };

        private static readonly HashSet<string> LyAdjectives = new(StringComparer.OrdinalIgnoreCase)
        {
            "deadly", "costly", "friendly", "likely", "lonely", "lovely", "ugly", "elderly", "early", "daily", "weekly", "orderly", "silly", "ally",
        };

        public static bool Agrees(string term, string replacement)
        {
            var a = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var b = replacement.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Class(a[0]) == Class(b[0]) || Class(a[^1]) == Class(b[^1]);
        }

        private static readonly HashSet<string> NotPast = new(StringComparer.OrdinalIgnoreCase) { "screed", "creed", "speed", "need", "seed", "greed" };

        private static string Class(string word)
        {
            var w = word.ToLowerInvariant();
            if (w.LastIndexOf('-') is var hyphen and > 0)
            {
                // A compound modifier ("abortion-rights", "strong-armed"): its last part inflects, a plural noun there does not.
                var last = Class(w[(hyphen + 1)..]);
                return last == "s" ? "base" : last;
            }

            if (NotPast.Contains(w))
            {
                return "base";
            }

            if (IrregularPast.Contains(w) || (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal)))
            {
                return "past";
            }

            if (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal))
            {
                return "ing";
            }

            if (w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && !LyAdjectives.Contains(w))
            {
                return "ly";
            }

            string[] notPlural = ["ss", "us", "is", "ous", "ics"];
            return w.Length > 3 && w.EndsWith('s') && !notPlural.Any(e => w.EndsWith(e, StringComparison.Ordinal)) ? "s" : "base";
        }
    }
}
