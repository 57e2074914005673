using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>Whose words a stretch of text is, when they are not the writer's.</summary>
public enum OtherVoice
{
    /// <summary>A direct quotation, or a block quote of the markup.</summary>
    Quotation,

    /// <summary>Reported speech or thought: the content of an attribution with a source ("She called the plan a disgrace").</summary>
    Attributed,

    /// <summary>A social-media post embedded in the text ("… — Name (@handle) March 3, 2019").</summary>
    Post,

    /// <summary>An interviewee's answer or a speaker's turn in a transcript ("A: …", "SMITH: …").</summary>
    Answer,
}

/// <summary>A stretch of a document that is not in the writer's voice, and whose it is.</summary>
public readonly record struct VoiceRegion(TextSpan Span, OtherVoice Voice);

/// <summary>
/// Where a document speaks in voices other than the writer's: quotations, attributed content (minus the
/// attribution's own source and cue, which are the writer's words), embedded posts and interview or
/// transcript turns. Rules with <c>voice: reporter</c> skip these; everything else is the writer's own.
/// </summary>
public static partial class Voices
{
    public static ImmutableArray<VoiceRegion> Find(Document document)
    {
        var regions = new List<VoiceRegion>(document.QuotedRegions.Length + document.Attributions.Length + 4);
        foreach (var quoted in document.QuotedRegions)
        {
            regions.Add(new VoiceRegion(quoted, OtherVoice.Quotation));
        }

        // The source and cue of an attribution are the writer's words even where they stand inside its content
        // ("The talks, she said, had stalled"); an attribution inside another's content ("Karl tweeted that a
        // senior official said …") is part of what was reported.
        Span<TextSpan> own = stackalloc TextSpan[2];
        foreach (var attribution in document.Attributions)
        {
            if (attribution.Source is { } source && attribution.ContentIsAttributed && attribution.Content is { } content)
            {
                AddAttributed(content, own[..OwnWords(document.Prose, source, attribution.Cue, own)], regions);
            }
        }

        AddPosts(document, regions);
        AddTurns(document, regions);
        regions.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return [.. regions];
    }

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(".;:!?\n");

    /// <summary>
    /// The source and the cue, written into <paramref name="own"/> in order; as one span when only a few words lie
    /// between them ("he said", "said Maria Lopez"). Returns how many spans it wrote.
    /// </summary>
    private static int OwnWords(string prose, TextSpan source, TextSpan cue, Span<TextSpan> own)
    {
        var (first, second) = source.Start < cue.Start ? (source, cue) : (cue, source);
        var gap = prose.AsSpan(first.End, Math.Max(0, second.Start - first.End));
        if (gap.Length < 24 && gap.IndexOfAny(ClauseBreaks) < 0)
        {
            own[0] = TextSpan.FromBounds(first.Start, Math.Max(first.End, second.End));
            return 1;
        }

        own[0] = first;
        own[1] = second;
        return 2;
    }

    /// <summary>Adds the parts of <paramref name="span"/> outside the sorted <paramref name="holes"/> as attributed content.</summary>
    private static void AddAttributed(TextSpan span, ReadOnlySpan<TextSpan> holes, List<VoiceRegion> regions)
    {
        var start = span.Start;
        foreach (var hole in holes)
        {
            if (hole.End <= span.Start || hole.Start >= span.End)
            {
                continue;
            }

            if (hole.Start > start)
            {
                regions.Add(new VoiceRegion(TextSpan.FromBounds(start, hole.Start), OtherVoice.Attributed));
            }

            start = Math.Max(start, hole.End);
        }

        if (start < span.End)
        {
            regions.Add(new VoiceRegion(TextSpan.FromBounds(start, span.End), OtherVoice.Attributed));
        }
    }

    /// <summary>
    /// A paragraph that ends with a post's signature, as scraped pages carry embedded tweets ("… pic.twitter.com/x
    /// — Jane Doe (@jdoe) March 3, 2019") or Instagram posts ("A post shared by Jane Doe (@jdoe) on …"): the
    /// whole paragraph is the post's; a paragraph that is only a signature marks the one before it.
    /// </summary>
    private static void AddPosts(Document document, List<VoiceRegion> regions)
    {
        var prose = document.Prose;
        if (!prose.Contains("(@", StringComparison.Ordinal))
        {
            return;
        }

        var blocks = document.Blocks;
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b].Span;
            var match = PostSignature().Match(prose, block.Start, block.Length);
            if (!match.Success)
            {
                continue;
            }

            regions.Add(new VoiceRegion(block, OtherVoice.Post));
            if (match.Index - block.Start < 3 && b > 0)
            {
                regions.Add(new VoiceRegion(blocks[b - 1].Span, OtherVoice.Post));
            }
        }
    }

    /// <summary>
    /// Interviews and transcripts: paragraphs that open with a speaker's label ("A:", "SMITH:", "DR. JILL
    /// STEIN:", "JH:"), when the document has at least two. A question ("Q:") is the interviewer's, and so
    /// the publication's: "Q" and "Question" are on the lexicon's list of labels, with "UPDATE" and "WATCH",
    /// so every turn counted here is its speaker's.
    /// </summary>
    private static void AddTurns(Document document, List<VoiceRegion> regions)
    {
        var prose = document.Prose;
        var blocks = document.Blocks;
        var turns = new List<(int Block, string Speaker)>();
        var labelled = new List<int>();
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            var match = SpeakerLabel().Match(prose, block.Span.Start, Math.Min(block.Span.Length, 48));
            if (!match.Success)
            {
                continue;
            }

            labelled.Add(b);
            var label = match.Groups["label"].Value.TrimEnd();
            if (Lexicon.Lexicon.Instance.Label.Contains(label) || label.Length == 0)
            {
                continue;
            }

            turns.Add((b, label));
        }

        if (turns.Count < 2)
        {
            return;
        }

        var nextLabel = 0;
        var longest = 0;
        var speakers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < turns.Count; t++)
        {
            var turn = turns[t].Block;
            var end = turn;
            if (InTranscript(blocks, turns, t, speakers))
            {
                while (nextLabel < labelled.Count && labelled[nextLabel] <= turn)
                {
                    nextLabel++;
                }

                // The last turn has no label after it to end it: it runs on no further than the longest turn before
                // it, so that the writer's note after a transcript ("This transcript has been edited …") stays the
                // writer's.
                var stop = nextLabel < labelled.Count ? labelled[nextLabel] : Math.Min(blocks.Length, turn + 1 + longest);
                while (end + 1 < stop && blocks[end + 1].Kind != BlockKind.Heading)
                {
                    end++;
                }

                longest = Math.Max(longest, end - turn);
            }

            regions.Add(new VoiceRegion(TextSpan.FromBounds(blocks[turn].Span.Start, blocks[end].Span.End), OtherVoice.Answer));
        }
    }

    /// <summary>How many paragraphs either side of a turn show whether it is part of a transcript.</summary>
    private const int TranscriptWindow = 12;

    /// <summary>
    /// In a transcript a turn runs on over the paragraphs after its label until the next label or a heading: a
    /// speaker is labelled once however long they speak ("ENGLISH: Well, …", then three paragraphs). A turn is
    /// in a transcript when the paragraphs around it (<see cref="TranscriptWindow"/> either side, so that a
    /// large file read in parts decides as the whole file does) are turns, a third of them or more, between
    /// speakers of whom two speak more than once. An article that quotes a few turns ("TRUMP: …", then the
    /// writer's comment; a fact check's "TRUMP: …" and "THE FACTS: …") keeps its other paragraphs.
    /// </summary>
    private static bool InTranscript(ImmutableArray<Block> blocks, List<(int Block, string Speaker)> turns, int t, Dictionary<string, int> speakers)
    {
        var from = Math.Max(0, turns[t].Block - TranscriptWindow);
        var to = Math.Min(blocks.Length - 1, turns[t].Block + TranscriptWindow);
        var text = 0;
        for (var b = from; b <= to; b++)
        {
            text += blocks[b].Kind == BlockKind.Heading ? 0 : 1;
        }

        // Turns are in block order, so those in the window are next to this one: at most the window's width.
        var lo = t;
        while (lo > 0 && turns[lo - 1].Block >= from)
        {
            lo--;
        }

        var count = 0;
        speakers.Clear();
        for (var k = lo; k < turns.Count && turns[k].Block <= to; k++)
        {
            count++;
            speakers[turns[k].Speaker] = speakers.GetValueOrDefault(turns[k].Speaker) + 1;
        }

        var repeated = 0;
        foreach (var turnsOfSpeaker in speakers.Values)
        {
            repeated += turnsOfSpeaker >= 2 ? 1 : 0;
        }

        return count * 3 >= text && repeated >= 2;
    }

    [GeneratedRegex(@"(?:[—–-]|\bA post shared by)\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex PostSignature();

    [GeneratedRegex(@"\G(?<label>(?:[A-Z][A-Z.'’-]*\s){0,3}[A-Z][A-Z.'’-]*|Q|A):\s", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLabel();
}
