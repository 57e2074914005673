using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Semantics;

/// <summary>
/// Who says what, sentence by sentence. Each attribution prints as "cue | source (kind) | content (kind)",
/// with the exact words of each span, so a failure shows what the finder saw.
/// </summary>
public class AttributionFinderTests
{
    private static Document Read(string text) => PlainTextReader.Instance.Read("t.txt", SourceText.From(text));

    private static string[] Attributions(string text)
    {
        var document = Read(text);
        return [.. document.Attributions.Select(a => Show(text, a))];
    }

    private static string Show(string text, Attribution a)
    {
        string Words(TextSpan? span) => span is { } s ? text.Substring(s.Start, s.Length) : "-";
        var source = a.Source is null ? "-" : $"{Words(a.Source)} ({a.SourceKind.Name()}{(a.Antecedent is { } x ? $" → {Words(x)}: {a.AntecedentKind.Name()}" : "")})";
        var content = a.Content is null ? "-" : $"{Words(a.Content)} ({a.ContentKind.Name()})";
        return $"{a.CueKind.Name()} {Words(a.Cue)} | {source} | {content}";
    }

    [Fact]
    public void A_source_after_its_clause() =>
        Attributions("The plan was approved on Monday, a senior official said.")
            .Should().Equal("speech said | a senior official (unnamed-individual) | The plan was approved on Monday (clause)");

    [Fact]
    public void A_source_before_its_clause_with_that() =>
        Attributions("Sergei Ivanov told TASS that the meeting was productive.")
            .Should().Equal("speech told | Sergei Ivanov (named-person) | the meeting was productive (clause)");

    [Fact]
    public void An_inverted_source_after_a_quotation() =>
        Attributions("“We will appeal,” said Maria Lopez, a spokeswoman for the ministry.")
            .Should().Equal("speech said | Maria Lopez, a spokeswoman for the ministry (named-person) | “We will appeal,” (quotation)");

    [Fact]
    public void According_to_puts_the_source_after_the_cue() =>
        Attributions("The company will cut 200 jobs, according to people familiar with the plans.")
            .Should().Equal("frame according to | people familiar with the plans (unnamed-individual) | The company will cut 200 jobs (clause)");

    [Fact]
    public void An_appositive_belongs_to_the_source() =>
        Attributions("Maria Lopez, a senior official at the ministry, said the plan was approved.")
            .Should().Equal("speech said | Maria Lopez, a senior official at the ministry (named-person) | the plan was approved (clause)");

    [Fact]
    public void A_parenthetical_between_commas_and_one_between_dashes() =>
        Attributions("A State Department official, on condition of anonymity, told the newspaper the talks had stalled. Many economists — mostly on the left — argue that the plan is too small.")
            .Should().Equal(
                "speech told | A State Department official (unnamed-individual) | the talks had stalled (clause)",
                "speech argue | Many economists — mostly on the left (unnamed-group) | the plan is too small (clause)");

    [Fact]
    public void A_participle_takes_the_subject_of_its_clause() =>
        Attributions("Trump attacked the plan, saying it would fail.")
            .Should().Equal(
                "stance attacked | Trump (named-person) | the plan (topic)",
                "speech saying | Trump (named-person) | it would fail (clause)");

    [Fact]
    public void A_relative_pronoun_stands_for_the_phrase_before_it() =>
        Attributions("The bill was drafted by aides, who said it would pass.")
            .Should().Equal("speech said | who (unnamed-group → aides: unnamed-group) | it would pass (clause)");

    [Fact]
    public void A_document_sees_nothing_of_the_one_read_before_it_on_the_same_thread()
    {
        // Documents are read one after another on a thread: the sources named in one (and a sentence of hundreds of
        // tokens) must not resolve a reference in the next.
        var before = "A senior official said the talks had stalled. " + string.Join(", ", Enumerable.Repeat("Maria Lopez", 200)) + " said so.";
        Attributions(before).Should().NotBeEmpty();

        Attributions("It rained. He added that a deal was still possible.")
            .Should().Equal("speech added | He (reference) | a deal was still possible (clause)");
        Attributions("A senior official said the talks had stalled. He added that a deal was still possible.")
            .Should().Equal(
                "speech said | A senior official (unnamed-individual) | the talks had stalled (clause)",
                "speech added | He (reference → A senior official: unnamed-individual) | a deal was still possible (clause)");
    }

    [Fact]
    public void A_pronoun_and_a_short_reference_resolve_to_the_source_before() =>
        Attributions("A senior official said the talks had stalled. He added that a deal was still possible. The official declined to say more.")
            .Should().Equal(
                "speech said | A senior official (unnamed-individual) | the talks had stalled (clause)",
                "speech added | He (reference → A senior official: unnamed-individual) | a deal was still possible (clause)",
                "intent declined | The official (reference → A senior official: unnamed-individual) | say more (topic)");

    [Theory]
    [InlineData("Many of her Republican supporters say they empathize with her.", "speech say | Many of her Republican supporters (unnamed-group) | they empathize with her (clause)")]
    [InlineData("One of the aides said the plan was dead.", "speech said | One of the aides (unnamed-individual) | the plan was dead (clause)")]
    [InlineData("It was bad, say some Republicans.", "speech say | some Republicans (unnamed-group) | It was bad (clause)")]
    [InlineData("Nearly nine out of 10 say they will need new skills.", "speech say | nine out of 10 (reference) | they will need new skills (clause)")]
    [InlineData("The three scholars -- Tribe, Epstein and Amar -- agreed there are candidates.", "speech agreed | The three scholars -- Tribe, Epstein and Amar (named-person) | there are candidates (clause)")]
    [InlineData("Advisers to the president said it failed.", "speech said | Advisers to the president (unnamed-group) | it failed (clause)")]
    [InlineData("Polls show Clinton up by 10 points.", "evidence show | Polls (unnamed-document) | Clinton up by 10 points (clause)")]
    [InlineData("Most voters back the plan, a new poll shows.", "evidence shows | a new poll (unnamed-document) | Most voters back the plan (clause)")]
    [InlineData("In a post on Friday, Twitter said violent threats were banned.", "speech said | Twitter (named-person) | violent threats were banned (clause)")]
    [InlineData("“It will be processed,” FBI General Counsel James A. Baker wrote in a letter.", "speech wrote | FBI General Counsel James A. Baker (named-person) | “It will be processed,” (quotation)")]
    [InlineData("“This is bad,” said Clinton's top foreign policy aide Jake Sullivan.", "speech said | Clinton's top foreign policy aide Jake Sullivan (named-person) | “This is bad,” (quotation)")]
    [InlineData("“It was bad,” said one former executive who requested anonymity.", "speech said | one former executive (unnamed-individual) | “It was bad,” (quotation)")]
    [InlineData("Dan Kritenbrink, senior director for Asian affairs, said the talks went well.", "speech said | Dan Kritenbrink, senior director for Asian affairs (named-person) | the talks went well (clause)")]
    [InlineData("Roy Beck, executive director of NumbersUSA, a group that wants less immigration, said most groups oppose it.", "speech said | Roy Beck, executive director of NumbersUSA, a group that wants less immigration (named-person) | most groups oppose it (clause)")]
    [InlineData("“It is one reason,” noted Harvard political scientist John Sides.", "speech noted | Harvard political scientist John Sides (named-person) | “It is one reason,” (quotation)")]
    [InlineData("“It may fail,” said a senior Senate GOP leadership aide.", "speech said | a senior Senate GOP leadership aide (unnamed-individual) | “It may fail,” (quotation)")]
    [InlineData("Waleed Shahid, a former staffer for Sen. Bernie Sanders agreed that it failed.", "speech agreed | Waleed Shahid, a former staffer for Sen. Bernie Sanders (named-person) | it failed (clause)")]
    [InlineData("The panel heard Catherine Croft and Christopher Anderson, both advisers to the envoy, who said it failed.", "speech said | who (named-person → Catherine Croft and Christopher Anderson, both advisers to the envoy: named-person) | it failed (clause)")]
    [InlineData("In Washington, officials said it failed.", "speech said | officials (unnamed-group) | it failed (clause)")]
    [InlineData("Rivals have both urged him to release the returns.", "speech urged | Rivals (unnamed-group) | release the returns (topic)")]
    public void Sources_in_their_common_shapes(string text, string expected) =>
        Attributions(text).Should().Equal(expected);

    [Fact]
    public void One_clause_of_two_ends_where_the_next_source_begins() =>
        Attributions("One in three said the party does not care, and one in four said it was hostile.")
            .Should().Equal(
                "speech said | One in three (reference) | the party does not care (clause)",
                "speech said | one in four (reference) | it was hostile (clause)");

    [Fact]
    public void A_singular_pronoun_never_stands_for_people() =>
        Attributions("According to people familiar with the plans, the company will cut jobs. She called the report a smear.")
            .Should().Equal(
                "frame According to | people familiar with the plans (unnamed-individual) | the company will cut jobs (clause)",
                "naming called | She (reference) | the report a smear (clause)");

    [Fact]
    public void A_title_resolves_a_later_reference_to_the_named_person() =>
        Attributions("Sen. Maria Lopez spoke on Monday. The senator said the bill would pass.")
            .Should().Equal("speech said | The senator (reference → Sen. Maria Lopez: named-person) | the bill would pass (clause)");

    [Theory]
    [InlineData("A Lakers spokesman said the team would appeal.", "A Lakers spokesman (unnamed-spokesperson)")]
    [InlineData("A spokeswoman for Acme Corp. said the plant would stay open.", "A spokeswoman for Acme Corp. (unnamed-spokesperson)")]
    [InlineData("Lakers spokesman John Black said the team would appeal.", "Lakers spokesman John Black (named-person)")]
    [InlineData("The Justice Department said the inquiry was closed.", "The Justice Department (named-organisation)")]
    [InlineData("Reuters reported that the inquiry was closed.", "Reuters (outlet)")]
    [InlineData("State media said the inquiry was closed.", "State media (outlet)")]
    [InlineData("Officials said the inquiry was closed.", "Officials (unnamed-group)")]
    [InlineData("Some Republicans said the inquiry was closed.", "Some Republicans (unnamed-group)")]
    [InlineData("Senate Democrats said the inquiry was closed.", "Senate Democrats (named-organisation)")]
    [InlineData("Two aides said the inquiry was closed.", "Two aides (unnamed-individual)")]
    [InlineData("Police said the inquiry was closed.", "Police (named-organisation)")]
    [InlineData("A new study found that the inquiry was closed.", "A new study (unnamed-document)")]
    [InlineData("A Pew poll found that the inquiry was closed.", "A Pew poll (named-document)")]
    [InlineData("Critics, including Sen. Bob Casey, said the inquiry was closed.", "Critics, including Sen. Bob Casey (named-person)")]
    [InlineData("HSBC economists said the inquiry was closed.", "HSBC economists (named-organisation)")]
    [InlineData("Apple CFO Luca Maestri said the inquiry was closed.", "Apple CFO Luca Maestri (named-person)")]
    [InlineData("U.S. officials and analysts said the inquiry was closed.", "U.S. officials and analysts (unnamed-group)")]
    [InlineData("Russian economists said the inquiry was closed.", "Russian economists (unnamed-group)")]
    [InlineData("His lawyers said the inquiry was closed.", "His lawyers (named-organisation)")]
    [InlineData("The president's lawyers said the inquiry was closed.", "The president's lawyers (named-organisation)")]
    [InlineData("His aides said the inquiry was closed.", "His aides (unnamed-group)")]
    [InlineData("Sen. Maria Lopez and others said the inquiry was closed.", "Sen. Maria Lopez and others (named-person)")]
    [InlineData("Critics and others said the inquiry was closed.", "Critics and others (unnamed-group)")]
    [InlineData("Kosachev and other senior officials said the inquiry was closed.", "Kosachev and other senior officials (named-person)")]
    [InlineData("He and Republican senators said the inquiry was closed.", "He and Republican senators (reference)")]
    [InlineData("The union and others said the inquiry was closed.", "The union and others (reference)")]
    [InlineData("Imran Khan and other leaders said the inquiry was closed.", "Imran Khan and other leaders (named-person)")]
    [InlineData("Republicans and other critics said the inquiry was closed.", "Republicans and other critics (unnamed-group)")]
    [InlineData("One of the women, who lives in Ohio, said the inquiry was closed.", "One of the women, who lives in Ohio (unnamed-individual)")]
    [InlineData("One of the victims' lawyers said the inquiry was closed.", "One of the victims' lawyers (unnamed-individual)")]
    [InlineData("A company's economists said the inquiry was closed.", "A company's economists (unnamed-group)")]
    [InlineData("U.S. and South Korean officials said the inquiry was closed.", "U.S. and South Korean officials (unnamed-group)")]
    [InlineData("Current and former officials said the inquiry was closed.", "former officials (unnamed-group)")]
    [InlineData("Aides and other people close to Obama said the inquiry was closed.", "Aides and other people close to Obama (unnamed-individual)")]
    [InlineData("One of the women, Leigh Corfman, said the inquiry was closed.", "One of the women, Leigh Corfman (named-person)")]
    [InlineData("One of the aides, in Washington, said the inquiry was closed.", "One of the aides (unnamed-individual)")]
    public void The_kind_of_source_is_read_off_the_phrase(string text, string source) =>
        Attributions(text).Should().ContainSingle().Which.Split(" | ")[1].Should().Be(source);

    [Fact]
    public void Hedges_have_no_source() =>
        Attributions("The minister reportedly resigned. The envoy is said to be furious. It is believed that the plant will close.")
            .Should().Equal(
                "hedge reportedly | - | The minister reportedly resigned (clause)",
                "hedge is said | - | The envoy is said to be furious (clause)",
                "hedge It is believed | - | the plant will close (clause)");

    [Fact]
    public void A_hedge_inside_what_a_source_said_stays_in_its_content() =>
        Attributions("The minister reportedly resigned on Friday, the broadcaster NHK said.")
            .Should().Equal(
                "hedge reportedly | - | The minister reportedly resigned on Friday (clause)",
                "speech said | the broadcaster NHK (named-organisation) | The minister reportedly resigned on Friday (clause)");

    [Fact]
    public void Naming_gives_a_clause_and_criticism_a_topic() =>
        Attributions("She called the report a smear. He criticized the plan.")
            .Should().Equal(
                "naming called | She (reference) | the report a smear (clause)",
                "stance criticized | He (reference) | the plan (topic)");

    [Fact]
    public void A_headline_with_a_colon_names_its_speaker() =>
        Attributions("Graham: Trump's rhetoric is destroying the party\n\nThe senator spoke on Sunday.")
            .Should().Equal("frame : | Graham (named-person) | Trump's rhetoric is destroying the party (clause)");

    [Theory]
    [InlineData("She criticized reporters for relying on unnamed sources.", "stance criticized | She (reference) | reporters for relying on unnamed sources (topic)")]
    [InlineData("The remarks are part of an escalation.", null)]
    [InlineData("Trump's comments came after a tweet.", null)]
    [InlineData("The South Asian state has long been unstable.", null)]
    [InlineData("State Department officials did not immediately respond to requests for comment.", null)]
    [InlineData("Local governments added 11,000 jobs.", null)]
    [InlineData("Officials can show that the plan failed.", null)]
    [InlineData("Researchers may have found a link.", "evidence found | Researchers (unnamed-group) | a link (clause)")]
    [InlineData("Lawmakers passed it and officials said the plan would fail.", "speech said | officials (unnamed-group) | the plan would fail (clause)")]
    [InlineData("Supporters met Obama and others said it went too far.", "speech said | others (unnamed-group) | it went too far (clause)")]
    [InlineData("Many of these claims were misleading.", null)]
    [InlineData("This claim and his remarks were misleading.", null)]
    [InlineData("Giant companies were being threatened by foreign rivals.", null)]
    [InlineData("To win, opponents must show the president acted outside his powers.", null)]
    [InlineData("The nominees may be opposed by home-state senators.", null)]
    [InlineData("Critics would argue the plan is too small.", "speech argue | Critics (unnamed-group) | the plan is too small (clause)")]
    [InlineData("Officials added that the plan was dead.", "speech added | Officials (unnamed-group) | the plan was dead (clause)")]
    [InlineData("Some allies have grumbled that the plan is too small.", "speech grumbled | Some allies (unnamed-group) | the plan is too small (clause)")]
    [InlineData("A study published in The Lancet found that coffee helps.", "evidence found | A study published in The Lancet (named-document) | coffee helps (clause)")]
    public void Nouns_and_non_statements_are_no_cues(string text, string? expected)
    {
        if (expected is null)
        {
            Attributions(text).Should().BeEmpty();
        }
        else
        {
            Attributions(text).Should().Equal(expected);
        }
    }

    [Fact]
    public void A_verb_after_and_belongs_to_the_subject_of_its_own_clause() =>
        Attributions("Opponents felt good because their side was glib and said things they believe.")
            .Should().BeEmpty();

    [Fact]
    public void A_quotation_closed_by_two_apostrophes_is_the_content() =>
        Attributions("''It gives an advantage to serious candidates,'' Mr. Gingrich said.")
            .Should().Equal("speech said | Mr. Gingrich (named-person) | ''It gives an advantage to serious candidates,'' (quotation)");

    [Fact]
    public void Nothing_inside_a_quotation_is_an_attribution_of_the_writer() =>
        Attributions("“A senior official said it, and I believe it,” the mayor told reporters.")
            .Should().Equal("speech told | the mayor (reference) | “A senior official said it, and I believe it,” (quotation)");

    [Fact]
    public void Every_span_lies_in_the_attributions_paragraph()
    {
        var text = "Officials said the bridge would close.\n\n“It is unsafe,” he said.\n\nThe report, the mayor said, was late.";
        var document = Read(text);

        document.Attributions.Should().HaveCount(3);
        foreach (var a in document.Attributions)
        {
            var block = document.Blocks.Single(b => b.Span.Contains(a.Cue));
            block.Span.Contains(a.Extent).Should().BeTrue();
        }
    }

    [Fact]
    public void Which_sentences_are_read_closely_does_not_depend_on_a_word_sharing_a_filter_bit_with_a_cue()
    {
        // The cue words' one-bit filter passes some other words too. A sentence whose only such word is no cue word is
        // not read closely, as one with a word the filter turns away is not: the name in it is not remembered either way.
        var cues = Core.Semantics.Lexicon.Lexicon.Instance.CueWords;
        var words = Enumerable.Range(0, 26 * 26).Select(n => $"zo{(char)('a' + (n / 26))}{(char)('a' + (n % 26))}").ToList();
        var passed = words.First(w => cues.MayContain(WordIndex.HashAscii(w)) && WordClasses.Of(w) == WordClass.None);
        var turnedAway = words.First(w => !cues.MayContain(WordIndex.HashAscii(w)));
        string Text(string word) => $"Jane Doe opened the {word} bridge on Monday.\n\n“It is unsafe,” she said.";

        var withPassed = Attributions(Text(passed));

        withPassed.Should().Equal(Attributions(Text(turnedAway)));
        withPassed.Should().ContainSingle().Which.Should().NotContain("Jane Doe");
    }
}
