using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Text;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Rules;

public class RuleKindTests
{
    private static RuleSet Rule(string body, string id = "DL9001") =>
        LoadOk(($"{id}.test.yaml", $"id: {id}\nname: test\nmessage: \"'{{match}}' found\"\n{body}"));

    [Fact]
    public void Existence_terms_match_whole_words_any_case_across_white_space_and_apostrophes()
    {
        var rules = Rule("kind: existence\nterms: [people familiar with, it's clear]");

        Annotate(rules, "Some People\nfamiliar  with it. It’s clear. Peoplefamiliar with it. Its clear.", "DL9001")
            .Should().Be("Some [|People\nfamiliar  with|] it. [|It’s clear|]. Peoplefamiliar with it. Its clear.");
    }

    [Fact]
    public void Existence_reports_the_message_and_matched_text()
    {
        var rules = Rule("kind: existence\nterms: [slammed]");

        var diagnostic = Lint(rules, "Headline\n\nThey Slammed it.").Should().ContainSingle().Subject;

        diagnostic.Message.Should().Be("'Slammed' found");
        diagnostic.MatchedText.Should().Be("Slammed");
        diagnostic.LineSpan.Should().Be(new LinePositionSpan(new LinePosition(2, 5), new LinePosition(2, 12)));
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Patterns_may_name_the_group_to_report()
    {
        var rules = Rule("kind: existence\npatterns: ['(?<match>a\\s+\\w+\\s+official)\\s+said']");

        Annotate(rules, "Yes, a senior official said so.", "DL9001").Should().Be("Yes, [|a senior official|] said so.");
    }

    [Fact]
    public void Terms_and_patterns_that_find_the_same_words_report_once()
    {
        var rules = Rule("kind: existence\nterms: [senior official]\npatterns: ['a senior official']");

        Annotate(rules, "Yes, a senior official said so.", "DL9001").Should().Be("Yes, [|a senior official|] said so.");
    }

    [Fact]
    public void Voice_reporter_skips_reported_speech_but_not_its_source_or_a_topic()
    {
        var rules = Rule("kind: existence\nterms: [smear, disgraceful]");

        Annotate(rules, "Title\n\nShe called the report a smear. The disgraceful mayor said so. He criticized the disgraceful report.", "DL9001")
            .Should().Be("Title\n\nShe called the report a smear. The [|disgraceful|] mayor said so. He criticized the [|disgraceful|] report.");
    }

    [Fact]
    public void Voice_attributed_finds_only_someone_elses_words()
    {
        var rules = Rule("kind: existence\nvoice: attributed\nterms: [smear]");

        Annotate(rules, "Title\n\nShe called the report a smear. It was no smear.", "DL9001")
            .Should().Be("Title\n\nShe called the report a [|smear|]. It was no smear.");
    }

    [Fact]
    public void Attribution_rules_report_the_part_asked_for_of_the_sources_asked_for()
    {
        var rules = Rule("kind: attribution\nsources: [unnamed-individual, unnamed-group]\nreport: source-and-cue");

        Annotate(rules, "Title\n\nOfficials said the bridge was shut. Maria Lopez said it was open. The plan failed, a senior official said.", "DL9001")
            .Should().Be("Title\n\n[|Officials said|] the bridge was shut. Maria Lopez said it was open. The plan failed, [|a senior official said|].");
    }

    [Fact]
    public void Attribution_rules_fill_source_cue_and_kind_into_the_message()
    {
        var rules = LoadOk(("DL9001.test.yaml", "id: DL9001\nname: test\nkind: attribution\nsources: [unnamed-group]\nmessage: \"{source} / {cue} / {sourceKind}\"\n"));

        Lint(rules, "Title\n\nCritics say the law goes too far.").Should().ContainSingle().Which.Message.Should().Be("Critics / say / unnamed group");
    }

    [Fact]
    public void An_unnamed_group_named_in_the_next_sentences_is_not_reported()
    {
        var rules = Rule("kind: attribution\nsources: [unnamed-group]\nunlessNamedWithin: 2");

        Annotate(rules, "Title\n\nCritics say the law goes too far. “It punishes the poor,” said Jane Ortiz. Economists say the fee is high. The vote is on Monday. It may pass. Jane Ortiz said so.", "DL9001")
            .Should().Be("Title\n\nCritics say the law goes too far. “It punishes the poor,” said Jane Ortiz. [|Economists|] say the fee is high. The vote is on Monday. It may pass. Jane Ortiz said so.");
    }

    [Fact]
    public void A_pronoun_for_a_named_person_names_an_example_of_the_group()
    {
        var rules = Rule("kind: attribution\nsources: [unnamed-group]\nunlessNamedWithin: 2");

        Annotate(rules, "Title\n\nJane Ortiz testified on Monday. Critics say the law goes too far. “It punishes the poor,” she said.", "DL9001")
            .Should().Be("Title\n\nJane Ortiz testified on Monday. Critics say the law goes too far. “It punishes the poor,” she said.");
        Annotate(rules, "Title\n\nA clerk testified on Monday. Critics say the law goes too far. “It punishes the poor,” she said.", "DL9001")
            .Should().Be("Title\n\nA clerk testified on Monday. [|Critics|] say the law goes too far. “It punishes the poor,” she said.");
    }

    [Fact]
    public void Unless_an_attribution_governs_the_match()
    {
        var rules = Rule("kind: existence\nterms: [reportedly]\nunless:\n  attribution: {near: governs}");

        Annotate(rules, "Title\n\nThe minister reportedly quit, NHK said. The envoy reportedly quit. NHK said so.", "DL9001")
            .Should().Be("Title\n\nThe minister reportedly quit, NHK said. The envoy [|reportedly|] quit. NHK said so.");
    }

    [Fact]
    public void When_an_attribution_of_some_sources_stands_within_some_sentences()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [bridge]\nwhen:\n  attribution: {near: 1, sources: [outlet]}");

        Annotate(rules, "Title\n\nThe bridge shut. Reuters said so. Rain fell. The bridge reopened. Officials said so.", "DL9001")
            .Should().Be("Title\n\nThe [|bridge|] shut. Reuters said so. Rain fell. The bridge reopened. Officials said so.");
    }

    [Fact]
    public void Unless_words_stand_near_and_unless_the_match_is_in_a_headline()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [study]\nunless:\n  - words: {near: 1, terms: [journal]}\n  - block: [heading]");

        Annotate(rules, "A study\n\nA study found it. It ran in a journal. Rain fell. A study found it.", "DL9001")
            .Should().Be("A study\n\nA study found it. It ran in a journal. Rain fell. A [|study|] found it.");
    }

    [Fact]
    public void A_condition_with_only_applies_to_those_matches_alone()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [allegedly, reportedly]\nunless:\n  words: {near: sentence, terms: [court], only: [allegedly]}");

        Annotate(rules, "Title\n\nHe allegedly stole it, a court heard. He reportedly stole it, a court heard. He allegedly stole it.", "DL9001")
            .Should().Be("Title\n\nHe allegedly stole it, a court heard. He [|reportedly|] stole it, a court heard. He [|allegedly|] stole it.");
    }

    [Fact]
    public void Words_before_and_after_look_at_the_neighbouring_words_in_the_sentence_only()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [disaster, racist]\nunless:\n  - words: {before: 3, terms: [declare, declared], only: [disaster]}\n  - words: {after: 1, terms: [graffiti]}");

        Annotate(rules, "Title\n\nThey declared a major disaster. They declared that the plan was a disaster. Police found racist graffiti. It was racist. Graffiti followed.", "DL9001")
            .Should().Be("Title\n\nThey declared a major disaster. They declared that the plan was a [|disaster|]. Police found racist graffiti. It was [|racist|]. Graffiti followed.");
    }

    [Fact]
    public void A_term_is_not_found_inside_a_word_that_soft_hyphens_or_joiners_break_up()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [ploy]");

        Annotate(rules, "Title\n\nUnem\u00ADploy\u00ADment rose. A ploy\u200D\u200Dlike move. It was a ploy.", "DL9001")
            .Should().Be("Title\n\nUnem\u00ADploy\u00ADment rose. A ploy\u200D\u200Dlike move. It was a [|ploy|].");
    }

    [Fact]
    public void Name_is_a_capital_that_only_a_name_explains()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [hack, Orwellian]\nunless:\n  name: true");

        Annotate(rules, "A Hack Is Named\n\nHack jobs abound. Jane Hack wrote it. A party hack wrote it. It was Orwellian. He said: Hack it.", "DL9001")
            .Should().Be("A [|Hack|] Is Named\n\n[|Hack|] jobs abound. Jane Hack wrote it. A party [|hack|] wrote it. It was [|Orwellian|]. He said: [|Hack|] it.");
    }

    [Fact]
    public void Words_near_the_whole_document_and_front_matter_keys_cancel_a_match_anywhere()
    {
        var rules = Rule("kind: existence\nvoice: any\nterms: [first appeared]\nunless:\n  - words: {near: document, terms: [with permission]}\n  - frontMatter: [license]");

        Annotate(rules, "Title\n\nThis first appeared in the Courier.", "DL9001").Should().Be("Title\n\nThis [|first appeared|] in the Courier.");
        Annotate(rules, "Title\n\nThis first appeared in the Courier.\n\nMore text.\n\nUsed with permission.", "DL9001").Should().Be("Title\n\nThis first appeared in the Courier.\n\nMore text.\n\nUsed with permission.");
        var withFrontMatter = new LintEngine(rules).LintText("a.md", "---\nlicense: CC-BY-4.0\n---\nThis first appeared in the Courier.\n").Diagnostics;
        withFrontMatter.Should().BeEmpty();
    }

    [Fact]
    public void Voice_reporter_skips_direct_quotations()
    {
        var rules = Rule("kind: existence\nterms: [terrorist networks]");

        Annotate(rules, "“They prop up the terrorist networks,” she said. The terrorist networks grew.", "DL9001")
            .Should().Be("“They prop up the terrorist networks,” she said. The [|terrorist networks|] grew.");
    }

    [Fact]
    public void Voice_quoted_and_any()
    {
        const string text = "“Slammed,” she said. He slammed it.";

        Annotate(Rule("kind: existence\nvoice: quoted\nterms: [slammed]"), text, "DL9001").Should().Be("“[|Slammed|],” she said. He slammed it.");
        Annotate(Rule("kind: existence\nvoice: any\nterms: [slammed]"), text, "DL9001").Should().Be("“[|Slammed|],” she said. He [|slammed|] it.");
    }

    [Fact]
    public void Scope_sentence_does_not_match_across_sentences_and_heading_only_matches_headings()
    {
        Annotate(Rule("kind: existence\nterms: [end start]"), "The end. Start again. The end start.", "DL9001")
            .Should().Be("The end. Start again. The [|end start|].");
        Annotate(Rule("kind: existence\nscope: heading\nterms: [war]"), "War looms\n\nThe war goes on.", "DL9001")
            .Should().Be("[|War|] looms\n\nThe war goes on.");
    }

    [Fact]
    public void A_sentence_scoped_pattern_is_matched_one_sentence_at_a_time()
    {
        // Over the whole text, the first match would start at "the cat" and run into the next sentence,
        // hiding the match that lies inside one.
        Annotate(Rule("kind: existence\npatterns: ['\\bthe\\b[^;]*?\\bsaid\\b']"), "I saw the cat. The spokesman said so.", "DL9001")
            .Should().Be("I saw the cat. [|The spokesman said|] so.");

        // ^ and $ match at the ends of each sentence.
        Annotate(Rule("kind: existence\npatterns: ['^the\\b', 'so\\.$']"), "I saw the cat. The spokesman said so.", "DL9001")
            .Should().Be("I saw the cat. [|The|] spokesman said [|so.|]");

        // Scope document: the whole text is one unit.
        Annotate(Rule("kind: existence\nscope: document\npatterns: ['^the\\b']"), "The cat. The dog.", "DL9001")
            .Should().Be("[|The|] cat. The dog.");
    }

    [Fact]
    public void Exceptions_cancel_overlapping_matches()
    {
        var rules = Rule("kind: existence\nterms: [regime]\nexceptions: [regime change]");

        Annotate(rules, "The regime fell. Regime change came.", "DL9001").Should().Be("The [|regime|] fell. Regime change came.");
    }

    [Fact]
    public void Substitution_suggests_and_fixes_in_the_original_case()
    {
        var rules = LoadOk(("DL9001.test.yaml", "id: DL9001\nname: test\nkind: substitution\nmessage: \"'{match}': use {suggestions}, or '{suggestion}'\"\nswap:\n  slammed: criticized\n  gutted: [devastated, severely damaged]\n"));

        var diagnostics = Lint(rules, "Slammed again. It was GUTTED.");

        diagnostics.Select(d => (d.Message, d.Fix!.NewText, string.Join("|", d.Suggestions))).Should().Equal(
            ("'Slammed': use 'criticized', or 'criticized'", "Criticized", "Criticized"),
            ("'GUTTED': use 'devastated' or 'severely damaged', or 'devastated'", "DEVASTATED", "DEVASTATED|SEVERELY DAMAGED"));
        diagnostics[0].Fix!.Span.Should().Be(diagnostics[0].Span);
    }

    [Fact]
    public void Substitution_with_inflect_matches_both_numbers_and_inflects_the_suggestion()
    {
        var rules = LoadOk(("DL9001.test.yaml", "id: DL9001\nname: test\nkind: substitution\ninflect: true\nmessage: \"{suggestion}\"\nswap:\n  crony: associate\n  henchmen: aides\n"));

        Lint(rules, "A crony and two cronies. A henchman and henchmen.").Select(d => (d.MatchedText, d.Message)).Should().Equal(
            ("crony", "associate"), ("cronies", "associates"), ("henchman", "aide"), ("henchmen", "aides"));
    }

    [Fact]
    public void Conditional_reports_when_nothing_required_is_within_the_window()
    {
        var rules = Rule("kind: conditional\nwindow: 1\nif: [reportedly]\nrequires: [said]");

        Annotate(rules, "It reportedly fell. Rain came.\n\nOne. Two. It reportedly rose. Three. NHK said so.\n\nIt reportedly sank, NHK said.", "DL9001")
            .Should().Be("It [|reportedly|] fell. Rain came.\n\nOne. Two. It [|reportedly|] rose. Three. NHK said so.\n\nIt reportedly sank, NHK said.");
    }

    [Fact]
    public void Conditional_requirement_cannot_be_the_match_itself()
    {
        var rules = Rule("kind: conditional\nif: [is said to be]\nrequires: [said]");

        Annotate(rules, "He is said to be ill.", "DL9001").Should().Be("He [|is said to be|] ill.");
    }

    [Fact]
    public void Required_reports_once_on_the_first_line_when_nothing_is_found()
    {
        var rules = Rule("kind: required\nterms: [all rights reserved]\npatterns: ['©']");

        Annotate(rules, "Headline here\n\nBody text.", "DL9001").Should().Be("[|Headline here|]\n\nBody text.");
        Annotate(rules, "Headline here\n\nBody text. © 2025 Courier.", "DL9001").Should().Be("Headline here\n\nBody text. © 2025 Courier.");
        Lint(rules, "").Should().BeEmpty();
        Lint(rules, "Headline").Single().MatchedText.Should().BeNull("the finding is about what is missing, not about the headline's words");
    }

    [Fact]
    public void Required_is_satisfied_by_a_front_matter_key()
    {
        var rule = Rule("kind: required\nterms: [all rights reserved]\nfrontMatter: [license]").Rules[0];
        var text = SourceText.From("Title\n\nBody.");
        var blocks = ImmutableArray.Create(new Block(BlockKind.Heading, new TextSpan(0, 5)), new Block(BlockKind.Paragraph, new TextSpan(7, 5)));
        var withKey = new Document("a.md", text, text.Text, blocks, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["License"] = "CC-BY-4.0" });
        var withoutKey = new Document("b.md", text, text.Text, blocks);

        Analyze(rule, withKey).Should().BeEmpty();
        Analyze(rule, withoutKey).Should().ContainSingle();
    }

    [Fact]
    public void Occurrence_reports_the_first_match_over_max_per_unit()
    {
        var rules = LoadOk(("DL9001.t.yaml", "id: DL9001\nname: t\nkind: occurrence\nscope: paragraph\nmax: 2\nterms: [sources say]\nmessage: \"{count} > {max}\""));

        var diagnostics = Lint(rules, "Sources say a. Sources say b. Sources say c.\n\nSources say d.");

        diagnostics.Should().ContainSingle().Which.Message.Should().Be("3 > 2");
        diagnostics[0].Span.Start.Should().Be(30);
    }

    [Fact]
    public void Occurrence_reports_too_few_at_the_unit_start()
    {
        var rules = LoadOk(("DL9001.t.yaml", "id: DL9001\nname: t\nkind: occurrence\nmin: 1\nterms: [said]\nmessage: \"only {count}, want {min}\""));

        Annotate(rules, "Title\n\nNobody spoke.", "DL9001").Should().Be("[|Title|]\n\nNobody spoke.");
        Lint(rules, "Title\n\nShe said so.").Should().BeEmpty();
    }

    [Fact]
    public void A_rule_with_severity_none_reports_nothing()
    {
        var rules = Rule("kind: existence\nseverity: none\nterms: [foo]");

        Lint(rules, "foo").Should().BeEmpty();
    }

    private static List<Diagnostic> Analyze(CompiledRule rule, Document document)
    {
        var sink = new List<Diagnostic>();
        DocLint.Core.Engine.DocumentAnalyzer.Analyze(document, [rule], r => r.Definition.Severity, sink);
        return sink;
    }
}
