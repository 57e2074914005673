using DocLint.Core.Semantics.Lexicon;

namespace DocLint.Core.Semantics;

/// <summary>Noun phrases: where a source starts and ends, read off function words and punctuation.</summary>
internal sealed partial class AttributionFinder
{
    private const int MaxPhraseTokens = 16;

    /// <summary>True for a word that can begin a noun phrase: a determiner, quantifier or numeral.</summary>
    private bool IsDeterminer(int i) =>
        i >= 0 && i < Count && (T(i).IsWord || T(i).Kind == TokenKind.Number)
        && (T(i).Kind == TokenKind.Number || Has(i, Grammar.Definite) || Has(i, Grammar.Indefinite) || Has(i, Grammar.Quantifiers) || Has(i, Grammar.Numerals));

    /// <summary>A word that is a verb form of the lexicon in a clause, not a modifier ("said", "told", "argues").</summary>
    private bool IsVerbLike(int i)
    {
        if (!T(i).IsWord || T(i).IsCapitalized)
        {
            return false;
        }

        return VerbAt(i) is { Weak: false } verb && (verb.Forms & (VerbForms.Past | VerbForms.Third | VerbForms.Gerund)) != 0
            || Has(i, Grammar.BeForms) || Has(i, Grammar.Auxiliaries);
    }

    /// <summary>A word that can be part of a noun phrase: not a clause link, auxiliary or verb of saying.</summary>
    private bool IsPhraseWord(int i)
    {
        if (i < 0 || i >= Count || T(i).IsQuoted)
        {
            return false;
        }

        ref readonly var t = ref T(i);
        if (t.Kind is TokenKind.Number or TokenKind.Possessive)
        {
            return true;
        }

        if (!t.IsWord)
        {
            return false;
        }

        // A capitalised stop word is a name ("May", "Will") unless it opens the sentence ("Though sources said").
        return !(Has(i, Grammar.Stops) && (!t.IsCapitalized || t.IsInitial)) && !IsVerbLike(i) && !Has(i, Grammar.ObjectPronouns);
    }

    /// <summary>
    /// The first token of the noun phrase that ends at <paramref name="last"/>, walking left; -1 when there is
    /// none. Takes in determiners, names, titles, modifiers, possessives, parentheticals ("(R-Ohio)") and
    /// prepositional phrases inside the phrase ("a spokesman for the ministry", "people familiar with").
    /// </summary>
    private int LeftNounPhrase(int last)
    {
        var i = last;
        var words = 0;
        while (i >= 0 && last - i < MaxPhraseTokens)
        {
            ref readonly var t = ref T(i);
            if (t.IsQuoted)
            {
                break;
            }

            if (t.Kind == TokenKind.Possessive)
            {
                i--;
                continue;
            }

            if (t.Kind == TokenKind.Number)
            {
                words++;
                i = ShareStart(i) is var share and >= 0 ? share : i - 1;
                continue;
            }

            // A word or two in quotation marks inside the phrase: "an “Uprising” fighter named Hakimullah".
            if (t.Kind == TokenKind.CloseQuote && words > 0)
            {
                var open = i - 1;
                while (open >= 0 && T(open).Kind == TokenKind.Word && i - open <= 4)
                {
                    open--;
                }

                if (open >= 0 && T(open).Kind == TokenKind.OpenQuote && open < i - 1)
                {
                    words++;
                    i = open - 1;
                    continue;
                }

                break;
            }

            if (t.Kind == TokenKind.CloseParen && words == 0 && i == last)
            {
                var open = i - 1;
                while (open >= 0 && T(open).Kind != TokenKind.OpenParen && i - open < 10)
                {
                    open--;
                }

                if (open < 1 || T(open).Kind != TokenKind.OpenParen)
                {
                    break;
                }

                i = open - 1;
                continue;
            }

            if (!t.IsWord)
            {
                break;
            }

            var key = Key(i);
            if (words > 0 && (key.Equals("and", StringComparison.OrdinalIgnoreCase) || key.Equals("&", StringComparison.Ordinal)) && JoinsTwoSources(i))
            {
                // "he and other Democrats": a pronoun is a whole phrase, and starts this one.
                if (IsWordIn(i - 1, Grammar.SubjectPronouns))
                {
                    return i - 1;
                }

                i--;
                continue;
            }

            if (IsDeterminer(i) && !t.IsCapitalized || Has(i, Grammar.Definite) || Has(i, Grammar.Indefinite))
            {
                // "a spokesman for the ministry": the determiner ends this phrase, unless a preposition inside a
                // longer phrase comes before it.
                words++;
                if ((i == last && IsWord(i, "others") || IsWord(i, "other")) && IsWord(i - 1, "and") && JoinsTwoSources(i - 1))
                {
                    // "Sen. Maria Lopez and others", "she and other Democrats": the phrase goes on to the name.
                    i -= 2;
                    continue;
                }

                if (IsWordIn(i - 1, Grammar.NounPhrasePrepositions) && (!IsWord(i - 1, "to") || IsRoleNoun(i - 2)) && IsPhraseWord(i - 2) && !IsDeterminer(i - 2) && !IsOccasionPhrase(i - 1)
                    || IsPartOf(i - 1))
                {
                    i -= 2;
                    continue;
                }

                if (ShareStart(i) is var share and >= 0)
                {
                    i = share;
                    continue;
                }

                // "the three scholars", "his many critics": a number after the determiner.
                if ((Has(i, Grammar.Numerals) || Has(i, Grammar.Quantifiers)) && IsWordIn(i - 1, Grammar.Definite))
                {
                    i--;
                    continue;
                }

                return HasHead(i, last) ? i : -1;
            }

            if ((Has(i, Grammar.NounPhrasePrepositions) || key.Equals("by", StringComparison.OrdinalIgnoreCase) && IsWordIn(i - 1, _lexicon.Document)) && !t.IsCapitalized)
            {
                if (words > 0 && IsPhraseWord(i - 1) && !IsOccasionPhrase(i) && (!key.Equals("to", StringComparison.OrdinalIgnoreCase) || IsRoleNoun(i - 1) || IsWord(i - 1, "close") || IsWord(i - 1, "privy")))
                {
                    i--;
                    continue;
                }

                break;
            }

            if (!IsPhraseWord(i))
            {
                break;
            }

            words++;
            i--;
        }

        var first = i + 1;
        while (first <= last && !(T(first).IsWord || T(first).Kind == TokenKind.Number))
        {
            first++;
        }

        return first <= last && words > 0 && HasHead(first, last) ? first : -1;
    }

    /// <summary>"one in three", "nine out of 10": a share of those asked, ending at <paramref name="i"/>; its first token, or -1.</summary>
    private int ShareStart(int i)
    {
        var of = IsWord(i - 1, "in") ? i - 1 : IsWord(i - 1, "of") && IsWord(i - 2, "out") ? i - 2 : -1;
        return of > 0 && IsNumeral(i) && IsNumeral(of - 1) ? of - 1 : -1;
    }

    private bool IsNumeral(int i) =>
        i >= 0 && (T(i).Kind == TokenKind.Number || IsWordIn(i, Grammar.Numerals) || IsWord(i, "one"));

    /// <summary>"Many of the", "most of her", "two of the", "one of his": a part of the group the phrase names.</summary>
    private bool IsPartOf(int of) =>
        IsWord(of, "of") && of >= 1 && (T(of - 1).Kind == TokenKind.Number || IsWordIn(of - 1, Grammar.Quantifiers) || IsWordIn(of - 1, Grammar.Numerals)
            || IsWord(of - 1, "one") || IsWord(of - 1, "none") || IsWord(of - 1, "each") || IsWord(of - 1, "majority"));

    /// <summary>True when the phrase has a word that is not a determiner: "The remarks" has, "The" alone has not.</summary>
    private bool HasHead(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (T(k).Kind == TokenKind.Number || T(k).IsWord && !(Has(k, Grammar.Definite) || Has(k, Grammar.Indefinite)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Smith and Jones said", "critics and analysts say", "Smith and others say": an "and" between two names,
    /// two kinds of people, or a name or person and the others with them.
    /// </summary>
    private bool JoinsTwoSources(int and) =>
        and > 0 && and + 1 < Count && T(and - 1).IsWord && T(and + 1).IsWord
        && ((T(and - 1).IsCapitalized && T(and + 1).IsCapitalized) || (IsWordIn(and - 1, _lexicon.Person) && IsWordIn(and + 1, _lexicon.Person))
            || ((IsWord(and + 1, "others") || IsWord(and + 1, "other")) && (T(and - 1).IsCapitalized || IsWordIn(and - 1, _lexicon.Person) || IsWordIn(and - 1, _lexicon.Institution) || IsWordIn(and - 1, _lexicon.Organisation) || IsWordIn(and - 1, _lexicon.Outlet))
                && CanStartSubject(PhraseStart(and - 1)))
            || (IsWordIn(and - 1, Grammar.SubjectPronouns) && !IsWord(and - 1, "it") && !IsWord(and - 1, "you") && CanStartSubject(and - 1)
                && (IsWordIn(and + 1, _lexicon.Person) || T(and + 1).IsCapitalized || IsWord(and + 1, "others") || IsWord(and + 1, "other"))));

    /// <summary>
    /// Where the words of a name or short phrase ending at <paramref name="last"/> start: "Sen. Maria Lopez",
    /// "Pakistan's Prime Minister Imran Khan", "the union", "the New York Times editorial board" (lower-case words
    /// only as far back as a determiner).
    /// </summary>
    private int PhraseStart(int last)
    {
        bool NameWord(int k) => T(k).IsWord && !T(k).IsQuoted && (T(k).IsCapitalized || Has(k, Grammar.Definite) && !IsWord(k, "that")) || T(k).Kind == TokenKind.Possessive;
        var start = last;
        while (start > 0 && NameWord(start - 1) && last - start < 8)
        {
            start--;
        }

        if (start > 0 && T(start - 1).IsWord && !T(start - 1).IsCapitalized)
        {
            for (var k = start - 1; k >= 0 && last - k < 8 && T(k).IsWord && !T(k).IsQuoted; k--)
            {
                if (Has(k, Grammar.Definite) && !IsWord(k, "that") || Has(k, Grammar.Indefinite))
                {
                    return k;
                }

                if (!IsPhraseWord(k) || Has(k, Grammar.NounPhrasePrepositions))
                {
                    break;
                }
            }
        }

        return start;
    }

    /// <summary>A preposition that starts a phrase of time or occasion ("in a statement", "on Tuesday"), not part of a source.</summary>
    private bool IsOccasionPhrase(int preposition)
    {
        if (!IsWordIn(preposition, Grammar.NounPhrasePrepositions))
        {
            return false;
        }

        for (var k = preposition + 1; k < Count && k <= preposition + 3; k++)
        {
            if (!T(k).IsWord)
            {
                return false;
            }

            var key = Key(k);
            if (Has(k, Grammar.Definite) || Has(k, Grammar.Indefinite) || key.Equals("recent", StringComparison.OrdinalIgnoreCase) || key.Equals("separate", StringComparison.OrdinalIgnoreCase) || key.Equals("written", StringComparison.OrdinalIgnoreCase) || key.Equals("joint", StringComparison.OrdinalIgnoreCase) || key.Equals("brief", StringComparison.OrdinalIgnoreCase) || key.Equals("phone", StringComparison.OrdinalIgnoreCase) || key.Equals("televised", StringComparison.OrdinalIgnoreCase) || key.Equals("exclusive", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return IsOccasionWord(k);
        }

        return false;
    }

    private bool IsOccasionWord(int i) => T(i).IsWord && Has(i, Grammar.Occasions);

    /// <summary>
    /// The last token of the noun phrase that starts at <paramref name="first"/>, walking right; -1 when there
    /// is none. With <paramref name="appositive"/>, one appositive after a comma is taken in
    /// ("said Maria Lopez, a spokeswoman for the ministry.").
    /// </summary>
    private int RightNounPhrase(int first, bool appositive)
    {
        if (first >= Count || T(first).IsQuoted)
        {
            return -1;
        }

        if (T(first).IsWord && (Has(first, Grammar.SubjectPronouns) || Has(first, Grammar.ObjectPronouns)))
        {
            return first;
        }

        var i = first;
        var head = -1;
        if (IsDeterminer(i))
        {
            head = T(i).Kind == TokenKind.Number || Has(i, Grammar.Quantifiers) || Has(i, Grammar.Numerals) ? i : -1;
            i++;
            if (IsWord(i, "of"))
            {
                i++;
                if (IsDeterminer(i))
                {
                    i++;
                }
            }
        }

        while (i < Count && i - first < MaxPhraseTokens)
        {
            ref readonly var t = ref T(i);
            if (t.IsQuoted)
            {
                break;
            }

            if (t.Kind == TokenKind.Possessive)
            {
                i++;
                continue;
            }

            if (t.Kind == TokenKind.Number)
            {
                head = i++;
                continue;
            }

            if (t.Kind == TokenKind.OpenParen && head >= 0)
            {
                var close = i + 1;
                while (close < Count && T(close).Kind != TokenKind.CloseParen && close - i < 10)
                {
                    close++;
                }

                if (close >= Count || T(close).Kind != TokenKind.CloseParen)
                {
                    break;
                }

                head = close;
                i = close + 1;
                continue;
            }

            if (t.Kind == TokenKind.Comma && appositive && head >= 0 && StartsAppositive(i + 1) && !IsWord(i + 1, "who") && !IsWord(i + 1, "whose"))
            {
                var end = i + 1;
                while (end < Count && T(end).Kind is not (TokenKind.Comma or TokenKind.Period or TokenKind.Semicolon or TokenKind.Question or TokenKind.Exclamation or TokenKind.Dash or TokenKind.OpenQuote) && end - i < MaxPhraseTokens)
                {
                    end++;
                }

                return end - 1;
            }

            if (!t.IsWord)
            {
                break;
            }

            var key = Key(i);
            if (head >= 0 && (key.Equals("and", StringComparison.OrdinalIgnoreCase) || key.Equals("&", StringComparison.Ordinal)) && i + 1 < Count && T(i + 1).IsWord && (T(i + 1).IsCapitalized || IsRoleNoun(i + 1)))
            {
                i++;
                continue;
            }

            // "four scientists refuted the analysis": a past tense after the head ends the phrase.
            if (head >= 0 && !t.IsCapitalized && key.Length > 4 && key.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !IsParticipleModifier(i))
            {
                break;
            }

            // A name takes no lower-case words after it ("Obama passionately rebuked …"), except a word for a
            // body or role ("the Clinton campaign", "the Trump Organization spokesman", "Harvard political
            // scientist John Sides") or after its possessive ("Clinton's top foreign policy aide").
            if (head >= 0 && !t.IsCapitalized && (IsAdverb(i) || T(head).IsCapitalized && T(i - 1).Kind != TokenKind.Possessive && !IsRoleNoun(i) && !IsWordIn(i, _lexicon.Institution) && !IsWordIn(i, _lexicon.Organisation)
                && !IsWordIn(i, _lexicon.Document) && !IsWordIn(i, _lexicon.Outlet) && !Has(i, Grammar.NounPhrasePrepositions) && !IsParticipleModifier(i) && !ModifiesRole(i)))
            {
                break;
            }

            if ((Has(i, Grammar.NounPhrasePrepositions) || key.Equals("by", StringComparison.OrdinalIgnoreCase) && IsWordIn(i - 1, _lexicon.Document)) && !t.IsCapitalized)
            {
                if (head < 0 || IsOccasionPhrase(i) || !IsPhraseWord(i + 1) || key.Equals("to", StringComparison.OrdinalIgnoreCase) && !IsWord(i - 1, "close") && !IsWord(i - 1, "privy") && !IsRoleNoun(i - 1))
                {
                    break;
                }

                i++;
                if (IsDeterminer(i))
                {
                    i++;
                }

                continue;
            }

            if (IsDeterminer(i) && head >= 0 && !T(i).IsCapitalized)
            {
                break;
            }

            if (!IsPhraseWord(i))
            {
                break;
            }

            head = i++;
        }

        return head;
    }

    /// <summary>A word for a person by role: "an adviser to", "the ambassador to", "a spokesman for".</summary>
    private bool IsRoleNoun(int i) =>
        i >= 0 && i < Count && T(i).IsWord && (!T(i).IsCapitalized || T(i).IsInitial) && (Has(i, _lexicon.Person) || Has(i, _lexicon.Title) || Has(i, _lexicon.Spokesperson));

    /// <summary>A lower-case word or two before a role noun: "political" of "political scientist", "law" of "law professor".</summary>
    private bool ModifiesRole(int i) =>
        IsPhraseWord(i) && !Has(i, Grammar.NounPhrasePrepositions)
        && (IsRoleNoun(i + 1) || IsPhraseWord(i + 1) && !T(i + 1).IsCapitalized && !Has(i + 1, Grammar.NounPhrasePrepositions) && IsRoleNoun(i + 2));

    /// <summary>"familiar with", "close to", "briefed on": participles and adjectives that continue a source ("people familiar with the matter").</summary>
    private bool IsParticipleModifier(int i) =>
        IsWord(i, "briefed") || IsWord(i, "familiar") || IsWord(i, "close") || IsWord(i, "knowledgeable") || IsWord(i, "privy");

    /// <summary>What can follow the comma after a name as an appositive: "a spokeswoman for…", "45,", "who…", "the ministry's…".</summary>
    private bool StartsAppositive(int i)
    {
        if (i >= Count || T(i).IsQuoted)
        {
            return false;
        }

        if (T(i).Kind == TokenKind.Number)
        {
            return true;
        }

        if (!T(i).IsWord)
        {
            return false;
        }

        // "senior director for Asian affairs", "longtime aide": a role with no article.
        for (var k = i; k < Count && k <= i + 3 && T(k).IsWord && !T(k).IsCapitalized; k++)
        {
            if (Has(k, _lexicon.Title) || Has(k, _lexicon.Person) || Has(k, _lexicon.Spokesperson))
            {
                return true;
            }

            if (Has(k, Grammar.Stops) || IsVerbLike(k))
            {
                break;
            }
        }

        var key = Key(i);
        return Has(i, Grammar.Definite) && !key.Equals("that", StringComparison.OrdinalIgnoreCase)
            || T(i).IsCapitalized && !T(i).IsInitial
            || Has(i, Grammar.Indefinite)
            || key.Equals("who", StringComparison.OrdinalIgnoreCase)
            || key.Equals("whose", StringComparison.OrdinalIgnoreCase)
            || key.Equals("former", StringComparison.OrdinalIgnoreCase)
            || Has(i, _lexicon.Title) && !T(i).IsCapitalized
            || Has(i, _lexicon.Person) && !T(i).IsCapitalized;
    }

    /// <summary>
    /// The subject of the clause a participle or a second verb hangs from ("Smith criticised the plan,
    /// saying …"; "She smiled and said …"): the source of an earlier attribution in the sentence, or the
    /// first noun phrase of the sentence after any opening adjunct. -1 when there is none.
    /// </summary>
    private (int First, int Last) ClauseSubject(int before)
    {
        // The nearest clause that starts after "that", "which", "who" or a semicolon: "… is that the nominee,
        // Donald Trump, emerged … by questioning"; otherwise the sentence's own subject.
        for (var b = before - 2; b >= 0 && before - b < 24; b--)
        {
            if (T(b).IsQuoted || T(b).Kind is TokenKind.Period or TokenKind.Colon)
            {
                break;
            }

            if (T(b).Kind == TokenKind.Semicolon || IsWord(b, "that") || IsWord(b, "which") || IsWord(b, "who") || IsWord(b, "because") || IsWord(b, "while") || IsWord(b, "although"))
            {
                var candidate = b + 1;
                var end = candidate < before ? RightNounPhrase(candidate, appositive: true) : -1;
                if (end >= 0 && end < before && !IsVerbForm(candidate))
                {
                    // "… because their side was glib and said …": the clause's own subject, agent or not; the
                    // sentence's subject is not the one that speaks.
                    return IsAgent(candidate, end) ? (candidate, end) : (-1, -1);
                }

                break;
            }
        }

        var start = 0;
        while (start < before && (T(start).IsQuoted || !T(start).IsWord))
        {
            start++;
        }

        // An opening adjunct ("On Monday, …", "Speaking to reporters, …") ends at the first comma.
        if (start < before && T(start).IsWord && (Has(start, Grammar.ClauseOpeners) || Key(start).EndsWith("ing", StringComparison.OrdinalIgnoreCase)))
        {
            var comma = start + 1;
            while (comma < before && T(comma).Kind != TokenKind.Comma)
            {
                comma++;
            }

            if (comma < before)
            {
                start = comma + 1;
            }
            else if (IsWordIn(start, Grammar.Stops))
            {
                start++;
            }
        }

        if (start >= before || !T(start).IsWord)
        {
            return (-1, -1);
        }

        var last = RightNounPhrase(start, appositive: true);
        if (last < 0 || last >= before || !IsAgent(start, last))
        {
            return (-1, -1);
        }

        return (start, last);
    }

    /// <summary>
    /// True when a phrase can be a source at all: a pronoun, a name, or a word for a person, group, body,
    /// document or outlet. Keeps weak cues ("calls", "claims") from being read as verbs after nouns that
    /// cannot speak.
    /// </summary>
    private bool IsAgent(int first, int last)
    {
        // A number is an agent as the head of its phrase ("nine out of 10 say"), not inside one ("the 2016 race").
        if (T(last).Kind == TokenKind.Number)
        {
            return true;
        }

        for (var i = last; i >= first; i--)
        {
            if (!T(i).IsWord)
            {
                continue;
            }

            var key = Key(i);
            if (Has(i, Grammar.SubjectPronouns) || Has(i, Grammar.Relatives)
                || (T(i).IsCapitalized && !(T(i).IsInitial && IsCommonWord(i)))
                || Has(i, _lexicon.Person) || Has(i, _lexicon.Institution) || Has(i, _lexicon.Document)
                || Has(i, _lexicon.Outlet) || Has(i, _lexicon.Spokesperson) || Has(i, _lexicon.Organisation)
                || Has(i, _lexicon.Title) || Has(i, _lexicon.Share) || key.Equals("those", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalised first word that is an ordinary word ("Officials", "Some", "The"), not a name.</summary>
    private bool IsCommonWord(int i) => HasClass(i, CommonClasses);

    /// <summary>The classes of a word that, capitalised at the start of a sentence, is no name: "The", "Officials", "Said".</summary>
    private const WordClass CommonClasses = WordClass.Stop | WordClass.Definite | WordClass.Indefinite | WordClass.Quantifier | WordClass.Numeral
        | WordClass.SubjectPronoun | WordClass.ClauseOpener | WordClass.Person | WordClass.Document | WordClass.Institution | WordClass.Outlet
        | WordClass.Spokesperson | WordClass.Verb | WordClass.Adverb;
}
