using DocLint.Core.Documents;
using DocLint.Core.Semantics.Lexicon;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>Content: the quotation or clause a cue introduces, or the one it closes.</summary>
internal sealed partial class AttributionFinder
{
    /// <summary>
    /// The content after a cue, skipping who was addressed and when or where it was said ("told reporters
    /// on Tuesday that …", "said in a statement: “…”").
    /// </summary>
    private (TextSpan? Span, ContentKind Kind) ContentAfter(int cueLast, CueVerb verb)
    {
        var k = cueLast + 1;
        if (k >= Count)
        {
            return (null, ContentKind.None);
        }

        if (verb.Addressee && !IsWord(k, "that") && T(k).Kind is TokenKind.Word or TokenKind.Number)
        {
            var last = T(k).IsWord && Has(k, Grammar.ObjectPronouns) ? k : RightNounPhrase(k, appositive: false);
            if (last >= 0 && !(verb.Lemma == "ask" && IsWord(k, "about")))
            {
                k = last + 1;
            }
        }

        // "urged lawmakers to act", "asked him to resign": what the one addressed is urged to do.
        if (k > cueLast + 1 && IsWord(k, "to") && k + 1 < Count && T(k + 1).IsWord && !T(k + 1).IsCapitalized && !IsDeterminer(k + 1) && !Has(k + 1, Grammar.ObjectPronouns))
        {
            return (Clause(k + 1), ContentKind.Topic);
        }

        var m = k;
        while (m < Count && m - k < 12)
        {
            ref readonly var t = ref T(m);
            if (IsWord(m, "that") && !IsClauseEnd(m + 1))
            {
                return (Clause(m + 1), ContentKind.Clause);
            }

            if (t.Kind == TokenKind.Colon || (t.Kind == TokenKind.Comma && IsKind(m + 1, TokenKind.OpenQuote)))
            {
                if (IsKind(m + 1, TokenKind.OpenQuote))
                {
                    return (QuotationAt(T(m + 1).Start), ContentKind.Quotation);
                }

                return m + 1 < Count ? (Clause(m + 1), ContentKind.Clause) : (null, ContentKind.None);
            }

            if (t.Kind == TokenKind.OpenQuote)
            {
                return (QuotationAt(t.Start), ContentKind.Quotation);
            }

            if (t.Kind == TokenKind.Word && (IsOccasionPhrase(m) || IsWord(m, "to") && verb.Class != CueKind.Intent && !IsWord(m + 1, "be")))
            {
                var last = RightNounPhrase(m + 1, appositive: false);
                if (last < 0)
                {
                    break;
                }

                m = last + 1;
                continue;
            }

            if (t.Kind == TokenKind.Word && (IsOccasionWord(m) && !Has(m, Grammar.Definite) && !Has(m, Grammar.Indefinite) || IsAdverb(m)))
            {
                m++;
                continue;
            }

            if (t.Kind == TokenKind.Comma && m > k && IsAdverb(m - 1))
            {
                m++;
                continue;
            }

            break;
        }

        if (m >= Count || IsClauseEnd(m) || T(m).IsQuoted && T(m).Kind != TokenKind.OpenQuote)
        {
            return (null, ContentKind.None);
        }

        // An indirect question: "asked whether he would run", "questioned whether the cuts will pay".
        if (IsWord(m, "if") || IsWord(m, "whether") || IsWord(m, "why") || IsWord(m, "how") || IsWord(m, "what") || IsWord(m, "when") || IsWord(m, "where") || IsWord(m, "who"))
        {
            return (Clause(m), ContentKind.Clause);
        }

        switch (verb.Class)
        {
            case CueKind.Intent when IsWord(m, "to"):
                return m + 1 < Count ? (Clause(m + 1), ContentKind.Topic) : (null, ContentKind.None);
            case CueKind.Naming when T(m).IsWord || T(m).Kind == TokenKind.Number:
                return (Clause(m), ContentKind.Clause);
            case CueKind.Stance or CueKind.Intent when T(m).IsWord || T(m).Kind == TokenKind.Number:
                return (Clause(m), ContentKind.Topic);
        }

        // "declaring himself the winner": a reflexive object and what it is declared to be.
        if (IsWord(m, "himself") || IsWord(m, "herself") || IsWord(m, "themselves") || IsWord(m, "itself"))
        {
            return (Clause(m), ContentKind.Clause);
        }

        // "agreed there are candidates": an existential clause.
        var thereIs = IsWord(m, "there") && IsWordIn(m + 1, Grammar.BeForms);
        if (thereIs || (StartsClause(m, bareSubject: verb.Class != CueKind.Belief) || verb.Class == CueKind.Evidence && (T(m).IsWord || T(m).Kind == TokenKind.Number)))
        {
            // "said the talks had stalled" reports a statement; "wrote a bill", "announced a deal" name a thing
            // and are no attribution at all: such verbs report speech after "that", a colon or a quotation.
            return !verb.TakesObject || thereIs || T(m).IsWord && Has(m, Grammar.SubjectPronouns) ? (Clause(m), ContentKind.Clause) : (null, ContentKind.None);
        }

        if (IsWord(m, "for") || IsWord(m, "on") || IsWord(m, "about") || IsWord(m, "of"))
        {
            return m + 1 < Count ? (Clause(m + 1), ContentKind.Topic) : (null, ContentKind.None);
        }

        return (null, ContentKind.None);
    }

    /// <summary>
    /// True when the token can start a reported clause with no "that": "said the talks had stalled",
    /// "believes he will". With <paramref name="bareSubject"/>, a bare noun phrase before an auxiliary does
    /// too ("said prices would rise"); a belief's clause needs more ("thought leaders" is no clause).
    /// </summary>
    private bool StartsClause(int m, bool bareSubject)
    {
        ref readonly var t = ref T(m);
        if (t.Kind == TokenKind.Number)
        {
            return true;
        }

        if (!t.IsWord)
        {
            return false;
        }

        var key = Key(m);
        return Grammar.IsSubjectPronoun(key) || IsDeterminer(m) || t.IsCapitalized || key.Equals("there", StringComparison.OrdinalIgnoreCase)
            || Has(m, _lexicon.Person) || Has(m, _lexicon.Institution) || Has(m, _lexicon.Document)
            || bareSubject && BareSubjectBeforeAuxiliary(m);
    }

    /// <summary>"said violent threats were banned", "said prices of oil would rise": a bare noun phrase and then an auxiliary.</summary>
    private bool BareSubjectBeforeAuxiliary(int m)
    {
        for (var k = m; k < Count && k <= m + 4; k++)
        {
            if (!T(k).IsWord || T(k).IsQuoted)
            {
                return false;
            }

            var key = Key(k);
            if (Has(k, Grammar.BeForms) || Has(k, Grammar.Auxiliaries))
            {
                return k > m;
            }

            if (Has(k, Grammar.Stops) && !key.Equals("of", StringComparison.OrdinalIgnoreCase) || IsVerbLike(k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>From token <paramref name="first"/> to the end of its clause (a semicolon or the sentence's end).</summary>
    private TextSpan Clause(int first) => TrimSpan(TextSpan.FromBounds(T(first).Start, ClauseEnd(first)));

    private int ClauseEnd(int first)
    {
        var last = first;
        while (last + 1 < Count && T(last + 1).Kind != TokenKind.Semicolon)
        {
            last++;
        }

        // The sentence's final punctuation is not part of the content.
        while (last > first && T(last).Kind is TokenKind.Period or TokenKind.Question or TokenKind.Exclamation && !T(last).IsQuoted)
        {
            last--;
        }

        return T(last).End;
    }

    /// <summary>The first token of the clause that holds token <paramref name="i"/>: the sentence's first, or the first after a semicolon.</summary>
    private int ClauseStart(int i)
    {
        var start = i;
        while (start > 0 && T(start - 1).Kind != TokenKind.Semicolon)
        {
            start--;
        }

        return start;
    }

    /// <summary>The clause around an agentless cue ("The minister reportedly resigned").</summary>
    private TextSpan ClauseAround(int i) => TrimSpan(TextSpan.FromBounds(T(ClauseStart(i)).Start, ClauseEnd(i)));

    /// <summary>
    /// The content before a source and cue at the end of a clause: "“The talks have stalled,” she said." (the
    /// quotation, even when it began sentences before) or "The talks stalled, she said." (the clause).
    /// </summary>
    private TextSpan? ContentBefore(int first)
    {
        var p = first - 1;
        while (p >= 0 && T(p).Kind is TokenKind.Comma or TokenKind.Dash)
        {
            p--;
        }

        if (p < 0)
        {
            // The content is a quotation that ended the sentence before: "“We will win.” She said it twice."
            return null;
        }

        if (T(p).Kind == TokenKind.CloseQuote)
        {
            return QuotationEndingAt(T(p).End);
        }

        var start = ClauseStart(p);
        return start <= p ? TrimSpan(TextSpan.FromBounds(T(start).Start, T(p).End)) : null;
    }

    private ContentKind QuotationOrClause(TextSpan content) =>
        content.Length > 1 && SortedSpans.IndexContaining(_quoted, content) >= 0 && QuotationFinder.IsQuoteMark(_prose[content.Start]) ? ContentKind.Quotation : ContentKind.Clause;

    /// <summary>The outermost quotation that starts at <paramref name="start"/>.</summary>
    private TextSpan QuotationAt(int start)
    {
        var quotations = _document.Quotations;
        var first = SortedSpans.FirstAtOrAfter(quotations.AsSpan(), start, static q => q.Span.Start);
        return first < quotations.Length && quotations[first].Span.Start == start ? quotations[first].Span : TextSpan.FromBounds(start, _sentence.End);
    }

    /// <summary>The outermost quotation that ends at <paramref name="end"/>.</summary>
    private TextSpan? QuotationEndingAt(int end)
    {
        var index = SortedSpans.IndexContaining(_quoted, end - 1);
        if (index < 0)
        {
            return null;
        }

        var region = _quoted[index];
        var best = default(TextSpan?);
        var quotations = _document.Quotations;
        foreach (var q in quotations.AsSpan()[SortedSpans.FirstAtOrAfter(quotations.AsSpan(), region.Start, static q => q.Span.Start)..])
        {
            if (q.Span.Start > end)
            {
                break;
            }

            if (q.Span.End == end && region.Contains(q.Span) && (best is null || q.Span.Length > best.Value.Length))
            {
                best = q.Span;
            }
        }

        return best;
    }
}
