using DocLint.Core.Semantics.Lexicon;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>Cues: "according to", hedges with no source, and verbs of saying, believing, intending and finding.</summary>
internal sealed partial class AttributionFinder
{
    /// <summary>
    /// Attributions framed at the start of a sentence: a headline's "Graham: Trump's rhetoric is
    /// hateful", "In a CNN poll released Monday, 50 percent …", "To Sexton, the rally marked a turn".
    /// </summary>
    private void TryFrame()
    {
        var first = 0;
        while (first < Count && (T(first).Kind is TokenKind.OpenQuote || T(first).IsQuoted))
        {
            if (T(first).IsQuoted)
            {
                return;
            }

            first++;
        }

        if (first >= Count || !T(first).IsWord)
        {
            return;
        }

        // "Graham: …", "Sen. Graham: …": a name and a colon, then what was said.
        var colon = first;
        while (colon < Count && colon - first < 5 && (T(colon).IsWord && T(colon).IsCapitalized || T(colon).Kind == TokenKind.Possessive))
        {
            colon++;
        }

        if (colon > first && colon + 1 < Count && T(colon).Kind == TokenKind.Colon && !_lexicon.Label.Contains(_prose.AsSpan(T(first).Start, T(colon - 1).End - T(first).Start)) && !IsCommonWord(first))
        {
            var (kind, antecedent, antecedentKind) = Classify(first, colon - 1);
            var content = TrimSpan(TextSpan.FromBounds(T(colon + 1).Start, ClauseEnd(colon + 1)));
            Add(CueKind.Frame, colon, colon, Span(first, colon - 1), kind, content, QuotationOrClause(content), antecedent, antecedentKind);
            return;
        }

        // "In a CNN poll released Monday, …", "To Sexton, …".
        var frame = IsWord(first, "in") ? 1 : IsWord(first, "to") ? 2 : 0;
        if (frame == 0)
        {
            return;
        }

        var last = RightNounPhrase(first + 1, appositive: false);
        var comma = last + 1;
        while (comma < Count && T(comma).Kind != TokenKind.Comma && comma - last < 6 && !IsClauseEnd(comma))
        {
            comma++;
        }

        if (last < 0 || comma >= Count || T(comma).Kind != TokenKind.Comma || comma + 1 >= Count)
        {
            return;
        }

        var evidence = frame == 1 && HasEvidenceNoun(first + 1, last);
        var viewpoint = frame == 2 && (IsName(last) || IsWord(last, "him") || IsWord(last, "her") || IsWord(last, "them") || IsRoleNoun(last)) && comma == last + 1;
        if (evidence || viewpoint)
        {
            var (kind, antecedent, antecedentKind) = Classify(first + 1, last);
            Add(CueKind.Frame, first, first, Span(first + 1, last), kind, Clause(comma + 1), ContentKind.Clause, antecedent, antecedentKind);
        }
    }

    /// <summary>A poll, survey, study or the like among the words: what can find or show something.</summary>
    private bool HasEvidenceNoun(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (IsWordIn(i, _lexicon.FrameEvidence))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"according to people familiar with the plan": the source follows the cue.</summary>
    private bool TryAccordingTo(int i)
    {
        if (!IsWord(i, "according") || !IsWord(i + 1, "to"))
        {
            return false;
        }

        // Opening a sentence ("According to a FEMA spokeswoman, the agency …"), what follows the comma is the content.
        var last = RightNounPhrase(i + 2, appositive: ClauseStart(i) != i);
        if (last < 0)
        {
            return false;
        }

        var (kind, antecedent, antecedentKind) = Classify(i + 2, last);
        TextSpan? content;
        if (ClauseStart(i) == i)
        {
            // "According to the report, the talks stalled."
            var after = last + 1;
            while (after < Count && T(after).Kind == TokenKind.Comma)
            {
                after++;
            }

            content = after < Count ? TrimSpan(TextSpan.FromBounds(T(after).Start, ClauseEnd(after))) : null;
        }
        else
        {
            content = ContentBefore(i);
        }

        Add(CueKind.Frame, i, i + 1, Span(i + 2, last), kind, content, ContentKind.Clause, antecedent, antecedentKind);
        return true;
    }

    /// <summary>
    /// Cues with no source: hedging adverbs ("reportedly"), raising verbs ("is said to", "are expected
    /// to"), impersonal passives ("it is believed that") and appearance ("seems to", "it appears that").
    /// </summary>
    private bool TryHedge(int i)
    {
        if (IsWordIn(i, _lexicon.HedgeAdverb))
        {
            Add(CueKind.Hedge, i, i, null, SourceKind.None, ClauseAround(i), ContentKind.Clause);
            return true;
        }

        if (IsWordIn(i, _lexicon.Appearance) && (IsWord(i + 1, "to") || IsWord(i + 1, "that") || IsWord(i + 1, "as") || IsWord(i + 1, "like")))
        {
            var first = IsWord(i - 1, "it") ? i - 1 : i;
            Add(CueKind.Hedge, first, i, null, SourceKind.None, ClauseAround(i), ContentKind.Clause);
            return true;
        }

        // A form of "be" (perhaps "has been", "is widely") before the participle.
        var be = i - 1;
        while (be >= 0 && IsWordIn(be, Grammar.Adverbs) || IsWord(be, "not"))
        {
            be--;
        }

        if (!IsWordIn(be, Grammar.BeForms) || IsWord(be, "get") || IsWord(be, "gets") || IsWord(be, "got"))
        {
            return false;
        }

        var cueFirst = be;
        while (cueFirst > 0 && (IsWordIn(cueFirst - 1, Grammar.BeForms) || IsWordIn(cueFirst - 1, Grammar.Auxiliaries)))
        {
            cueFirst--;
        }

        if (IsWordIn(i, _lexicon.Raising) && IsWord(i + 1, "to") && !IsWord(cueFirst - 1, "it"))
        {
            Add(CueKind.Hedge, cueFirst, i, null, SourceKind.None, ClauseAround(i), ContentKind.Clause);
            return true;
        }

        if (IsWordIn(i, _lexicon.Impersonal) && IsWord(cueFirst - 1, "it") && !IsWord(i + 1, "by"))
        {
            TextSpan? content = IsWord(i + 1, "that") && i + 2 < Count ? TrimSpan(TextSpan.FromBounds(T(i + 2).Start, ClauseEnd(i + 2))) : ClauseAround(i);
            Add(CueKind.Hedge, cueFirst - 1, i, null, SourceKind.None, content, ContentKind.Clause);
            return true;
        }

        return false;
    }

    private bool TryVerb(int i)
    {
        // A capitalised word inside a sentence is a name ("the Islamic State"), not a verb.
        var verb = VerbAt(i);
        if (verb is null || T(i).IsAllCaps || T(i).IsCapitalized && !T(i).IsInitial && (!TitleCase || verb.Weak))
        {
            return false;
        }

        // A possessive makes the word a noun: "Trump's comments", "the ministry's claims".
        if (i > 0 && T(i - 1).Kind == TokenKind.Possessive)
        {
            return false;
        }

        if (AfterDeterminer(i, verb))
        {
            return false;
        }

        var cueLast = verb.Particle is null ? i : i + 1;

        // Auxiliaries and adverbs between the subject and the verb: "has also said", "did not say", "was quoted as".
        var j = i - 1;
        var nearestAux = -1;
        var passive = false;
        var negated = false;
        var modal = false;
        var perfect = false;
        while (j >= 0 && T(j).IsWord && !T(j).IsQuoted)
        {
            var key = Key(j);
            negated |= key.Equals("not", StringComparison.OrdinalIgnoreCase) || key.Equals("never", StringComparison.OrdinalIgnoreCase) || key.EndsWith("n't", StringComparison.OrdinalIgnoreCase);
            if (HasClass(j, WordClass.BeForm | WordClass.Auxiliary))
            {
                // "may have found": a past event, not a hypothesis.
                perfect |= key.Equals("have", StringComparison.OrdinalIgnoreCase);
                modal |= Has(j, Grammar.Modals) && !perfect;
                if (nearestAux < 0)
                {
                    nearestAux = j;
                    passive = Has(j, Grammar.BeForms) && (verb.Forms & VerbForms.Participle) != 0 && (verb.Forms & VerbForms.Gerund) == 0;
                }

                j--;
                continue;
            }

            // "have both urged", "they all said": a quantifier floated off its subject.
            if (IsAdverb(j) || (IsWord(j, "both") || IsWord(j, "all")) && j > 0 && (IsWordIn(j - 1, Grammar.BeForms) || IsWordIn(j - 1, Grammar.Auxiliaries) || IsWordIn(j - 1, Grammar.SubjectPronouns)))
            {
                j--;
                continue;
            }

            break;
        }

        // "did not respond to requests for comment": nothing was said. "Most people don't realize": the
        // writer's claim about them, not theirs.
        if (negated && verb.NegationVoids)
        {
            return false;
        }

        // "Opponents must show that …", "senators would oppose it", "people may find them objectionable": what
        // someone would find or might oppose is not what they have found or opposed. (Speech and belief keep
        // their modals: "some would argue" is a vague attribution all the same, and what "she may have felt"
        // is still hers, not the writer's.)
        if (modal && verb.Class is CueKind.Evidence or CueKind.Stance)
        {
            return false;
        }

        // "denied someone the right", "denied him entry": a refusal, not a denial of a claim.
        if (verb.Lemma == "deny" && i + 1 < Count && T(i + 1).IsWord && (Has(i + 1, Grammar.ObjectPronouns) && !IsWord(i + 1, "it") || IsWord(i + 1, "someone") || IsWord(i + 1, "people") || IsWord(i + 1, "access") || IsWord(i + 1, "entry")))
        {
            return false;
        }

        if (!WeakFormFits(verb, nearestAux, cueLast))
        {
            return false;
        }

        // An infinitive ("declined to comment", "wants to say"): the verb before it carries the attribution.
        if (IsWord(nearestAux, "to") && nearestAux == i - 1)
        {
            return false;
        }

        if (passive)
        {
            return TryPassive(i, cueLast, verb, j);
        }

        if (verb.Lemma == "ask" && nearestAux < 0 && (verb.Forms & VerbForms.Participle) != 0 && TryAskedClause(i, j))
        {
            return true;
        }

        // "Clinton on Tuesday said", "A Times/CBS poll in December found": a phrase of time between the subject and the verb.
        j = BeforeOccasion(j);

        if ((verb.Forms & VerbForms.Gerund) != 0 && nearestAux < 0)
        {
            return TryParticiple(i, cueLast, verb, j);
        }

        if ((verb.Forms & (VerbForms.Base | VerbForms.Third | VerbForms.Past)) == 0 && nearestAux < 0)
        {
            return false;
        }

        // "“…,” said Maria Lopez." / "…, says a senior official."
        if (nearestAux < 0 && j == i - 1 && j >= 0 && T(j).Kind is TokenKind.Comma or TokenKind.CloseQuote or TokenKind.Dash && !verb.Weak
            && verb.Class is CueKind.Speech && (verb.Forms & (VerbForms.Past | VerbForms.Third | VerbForms.Base)) != 0 && !IsWord(cueLast + 1, "that"))
        {
            // "told" and "urged" take who was addressed: "…,” a spokesman told Reuters" is not inverted, but
            // "“Why?” asked Lopez." and "…, wrote Lopez." are.
            var last = RightNounPhrase(cueLast + 1, appositive: true);
            var inverts = !verb.Addressee || (verb.Lemma is "ask" or "write" && last >= 0 && IsName(last) && IsClauseEnd(last + 1));

            // "Roy Beck, director of a group that lobbies, said most groups oppose it": the comma closes the
            // subject's appositive, and what follows the verb is what was said, not who said it.
            inverts &= !(T(j).Kind == TokenKind.Comma && AppositiveSubject(j).First >= 0 && ContentAfter(cueLast, verb).Span is not null);
            if (inverts && last >= 0 && IsAgent(cueLast + 1, last) && (IsClauseEnd(last + 1) || T(last + 1).Kind is TokenKind.Comma or TokenKind.Dash || IsOccasionPhrase(last + 1) || IsOccasionWord(last + 1) || IsWord(last + 1, "who") || HasComma(cueLast + 1, last)))
            {
                var (kind, antecedent, antecedentKind) = Classify(cueLast + 1, last);
                var content = ContentBefore(j + 1);
                Add(verb.Class, i, cueLast, Span(cueLast + 1, last), kind, content, content is null ? ContentKind.None : QuotationOrClause(content.Value), antecedent, antecedentKind);
                return true;
            }
        }

        if (j < 0 || T(j).IsQuoted)
        {
            return false;
        }

        // "who said", "which found": the relative pronoun stands for the phrase before it.
        if (IsWord(j, "who") || (IsWord(j, "which") || IsWord(j, "that")) && j > 0 && (T(j - 1).Kind == TokenKind.Comma || IsPhraseWord(j - 1) && !IsVerbForm(j - 1)))
        {
            var before = j - 1;
            if (before >= 0 && T(before).Kind == TokenKind.Comma)
            {
                before--;
            }

            var first = before >= 0 ? NamedBefore(LeftNounPhrase(before), relative: true) : -1;
            if (first < 0 || !IsAgent(first, before))
            {
                return false;
            }

            var (kind, _, _) = Classify(first, before);
            var (content, contentKind) = ContentAfter(cueLast, verb);
            if (!AcceptsWithoutContent(verb, content))
            {
                return false;
            }

            // The relative pronoun is bound to the phrase before it, so the source is of that phrase's kind.
            Add(verb.Class, i, cueLast, Span(j, j), kind, content, contentKind, Span(first, before), kind);
            return true;
        }

        // "She smiled and said …": the subject of the first verb.
        if (IsWord(j, "and") || IsWord(j, "but"))
        {
            var (first, last) = ClauseSubject(j);
            if (first < 0)
            {
                return false;
            }

            var (content, contentKind) = ContentAfter(cueLast, verb);
            if (content is null && (verb.Weak || verb.Class is not CueKind.Speech))
            {
                return false;
            }

            AddWithSource(verb.Class, i, cueLast, first, last, content, contentKind);
            return true;
        }

        // "Maria Lopez, a spokeswoman for the ministry, said …"
        if (T(j).Kind is TokenKind.Comma or TokenKind.Dash && (nearestAux < 0 || j == nearestAux - 1))
        {
            var (first, last) = AppositiveSubject(j);
            if (first < 0)
            {
                return false;
            }

            var (content, contentKind) = ContentAfter(cueLast, verb);
            if (content is null && !verb.Weak)
            {
                content = ContentBefore(first);
                contentKind = content is { } c ? QuotationOrClause(c) : ContentKind.None;
            }

            if (content is null && verb.Weak)
            {
                return false;
            }

            AddWithSource(verb.Class, i, cueLast, first, last, content, contentKind);
            return true;
        }

        if (!IsPhraseWord(j) && T(j).Kind != TokenKind.CloseParen && !(T(j).IsWord && Has(j, Grammar.SubjectPronouns)))
        {
            return false;
        }

        var subjectFirst = T(j).IsWord && Has(j, Grammar.SubjectPronouns) ? j : NamedBefore(LeftNounPhrase(j));

        // Any noun phrase can say something ("the organizer told them"); only a person, group, body or document can weakly "call" or "claim".
        if (subjectFirst < 0 || !IsAgent(subjectFirst, j) && (verb.Weak || verb.Class != CueKind.Speech))
        {
            return false;
        }

        if (verb.Weak && (!StrongSubject(subjectFirst, j, verb) || !IsFiniteAfter(verb, nearestAux, subjectFirst, j)))
        {
            return false;
        }

        // "nations — all threatened by a warming planet —": a participle with its agent after it is passive.
        if (nearestAux < 0 && (verb.Forms & VerbForms.Participle) != 0 && IsWord(cueLast + 1, "by"))
        {
            return false;
        }

        // "a study published in The Lancet", "the report released by the agency": a participle after a
        // document, not what the document did.
        if (nearestAux < 0 && (verb.Forms & VerbForms.Participle) != 0 && IsWordIn(j, _lexicon.Document) && (IsWord(cueLast + 1, "in") || IsWord(cueLast + 1, "by") || IsWord(cueLast + 1, "on") || IsWord(cueLast + 1, "at") || IsWord(cueLast + 1, "last") || IsOccasionWord(cueLast + 1)))
        {
            return false;
        }

        if (!CanStartSubject(subjectFirst))
        {
            return false;
        }

        // "The talks stalled, she said." A weak form ends its clause as a verb only in the past tense ("…, CNN
        // reported."), not as a noun ("the South Asian state.").
        var (after, afterKind) = ContentAfter(cueLast, verb);
        if (after is null && subjectFirst > 0 && T(subjectFirst - 1).Kind is TokenKind.Comma or TokenKind.CloseQuote or TokenKind.Dash
            && (!verb.Weak || (verb.Forms & VerbForms.Past) != 0 && (IsClauseEnd(cueLast + 1) || IsOccasionWord(cueLast + 1) || IsOccasionPhrase(cueLast + 1))
                || verb.Class == CueKind.Evidence && IsWordIn(j, _lexicon.Document) && (IsClauseEnd(cueLast + 1) || IsKind(cueLast + 1, TokenKind.Comma))))
        {
            // "The talks stalled, she said." / "The talks, she said, had stalled." (the content runs on past the
            // cue): a source that follows a comma or a quotation ends what it is the source of.
            var before = ContentBefore(subjectFirst);
            if (before is { } b)
            {
                afterKind = QuotationOrClause(b);
                after = afterKind == ContentKind.Clause && IsKind(cueLast + 1, TokenKind.Comma) && cueLast + 2 < Count && !IsClauseEnd(cueLast + 2)
                    ? TextSpan.FromBounds(b.Start, ClauseEnd(cueLast + 2))
                    : b;
            }
        }

        if (!AcceptsWithoutContent(verb, after) && !(verb.Weak && after is not null))
        {
            return false;
        }

        AddWithSource(verb.Class, i, cueLast, subjectFirst, j, after, afterKind);
        return true;
    }

    /// <summary>
    /// A weak word in its base form ("call", "claim", "note") is a verb only after an auxiliary ("will
    /// call") or a plural subject ("they claim", "critics note"); otherwise it is most often a noun.
    /// </summary>
    private bool IsFiniteAfter(CueVerb verb, int nearestAux, int first, int last)
    {
        if ((verb.Forms & (VerbForms.Past | VerbForms.Third | VerbForms.Gerund | VerbForms.Participle)) != 0 || nearestAux >= 0)
        {
            return true;
        }

        var key = Key(last);
        return first == last && (key.Equals("they", StringComparison.OrdinalIgnoreCase) || key.Equals("we", StringComparison.OrdinalIgnoreCase) || key.Equals("i", StringComparison.OrdinalIgnoreCase) || key.Equals("you", StringComparison.OrdinalIgnoreCase))
            || key.Length > 3 && key[^1] is 's' or 'S' && (!T(last).IsCapitalized || T(last).IsInitial && IsCommonWord(last) || Has(last, _lexicon.Person));
    }

    private bool HasComma(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (T(k).Kind == TokenKind.Comma)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The token before a phrase of time or occasion that ends at <paramref name="j"/> ("on Tuesday", "in December", "Tuesday"), when a noun phrase stands before it.</summary>
    private int BeforeOccasion(int j)
    {
        if (j < 1)
        {
            return j;
        }

        if (IsOccasionWord(j) && T(j).IsWord && !Has(j, Grammar.Definite) && !Has(j, Grammar.Indefinite) && IsPhraseWord(j - 1) && !IsOccasionWord(j - 1) && !IsWordIn(j - 1, Grammar.NounPhrasePrepositions))
        {
            return j - 1;
        }

        // "Clinton on Tuesday said": the phrase must run up to the verb ("In a post on Friday, Twitter said" has none).
        for (var p = j; p >= 1 && j - p < 4 && (T(p).IsWord || T(p).Kind == TokenKind.Number); p--)
        {
            if (IsOccasionPhrase(p) && IsPhraseWord(p - 1))
            {
                return p - 1;
            }
        }

        return j;
    }

    /// <summary>"Asked about the plan, Lopez said …", "when asked if he would run": who asked is not said.</summary>
    private bool TryAskedClause(int i, int before)
    {
        var opens = before < 0 || T(before).Kind is TokenKind.Comma or TokenKind.Dash || IsWord(before, "when") || IsWord(before, "after") || IsWord(before, "if") || IsWord(before, "once") || IsWord(before, "as");
        var next = i + 1;
        if (!opens || next >= Count || !(IsWord(next, "about") || IsWord(next, "if") || IsWord(next, "whether") || IsWord(next, "why") || IsWord(next, "how") || IsWord(next, "what") || IsWord(next, "to") || IsWord(next, "by") || IsWord(next, "for") || IsWord(next, "who") || IsWord(next, "when")))
        {
            return false;
        }

        // Who asked is the interviewer, not a source of what follows: the question is the content.
        var contentStart = next;
        if (IsWord(next, "by"))
        {
            var last = RightNounPhrase(next + 1, appositive: false);
            contentStart = last >= 0 ? last + 1 : next;
        }

        var end = contentStart;
        while (end < Count && T(end).Kind != TokenKind.Comma && !IsClauseEnd(end))
        {
            end++;
        }

        TextSpan? content = end > contentStart ? TrimSpan(TextSpan.FromBounds(T(contentStart).Start, T(end - 1).End)) : null;
        Add(CueKind.Speech, i, i, null, SourceKind.None, content, ContentKind.Clause);
        return true;
    }

    /// <summary>
    /// A weak word in the present ("states", "calls", "claims", "note") is most often a noun; as a verb of
    /// saying or finding it introduces its content explicitly: "that", a colon, a quotation or a pronoun
    /// ("the law states that", "critics note that"). Naming and stance verbs take a plain object
    /// ("calls Clinton a liar"); past forms are verbs ("called", "reported").
    /// </summary>
    private bool WeakFormFits(CueVerb verb, int nearestAux, int cueLast)
    {
        if (!verb.Weak || (verb.Forms & (VerbForms.Past | VerbForms.Participle | VerbForms.Gerund)) != 0 || nearestAux >= 0 || verb.Class is CueKind.Naming or CueKind.Stance or CueKind.Intent)
        {
            return true;
        }

        // "Polls show Clinton up", "the study finds a link": right after a study, poll or record, "shows" and
        // "finds" are its verbs, whatever follows.
        if (verb.Class == CueKind.Evidence && verb.Particle is null && cueLast >= 1 && IsWordIn(cueLast - 1, _lexicon.Document) && !(cueLast >= 2 && T(cueLast - 2).Kind == TokenKind.Possessive))
        {
            return true;
        }

        var k = cueLast + 1;
        while (k < Count && (IsAdverb(k) || IsOccasionWord(k)))
        {
            k++;
        }

        if (IsOccasionPhrase(k))
        {
            var last = RightNounPhrase(k + 1, appositive: false);
            k = last < 0 ? k : last + 1;
        }

        return k < Count && (IsWord(k, "that") || T(k).Kind is TokenKind.Colon or TokenKind.OpenQuote || T(k).Kind == TokenKind.Comma && IsKind(k + 1, TokenKind.OpenQuote)
            || T(k).IsWord && Has(k, Grammar.SubjectPronouns));
    }

    /// <summary>Strong cues stand alone ("he said."); weaker ones ("thinks", "wants", "called") are attributions only with content.</summary>
    private static bool AcceptsWithoutContent(CueVerb verb, TextSpan? content) =>
        content is not null || (verb.Class == CueKind.Speech && !verb.Weak && !verb.TakesObject);

    /// <summary>A subject that makes a weak form a verb: a pronoun, a name, or a word for a person, group, body or document; not a bare modifier.</summary>
    private bool StrongSubject(int first, int last, CueVerb verb)
    {
        if (T(last).Kind != TokenKind.Word)
        {
            return T(last).Kind == TokenKind.CloseParen;
        }

        var key = Key(last);
        if (Has(last, Grammar.SubjectPronouns))
        {
            return !key.Equals("it", StringComparison.OrdinalIgnoreCase) || verb.Class is CueKind.Evidence or CueKind.Speech;
        }

        // A possessive before the word makes it a noun ("Trump's claims"); so does a determiner right before it for a third-person form.
        if (last - 1 >= first && T(last - 1).Kind == TokenKind.Possessive)
        {
            return false;
        }

        return (T(last).IsCapitalized && !(T(last).IsInitial && IsCommonWord(last)))
            || Has(last, _lexicon.Person) || Has(last, _lexicon.Institution) || Has(last, _lexicon.Spokesperson)
            || Has(last, _lexicon.Outlet) || (verb.Class is CueKind.Evidence or CueKind.Speech && Has(last, _lexicon.Document));
    }

    private void AddWithSource(CueKind cueKind, int cueFirst, int cueLast, int first, int last, TextSpan? content, ContentKind contentKind)
    {
        var (kind, antecedent, antecedentKind) = Classify(first, last);
        Add(cueKind, cueFirst, cueLast, Span(first, last), kind, content, contentKind, antecedent, antecedentKind);
    }

    /// <summary>
    /// "Maria Lopez, a spokeswoman for the ministry, said": the name before the appositive is the subject;
    /// the whole is the source. Up to four comma-separated parts are walked back over ("Cory James, 22, of
    /// Flint, Mich., said"), and a name may be the appositive ("Clinton's campaign chairman, John Podesta, said").
    /// </summary>
    private (int First, int Last) AppositiveSubject(int comma)
    {
        // Between dashes anything goes ("Many economists — mostly on the left — argue"); between commas, an appositive or an aside.
        var dash = T(comma).Kind == TokenKind.Dash;
        var close = comma;
        for (var parts = 0; parts < (dash ? 1 : 4); parts++)
        {
            var open = close - 1;
            while (open >= 0 && (dash ? T(open).Kind is not (TokenKind.Dash or TokenKind.Period or TokenKind.Semicolon) : T(open).Kind is not (TokenKind.Comma or TokenKind.Period or TokenKind.Semicolon or TokenKind.Colon or TokenKind.OpenQuote or TokenKind.CloseQuote or TokenKind.Dash)) && close - open < 24)
            {
                if (T(open).IsQuoted)
                {
                    return (-1, -1);
                }

                open--;
            }

            if (open < 1 || T(open).Kind != T(comma).Kind || close - open < 2)
            {
                return (-1, -1);
            }

            var part = open + 1;
            if (!dash && !StartsAppositive(part) && !StartsAside(part, close - part))
            {
                return (-1, -1);
            }

            var first = LeftNounPhrase(open - 1);
            if (first >= 0 && IsAgent(first, open - 1) && CanStartSubject(first))
            {
                // An aside next to the verb ("…, however, said") belongs to the sentence, not to the source.
                var last = comma - 1;
                if (!dash && parts == 0 && !StartsAppositive(part) && !IsWord(part, "including") && !IsWord(part, "like") && !IsWord(part, "such") && !IsWord(part, "both") && !IsWord(part, "of") && !IsWord(part, "from"))
                {
                    last = open - 1;
                }

                // "Roy Beck, executive director of NumbersUSA, a group that …, said": a role between commas
                // stands for the name before it.
                return (dash ? first : NamedBefore(first), last);
            }

            close = open;
        }

        return (-1, -1);
    }

    /// <summary>
    /// A part between commas that says something about the subject without being its name: "like their
    /// counterparts", "hoping to surge", "by contrast", "for his part", "which Trump won".
    /// </summary>
    private bool StartsAside(int part, int length)
    {
        if (part >= Count || !T(part).IsWord || T(part).IsCapitalized && !T(part).IsInitial)
        {
            return false;
        }

        var key = Key(part);
        return key.Equals("like", StringComparison.OrdinalIgnoreCase) || key.Equals("unlike", StringComparison.OrdinalIgnoreCase)
            || key.Equals("including", StringComparison.OrdinalIgnoreCase) || key.Equals("along", StringComparison.OrdinalIgnoreCase)
            || key.Equals("together", StringComparison.OrdinalIgnoreCase) || key.Equals("such", StringComparison.OrdinalIgnoreCase)
            || key.Equals("which", StringComparison.OrdinalIgnoreCase) || key.Equals("speaking", StringComparison.OrdinalIgnoreCase)
            || key.Equals("both", StringComparison.OrdinalIgnoreCase) || key.Equals("of", StringComparison.OrdinalIgnoreCase)
            || key.Equals("from", StringComparison.OrdinalIgnoreCase) || key.Equals("on", StringComparison.OrdinalIgnoreCase)
            || key.Equals("in", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !T(part).IsCapitalized
            || length <= 5 && (Has(part, Grammar.NounPhrasePrepositions) || key.Equals("by", StringComparison.OrdinalIgnoreCase) || IsAdverb(part) || Has(part, Grammar.ClauseLinks));
    }

    /// <summary>"was criticised by the mayor", "were told", "is described as": the passive.</summary>
    private bool TryPassive(int i, int cueLast, CueVerb verb, int beforeAux)
    {
        var by = cueLast + 1;
        while (by < Count && by <= cueLast + 3 && !IsWord(by, "by") && (IsOccasionWord(by) || IsAdverb(by)))
        {
            by++;
        }

        if (IsWord(by, "by"))
        {
            if (verb.ActiveOnly)
            {
                return false;
            }

            var last = RightNounPhrase(by + 1, appositive: false);
            if (last < 0 || !IsAgent(by + 1, last))
            {
                return false;
            }

            var (kind, antecedent, antecedentKind) = Classify(by + 1, last);
            var subjectFirst = beforeAux >= 0 && IsPhraseWord(beforeAux) ? LeftNounPhrase(beforeAux) : -1;
            TextSpan? topic = subjectFirst >= 0 ? Span(subjectFirst, beforeAux) : null;
            Add(verb.Class, i, cueLast, Span(by + 1, last), kind, topic, verb.Class == CueKind.Naming ? ContentKind.Clause : ContentKind.Topic, antecedent, antecedentKind);
            return true;
        }

        // "was told that", "were asked about", "is described as": content with no source.
        if (verb.Class is CueKind.Speech or CueKind.Naming)
        {
            var (content, contentKind) = ContentAfter(cueLast, verb);
            if (content is not null)
            {
                Add(verb.Class, i, cueLast, null, SourceKind.None, content, contentKind);
                return true;
            }
        }

        return false;
    }

    /// <summary>"…, saying that", "after telling reporters": a participle whose source is its clause's subject.</summary>
    private bool TryParticiple(int i, int cueLast, CueVerb verb, int before)
    {
        var adjunct = before >= 0 && (T(before).Kind is TokenKind.Comma or TokenKind.Dash
            || IsWord(before, "by") || IsWord(before, "after") || IsWord(before, "before") || IsWord(before, "while") || IsWord(before, "when")
            || IsWord(before, "in") || IsWord(before, "without") || IsWord(before, "as") || IsWord(before, "since") || IsWord(before, "upon")
            || IsWord(before, "and"));
        if (!adjunct)
        {
            // "with 22 percent saying they would", "voters saying they want": the phrase before is the source.
            if (verb.Lemma != "say" || before < 0 || !IsPhraseWord(before))
            {
                return false;
            }

            var subject = LeftNounPhrase(before);
            var (said, saidKind) = ContentAfter(cueLast, verb);
            if (subject < 0 || said is null || !IsAgent(subject, before) || !StrongSubject(subject, before, verb))
            {
                return false;
            }

            AddWithSource(verb.Class, i, cueLast, subject, before, said, saidKind);
            return true;
        }

        var (content, contentKind) = ContentAfter(cueLast, verb);
        if (content is null || OpensClause(i))
        {
            return false;
        }

        var (first, last) = ClauseSubject(before);
        if (first < 0)
        {
            Add(verb.Class, i, cueLast, null, SourceKind.None, content, contentKind);
            return true;
        }

        AddWithSource(verb.Class, i, cueLast, first, last, content, contentKind);
        return true;
    }

    /// <summary>
    /// True when a subject can start at token <paramref name="first"/>: at the start of a clause, after
    /// punctuation, a conjunction or an adverb, not after a preposition, determiner or verb ("by Russian
    /// support" is no subject of "support").
    /// </summary>
    private bool CanStartSubject(int first)
    {
        var p = first - 1;
        if (p < 0 || T(first).IsWord && Has(first, Grammar.SubjectPronouns) && !IsWordIn(p, Grammar.NounPhrasePrepositions))
        {
            return true;
        }

        ref readonly var t = ref T(p);
        if (t.Kind is TokenKind.Comma or TokenKind.Colon or TokenKind.Semicolon or TokenKind.Dash or TokenKind.OpenQuote or TokenKind.CloseQuote or TokenKind.OpenParen or TokenKind.Period)
        {
            return true;
        }

        if (!t.IsWord)
        {
            return false;
        }

        if (IsAdverb(p) || Has(p, Grammar.ClauseLinks))
        {
            return true;
        }

        // "On Monday officials said": an opening phrase of time or place with no comma.
        var start = ClauseStart(p);
        return p - start < 4 && IsWordIn(start, Grammar.ClauseOpeners) && IsOccasionPhrase(start) || p - start < 3 && IsWordIn(start, Grammar.ClauseOpeners) && !IsVerbForm(p);
    }

    /// <summary>Any form of a verb of the lexicon, or an auxiliary: "believe", "said", "has".</summary>
    private bool IsVerbForm(int i) =>
        T(i).IsWord && !T(i).IsCapitalized && HasClass(i, WordClass.Verb | WordClass.BeForm | WordClass.Auxiliary);

    /// <summary>
    /// "For investors, predicting the consequences is hard": a participle right after an opening phrase is
    /// the clause's subject, not an aside of it. True when only an adjunct with no verb comes before it.
    /// </summary>
    private bool OpensClause(int i)
    {
        var comma = i - 1;
        if (comma < 1 || T(comma).Kind != TokenKind.Comma)
        {
            return false;
        }

        for (var k = ClauseStart(comma); k < comma; k++)
        {
            if (IsVerbForm(k) || T(k).IsWord && Has(k, Grammar.SubjectPronouns))
            {
                return false;
            }
        }

        return IsWordIn(ClauseStart(comma), Grammar.ClauseOpeners);
    }

    /// <summary>
    /// "the calls for", "a claim", "this claim", "his remarks", "many of these claims", "those opposed": a
    /// determiner before the form makes it a noun, or a participle of the phrase. "These" and "those" are pronouns
    /// too, and their verb takes the base form: "these show that" is a verb. ("That", "her" and "one" are pronouns
    /// as often: "officials that claim", "no one claims".)
    /// </summary>
    private bool AfterDeterminer(int i, CueVerb verb)
    {
        if (i == 0 || !T(i - 1).IsWord)
        {
            return false;
        }

        if (IsWord(i - 1, "these") || IsWord(i - 1, "those"))
        {
            return (verb.Forms & VerbForms.Base) == 0;
        }

        return IsWord(i - 1, "the") || IsWord(i - 1, "a") || IsWord(i - 1, "an") || IsWord(i - 1, "this") || IsWord(i - 1, "his") || IsWord(i - 1, "their")
            || IsWord(i - 1, "its") || IsWord(i - 1, "our") || IsWord(i - 1, "my") || IsWord(i - 1, "your");
    }

    /// <summary>
    /// The start of the person a phrase describes when it is an appositive after the person's name: "Waleed
    /// Shahid, a former staffer for Sen. Bernie Sanders agreed" (no comma after it), "Catherine Croft and
    /// Christopher Anderson, both advisers to the envoy, who described". The name is two capitalised words or
    /// more, no place's, body's or outlet's ("In Washington, officials said" keeps "officials"); otherwise
    /// <paramref name="first"/>.
    /// </summary>
    private int NamedBefore(int first, bool relative = false)
    {
        if (first < 3 || T(first - 1).Kind != TokenKind.Comma || !(StartsAppositive(first) || IsRoleNoun(first) || IsWordIn(first, Grammar.Quantifiers)))
        {
            return first;
        }

        var last = first - 2;
        var named = last;
        var names = 0;
        while (named >= 0 && (IsPersonNameWord(named) || Has(named, _lexicon.Title) && T(named).IsCapitalized || IsWord(named, "and") && named > 0 && IsPersonNameWord(named - 1)))
        {
            names += IsPersonNameWord(named) ? 1 : 0;
            named--;
        }

        named++;

        // As a clause's subject the name opens the clause ("Waleed Shahid, a former staffer …, agreed"); a relative
        // clause may describe a name anywhere ("testimony from Catherine Croft, an adviser, who described").
        return names >= 2 && IsPersonNameWord(last) && (relative || CanStartSubject(named)) ? named : first;
    }

    /// <summary>A capitalised word that may be part of a person's name: not a place's, a body's, an outlet's or a day's.</summary>
    private bool IsPersonNameWord(int i) =>
        IsName(i) && !Has(i, _lexicon.Place) && !Has(i, _lexicon.Organisation) && !Has(i, _lexicon.Institution) && !Has(i, _lexicon.Outlet) && !IsOccasionWord(i);

    private bool IsAdverb(int i)
    {
        if (!T(i).IsWord || T(i).IsCapitalized && !T(i).IsInitial)
        {
            return false;
        }

        var key = Key(i);
        return Has(i, Grammar.Adverbs)
            || key.Length > 4 && key.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !Has(i, Grammar.NotAdverbs);
    }
}
