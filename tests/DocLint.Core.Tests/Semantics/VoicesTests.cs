using System.Text;
using CsCheck;
using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Semantics;

/// <summary>Whose voice each stretch is, and the locality that lets a large file be read a part at a time.</summary>
public class VoicesTests
{
    private static Document Read(string text) => PlainTextReader.Instance.Read("t.txt", SourceText.From(text));

    private static string[] Others(string text) =>
        [.. Read(text).Voices.Select(v => $"{v.Voice}: {text.Substring(v.Span.Start, v.Span.Length)}")];

    private static string[] Answers(string text) => [.. Others(text).Where(o => o.StartsWith("Answer:", StringComparison.Ordinal))];

    [Fact]
    public void Reported_speech_is_the_speakers_but_its_source_and_cue_are_the_writers() =>
        Others("Title\n\nShe called the report a smear. The talks, he said, had stalled.")
            .Should().Equal(
                "Attributed: the report a smear",
                "Attributed: The talks, ",
                "Attributed: , had stalled");

    [Fact]
    public void A_topic_and_a_hedge_stay_in_the_writers_voice()
    {
        const string text = "He criticized the disastrous plan. The minister reportedly resigned.";

        Read(text).Attributions.Select(a => a.CueKind).Should().Equal(CueKind.Stance, CueKind.Hedge);
        Others(text).Should().BeEmpty();
    }

    [Fact]
    public void Quotations_are_the_speakers() =>
        Others("“It is a disaster,” she said.")
            .Should().Equal("Quotation: “It is a disaster,”", "Attributed: “It is a disaster,”");

    [Fact]
    public void An_embedded_post_is_its_authors()
    {
        var text = "The senator replied within minutes.\n\nThis is a disgrace and a sham pic.twitter.com/abc — Jane Doe (@janedoe) March 3, 2019\n\nThe vote is on Friday.";

        Others(text).Should().Equal("Post: This is a disgrace and a sham pic.twitter.com/abc — Jane Doe (@janedoe) March 3, 2019");
    }

    [Fact]
    public void Answers_and_speakers_turns_are_theirs_but_questions_and_labels_are_not()
    {
        var text = "Q: What went wrong?\n\nA: The plan was a fiasco.\n\nUPDATE: The vote is on Friday.\n\nJH: It was a sham.";

        Others(text).Should().Equal("Answer: A: The plan was a fiasco.", "Answer: JH: It was a sham.", "Attributed: It was a sham");
    }

    [Fact]
    public void A_transcript_turn_runs_on_until_the_next_label()
    {
        const string text = "Title\n\nHOST: Welcome. What happened?\n\nGUEST: It was a sham.\n\nThe vote was rigged.\n\nHOST: Why?\n\nGUEST: Because.\n\nThey lied.";
        Answers(text).Should().Equal(
            "Answer: HOST: Welcome. What happened?",
            "Answer: GUEST: It was a sham.\n\nThe vote was rigged.",
            "Answer: HOST: Why?",
            "Answer: GUEST: Because.\n\nThey lied.");
    }

    [Fact]
    public void The_last_turn_runs_on_no_further_than_the_longest_before_it()
    {
        // Every turn before the last is one paragraph: the note after the last turn is the writer's.
        const string text = "Title\n\nHOST: Why?\n\nGUEST: Because.\n\nHOST: And then?\n\nGUEST: It failed.\n\nThis transcript has been edited.\n\nOfficials say more.";
        Answers(text).Should().Equal("Answer: HOST: Why?", "Answer: GUEST: Because.", "Answer: HOST: And then?", "Answer: GUEST: It failed.");
    }

    [Fact]
    public void A_heading_ends_a_turn()
    {
        const string text = "# Title\n\nHOST: Why?\n\nGUEST: Because.\n\nIt failed.\n\nHOST: And then?\n\nGUEST: Nothing.\n\n# Notes\n\nMore.";
        var document = DocLint.Core.Documents.Markdown.MarkdownReader.Instance.Read("t.md", SourceText.From(text));
        document.Voices.Where(v => v.Voice == OtherVoice.Answer).Select(v => $"Answer: {text.Substring(v.Span.Start, v.Span.Length)}").Should().Equal("Answer: HOST: Why?", "Answer: GUEST: Because.\n\nIt failed.", "Answer: HOST: And then?", "Answer: GUEST: Nothing.");
    }

    [Fact]
    public void Turns_among_many_paragraphs_of_the_writers_own_are_no_transcript()
    {
        // Two speakers twice each, but a third of the paragraphs around them are not turns: an article quoting them.
        const string text = "Title\n\nA.\n\nB.\n\nC.\n\nSMITH: One.\n\nD.\n\nJONES: Two.\n\nE.\n\nF.\n\nSMITH: Three.\n\nG.\n\nH.\n\nJONES: Four.\n\nI.\n\nJ.\n\nK.";
        Answers(text).Should().Equal("Answer: SMITH: One.", "Answer: JONES: Two.", "Answer: SMITH: Three.", "Answer: JONES: Four.");
    }

    [Fact]
    public void An_article_that_quotes_a_few_turns_keeps_its_own_paragraphs()
    {
        // Two speakers labelled once each, in an article of its own paragraphs: the turns are theirs, the
        // writer's comment after them is not.
        const string text = "Title\n\nThe interview went badly.\n\nTRUMP: Who is he?\n\nHABERMAN: Rosenstein.\n\nThis is the system working.\n\nIt goes on.\n\nAnd on.";
        Answers(text).Should().Equal("Answer: TRUMP: Who is he?", "Answer: HABERMAN: Rosenstein.");
    }

    [Fact]
    public void A_label_that_is_no_speaker_ends_a_turn()
    {
        const string text = "Title\n\nTRUMP: We won.\n\nTHE FACTS: He lost.\n\nBIDEN: We did.\n\nTRUMP: We won again.\n\nTHE FACTS: He lost again.\n\nBIDEN: No.";
        Answers(text).Should().Equal("Answer: TRUMP: We won.", "Answer: BIDEN: We did.", "Answer: TRUMP: We won again.", "Answer: BIDEN: No.");
    }

    [Fact]
    public void One_labelled_paragraph_is_no_interview()
    {
        Others("UPDATE: The vote is on Friday.\n\nA: It was a sham.").Should().BeEmpty();
        Others("UPDATE: The vote is on Friday.\n\nA: It was a sham.\n\nA: It was late.").Should().Equal("Answer: A: It was a sham.", "Answer: A: It was late.");
    }

    private static readonly string[] Sentences =
    [
        "Sen. Maria Lopez spoke on Monday.", "The senator said the bill would pass.", "A senior official said the talks had stalled.",
        "He added that a deal was still possible.", "“We will appeal,” said the mayor.", "Critics say the law goes too far.",
        "The minister reportedly resigned.", "She called the report a smear.", "The plan, officials said, was late.",
        "According to people familiar with the plans, the company will cut jobs.", "The official declined to comment.",
        "Rain fell all day.", "They argued that it was unfair.", "A study found the opposite.", "The study, by Gallup, found it.",
    ];

    private static readonly Gen<string> Stories =
        Gen.Select(Gen.Int[0, Sentences.Length - 1].Array[1, 4].Array[2, 25], paragraphs =>
            string.Join("\n\n", paragraphs.Select(p => string.Join(" ", p.Select(i => Sentences[i])))));

    [Fact]
    public void Attributions_never_leave_their_paragraph_and_depend_only_on_the_sentences_before_them_that_a_part_sees()
    {
        var compared = 0;
        Gen.Select(Stories, Gen.Int[0, 100]).Sample((text, pick) =>
        {
            var whole = Read(text);
            foreach (var a in whole.Attributions)
            {
                whole.Blocks.Single(b => b.Span.Contains(a.Cue)).Span.Contains(a.Extent).Should().BeTrue();
            }

            // Read from a paragraph onwards, as a part is; what lies LookBack sentences past its start must agree.
            var cut = whole.Blocks[pick % whole.Blocks.Length].Span.Start;
            var part = Read(text[cut..]);
            var settled = part.Sentences.Length > AttributionFinder.LookBack ? part.Sentences[AttributionFinder.LookBack].Start + cut : int.MaxValue;
            Shift(part.Attributions, cut).Where(a => a.Cue.Start >= settled)
                .Should().Equal(whole.Attributions.Where(a => a.Cue.Start >= settled), $"a part from {cut} of {text}");
            if (cut > 0 && settled != int.MaxValue && whole.Attributions.Any(a => a.Cue.Start >= settled))
            {
                Interlocked.Increment(ref compared);
            }
        }, iter: 300);

        // The stories are long enough that many parts are compared past their first LookBack sentences.
        compared.Should().BeGreaterThan(30);
    }

    private static IEnumerable<Attribution> Shift(IEnumerable<Attribution> attributions, int by) =>
        attributions.Select(a => a with
        {
            Cue = Move(a.Cue, by),
            Source = a.Source is { } s ? Move(s, by) : null,
            Content = a.Content is { } c ? Move(c, by) : null,
            Antecedent = a.Antecedent is { } x ? Move(x, by) : null,
        });

    private static TextSpan Move(TextSpan span, int by) => new(span.Start + by, span.Length);
}
