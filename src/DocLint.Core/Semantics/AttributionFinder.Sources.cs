using System.Collections.Frozen;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>What kind of source a phrase is, and what a reference ("he", "the official") refers back to.</summary>
internal sealed partial class AttributionFinder
{
    /// <summary>Titles written short, with the word a later reference uses: "Sen. Lopez" … "the senator".</summary>
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TitleWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sen"] = "senator",
        ["rep"] = "representative",
        ["gov"] = "governor",
        ["gen"] = "general",
        ["pres"] = "president",
        ["dr"] = "doctor",
        ["prof"] = "professor",
        ["adm"] = "admiral",
        ["col"] = "colonel",
        ["capt"] = "captain",
        ["lt"] = "lieutenant",
        ["sgt"] = "sergeant",
        ["amb"] = "ambassador",
        ["rev"] = "reverend",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The kind a phrase that <see cref="KindOf"/> made a reference because of an earlier mention would have
    /// on its own; recorded on its mention in place of the reference.
    /// </summary>
    private SourceKind? _localKind;

    /// <summary>A source or name seen earlier in the story, for resolving references.</summary>
    /// <remarks>
    /// A mention is recorded for what its phrase says (its head, whether it is a spokesperson, the kind it
    /// has on its own), whatever it was resolved to, so that whether a later phrase is a reference depends
    /// only on the sentences within <see cref="LookBack"/> of it: never on a chain of earlier resolutions.
    /// </remarks>
    private readonly record struct Mention(int Sentence, TextSpan Span, SourceKind Kind, string Head, string? Role, bool Plural, bool Spokesperson = false);

    private (SourceKind Kind, TextSpan? Antecedent, SourceKind AntecedentKind) Classify(int first, int last)
    {
        _localKind = null;
        var (kind, head, role, plural) = KindOf(first, last);
        var spokesperson = _lexicon.Spokesperson.Contains(head);
        var resolved = kind == SourceKind.Reference ? Resolve(first, last, head) : null;
        if (!IsPronounPhrase(first, last))
        {
            _mentions.Add(new Mention(_sentenceIndex, Span(first, last), _localKind ?? kind, head, role, plural, spokesperson));
        }

        return resolved is { } mention ? (kind, mention.Span, mention.Kind) : (kind, null, SourceKind.None);
    }

    /// <summary>A phrase that is one pronoun: "she", "them", "who". It is a reference, and no mention of its own.</summary>
    private bool IsPronounPhrase(int first, int last) =>
        first == last && T(first).IsWord && (Has(first, Grammar.SubjectPronouns) || Has(first, Grammar.ObjectPronouns) || Has(first, Grammar.Relatives));

    private (SourceKind Kind, string Head, string? Role, bool Plural) KindOf(int first, int last)
    {
        if (IsPronounPhrase(first, last))
        {
            return (SourceKind.Reference, Lower(first), null, false);
        }

        // "Two of his lawyers", "many of the protesters", "one of the aides": a part of a group is unnamed as the
        // group is (one or a number of them is an individual, a share of them a group), and a part of a group
        // met before is a reference to it.
        if (first + 2 <= last && IsPartOf(first + 1))
        {
            var (inner, innerHead, innerRole, _) = KindOf(first + 2, last);

            // "One of the lead protagonists, New Jersey senator Cory Booker,": the part is named after a comma.
            if (inner is SourceKind.UnnamedGroup or SourceKind.UnnamedIndividual or SourceKind.Reference && PersonNameAfterComma(first + 2, last))
            {
                return (SourceKind.NamedPerson, innerHead, innerRole, false);
            }

            var individual = T(first).Kind == TokenKind.Number || Has(first, Grammar.Numerals) || IsWord(first, "one") || IsWord(first, "each");
            return inner switch
            {
                SourceKind.UnnamedGroup or SourceKind.UnnamedIndividual => (individual ? SourceKind.UnnamedIndividual : SourceKind.UnnamedGroup, innerHead, innerRole, !IsWord(first, "one")),
                SourceKind.Reference when Resolve(first + 2, last, innerHead) is null && IsWordIn(first + 2, Grammar.Definite) =>
                    (individual ? SourceKind.UnnamedIndividual : SourceKind.UnnamedGroup, innerHead, innerRole, !IsWord(first, "one")),
                _ => (inner, innerHead, innerRole, !IsWord(first, "one")),
            };
        }

        // "Sen. Maria Lopez and others", "the president and other aides", "he and Republican senators": the
        // others stand with someone the reader knows, and the statement is sourced as that person's. ("U.S. and
        // South Korean officials", "current and former officials": the words before "and" qualify the others.)
        for (var and = first + 1; and < last; and++)
        {
            if (IsWord(and, "and") && !T(and).IsQuoted)
            {
                var others = IsWord(and + 1, "others") || IsWord(and + 1, "other");
                var pronoun = and - 1 == first && Has(first, Grammar.SubjectPronouns);
                var (with, withHead, withRole, _) = others || pronoun ? KindOf(first, and - 1) : default;

                // "U.S. and other Western officials", "Republicans and other critics", "Washington and other
                // capitals": a place or a party qualifies the others, and names none of them.
                var qualifies = IsWordIn(and - 1, _lexicon.Place) || IsWordIn(and - 1, _lexicon.Party);
                if ((others || pronoun) && !qualifies && with is SourceKind.NamedPerson or SourceKind.NamedOrganisation or SourceKind.Reference)
                {
                    return (with, withHead, withRole, true);
                }

                break;
            }
        }

        // The core of the phrase ends at its first comma, parenthesis or preposition ("a spokesman | for the
        // ministry"), except "of" inside a name ("Bank of America").
        var coreLast = last;
        for (var k = first + 1; k <= last; k++)
        {
            ref readonly var t = ref T(k);
            var preposition = t.IsWord && !t.IsCapitalized && (Has(k, Grammar.NounPhrasePrepositions) || IsParticipleModifier(k) || Key(k).Equals("who", StringComparison.OrdinalIgnoreCase));
            if (t.Kind is TokenKind.Comma or TokenKind.OpenParen or TokenKind.Dash || preposition && !(IsWord(k, "of") && T(k - 1).IsCapitalized && k + 1 <= last && T(k + 1).IsCapitalized))
            {
                coreLast = k - 1;
                break;
            }
        }

        var head = coreLast;
        while (head > first && !(T(head).IsWord || T(head).Kind == TokenKind.Number))
        {
            head--;
        }

        // "a study published in …", "the report released Tuesday": the noun before a participle is the head.
        while (head > first && T(head).IsWord && !T(head).IsCapitalized && (Key(head).EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IsOccasionWord(head)) && T(head - 1).IsWord && !Has(head - 1, Grammar.Definite) && !Has(head - 1, Grammar.Indefinite))
        {
            coreLast = head - 1;
            head--;
        }

        var headWord = Lower(head);
        var plural = headWord.EndsWith('s') && !headWord.EndsWith("ss", StringComparison.Ordinal) || headWord is "people" or "men" or "women" or "police";
        var definite = Has(first, Grammar.Definite) || HasPossessive(first, head);
        var role = RoleOf(first, last, coreLast);

        if (Has(head, _lexicon.Share) || ShareStart(last) == first)
        {
            // "47 percent said", "one in three said": the poll the share is of is the source.
            return (SourceKind.Reference, headWord, role, true);
        }

        if (IsOutlet(first, coreLast))
        {
            return (SourceKind.Outlet, headWord, role, false);
        }

        if (Has(head, _lexicon.Spokesperson) || (head > first && IsWord(head - 1, "press") && (IsWord(head, "secretary") || IsWord(head, "office"))))
        {
            if (HasName(head + 1, coreLast) || NameInAppositive(coreLast + 1, last, requireAppositive: true))
            {
                return (SourceKind.NamedPerson, headWord, role, false);
            }

            // A spokesperson speaks on the record for a body: named in the phrase ("a Lakers spokesman", "a
            // spokeswoman for the senator") or, as "a spokesman said" has it, by the story around it. "The
            // spokeswoman" is one met before.
            // A second unnamed spokesperson soon after a first is most often the same one ("a Downing Street
            // spokesman … the prime minister's spokesman").
            if (Has(first, Grammar.Definite) && !HasPossessive(first, head) && head - first <= 1)
            {
                return (SourceKind.Reference, headWord, role, plural);
            }

            if (EarlierSpokesperson() is not null)
            {
                _localKind = SourceKind.UnnamedSpokesperson;
                return (SourceKind.Reference, headWord, role, plural);
            }

            return (SourceKind.UnnamedSpokesperson, headWord, role, plural);
        }

        if (IsName(head))
        {
            // "spokesman Sergei Ivanov", "Foreign Minister Sergei Lavrov": a name after a role is a person.
            if (RoleBeforeName(first, head))
            {
                return (SourceKind.NamedPerson, headWord, role, false);
            }

            if (IsOrganisation(first, coreLast))
            {
                return (SourceKind.NamedOrganisation, headWord, role, plural);
            }

            if (Has(head, _lexicon.Person) && plural)
            {
                // "Senate Democrats" is a caucus; "some Republicans" is a group no one is named in, unless the
                // phrase names some ("some Democrats, including Sen. Bob Casey").
                // A count of a party's members ("20 Republicans opposed it") is a vote, not a vague group.
                return (NameInAppositive(coreLast + 1, last, requireAppositive: true) ? SourceKind.NamedPerson
                    : IsQuantified(first) && !(Has(head, _lexicon.Party) && (T(first).Kind == TokenKind.Number || Has(first, Grammar.Numerals))) ? SourceKind.UnnamedGroup
                    : SourceKind.NamedOrganisation, headWord, role, true);
            }

            // "a top Republican in the state Senate": one member of a party, not named.
            if (Has(head, _lexicon.Person) && (Has(first, Grammar.Indefinite) || Has(first, Grammar.Numerals)))
            {
                return (SourceKind.UnnamedIndividual, headWord, role, false);
            }

            return (SourceKind.NamedPerson, headWord, role, false);
        }

        if (Has(head, _lexicon.Document))
        {
            if (HasName(first, head - 1) && !IsSpeakerPossessive(first, head) || NameInAppositive(coreLast + 1, last, requireAppositive: false))
            {
                return (SourceKind.NamedDocument, headWord, role, plural);
            }

            return (definite ? SourceKind.Reference : SourceKind.UnnamedDocument, headWord, role, plural);
        }

        // "Police said", "prosecutors say": a body on the record. "The company said": a body named before.
        if (Has(head, _lexicon.Institution) && !Has(first, Grammar.Indefinite) && !Has(first, Grammar.Quantifiers))
        {
            return (Has(first, Grammar.Definite) && head - first <= 2 && !HasName(first, head) ? SourceKind.Reference : SourceKind.NamedOrganisation, headWord, role, plural);
        }

        // "Republicans said" at the start of a sentence, as in the middle of one: the party's caucus.
        if (Has(head, _lexicon.Party) && (!IsQuantified(first) || T(first).Kind == TokenKind.Number || Has(first, Grammar.Numerals)))
        {
            return (SourceKind.NamedOrganisation, headWord, role, true);
        }

        // "people disagree": people at large, no source; "many people believe", "people familiar with the plan" are.
        if (first == head && headWord == "people" && !KnowsOf(coreLast + 1, last))
        {
            return (SourceKind.Reference, headWord, role, true);
        }

        // "all endorsed him", "both promise a decision": a pronoun for people just named.
        if (first == head && headWord is "all" or "both" or "each" or "either" or "neither" or "none")
        {
            return (SourceKind.Reference, headWord, role, true);
        }

        if (Has(head, _lexicon.Person) || Has(head, Grammar.Quantifiers))
        {
            if (NameInAppositive(coreLast + 1, last, requireAppositive: true))
            {
                return (SourceKind.NamedPerson, headWord, role, plural);
            }

            // "HSBC economists", "analysts at WRAP", "Flynn's lawyers": professionals who speak on the record
            // for a firm or client the phrase names. "His lawyers", "the company's economists": for one the
            // story has named. ("White House officials", "his aides" stay unnamed: officials, aides and sources
            // are who anonymity is granted to.)
            if (Has(head, _lexicon.Professional) && (HasOwnerName(first, head - 1) || HasKnownOwner(first, head - 1) || NameInAppositive(coreLast + 1, last, requireAppositive: false)))
            {
                return (SourceKind.NamedOrganisation, headWord, role, plural);
            }

            // "one official", "another aide" after "officials said": a member of the group already met.
            if (!plural && (IsWord(first, "one") || IsWord(first, "another")) && EarlierSource(headWord + "s") is not null)
            {
                _localKind = SourceKind.UnnamedIndividual;
                return (SourceKind.Reference, headWord, role, plural);
            }

            if (definite)
            {
                // "Trump's aides", "his advisers": unnamed people around a named one; "the official": a reference.
                return (plural && HasPossessive(first, head) ? SourceKind.UnnamedGroup : SourceKind.Reference, headWord, role, plural);
            }

            if (Has(first, Grammar.Indefinite) || Has(first, Grammar.Numerals) || T(first).Kind == TokenKind.Number)
            {
                return (SourceKind.UnnamedIndividual, headWord, role, plural);
            }

            if (headWord is "source" or "sources" || KnowsOf(coreLast + 1, last))
            {
                return (SourceKind.UnnamedIndividual, headWord, role, plural);
            }

            // A bare plural the story has had as a source just before ("Campaign officials said …" … "officials
            // said") is that group again.
            if (plural && !IsQuantified(first) && EarlierSource(headWord) is not null)
            {
                _localKind = SourceKind.UnnamedGroup;
                return (SourceKind.Reference, headWord, role, plural);
            }

            // A bare singular ("Ambassador warned …", "official says") is a headline's shorthand for someone the story names.
            return (plural || Has(head, Grammar.Quantifiers) || Has(first, Grammar.Quantifiers) ? SourceKind.UnnamedGroup : SourceKind.Reference, headWord, role, plural);
        }

        if (HasName(first, coreLast))
        {
            return (IsOrganisation(first, coreLast) ? SourceKind.NamedOrganisation : SourceKind.NamedPerson, headWord, role, plural);
        }

        return (SourceKind.Reference, headWord, role, plural);
    }

    /// <summary>"some Republicans", "two aides", "a handful of …": a phrase that starts with a quantity.</summary>
    private bool IsQuantified(int first)
    {
        var key = Key(first);
        return Has(first, Grammar.Quantifiers) || Has(first, Grammar.Numerals) || Has(first, Grammar.Indefinite) || T(first).Kind == TokenKind.Number;
    }

    /// <summary>A capitalised word that is a name, not a sentence's first word that happens to be capitalised.</summary>
    private bool IsName(int i) =>
        T(i).IsWord && T(i).IsCapitalized && !(T(i).IsInitial && IsCommonWord(i)) && !IsTitle(i) && !Has(i, Grammar.Quantifiers);

    private bool IsTitle(int i) => T(i).IsWord && Has(i, _lexicon.Title) && !Has(i, _lexicon.Person);

    private bool RoleBeforeName(int first, int head)
    {
        // The name: the capitalised words before the head that are not words for a role or title.
        var i = head;
        while (i > first && IsName(i) && !IsRoleWord(i))
        {
            i--;
        }

        // "FBI Director James Comey", "Foreign Minister Sergei Lavrov", but not "the Justice Department":
        // a role right before the name, and no word of a body in the name.
        return i < head && IsRoleWord(i) && !IsOrganisation(i + 1, head);
    }

    /// <summary>A word for a role ("spokesman", "senator", "lawyer"), not one for some people ("some", "others").</summary>
    private bool IsRoleWord(int i) =>
        T(i).IsWord && !IsDeterminer(i) && !Has(i, Grammar.IndefinitePronouns)
        && (Has(i, _lexicon.Spokesperson) || Has(i, _lexicon.Title) || Has(i, _lexicon.Person) && (!T(i).IsCapitalized || Has(i, _lexicon.Title)));

    /// <summary>A name that can own a firm's or client's professionals: not a place ("U.S. analysts", "Russian economists").</summary>
    private bool HasOwnerName(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (IsName(i) && !Has(i, _lexicon.Place))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasName(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (IsName(i))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPossessive(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (T(i).Kind == TokenKind.Possessive || IsPossessivePronoun(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An owner the story has named: a possessive pronoun ("his lawyers") or one person or body met before ("the
    /// president's lawyers", "the prisoner's lawyers"); not an unnamed or plural owner ("a company's economists",
    /// "the victims' lawyers").
    /// </summary>
    private bool HasKnownOwner(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (IsPossessivePronoun(i))
            {
                return true;
            }

            if (T(i).Kind == TokenKind.Possessive && i - 1 >= first && T(i - 1).IsWord && !Lower(i - 1).EndsWith('s')
                && i - 2 >= first && Has(i - 2, Grammar.Definite))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPossessivePronoun(int i) => IsWord(i, "his") || IsWord(i, "her") || IsWord(i, "their") || IsWord(i, "its");

    /// <summary>"Trump's statement": a document that is a person's words is that person's, but it does not name a document.</summary>
    private bool IsSpeakerPossessive(int first, int head) => head - 1 >= first && T(head - 1).Kind == TokenKind.Possessive;

    /// <summary>"Maria Lopez, a spokeswoman" … read the other way: "a spokeswoman, Maria Lopez,"; "critics, including Sen. X".</summary>
    private bool NameInAppositive(int first, int last, bool requireAppositive)
    {
        if (first > last)
        {
            return false;
        }

        if (requireAppositive)
        {
            // The names must come after a comma or "including", "like", "such as": "critics of the policy like Max Eden".
            while (first <= last && T(first).Kind != TokenKind.Comma && !IsWord(first, "including") && !IsWord(first, "like") && !IsWord(first, "such"))
            {
                first++;
            }
        }

        for (var i = first; i <= last; i++)
        {
            if (IsName(i) && !Has(i, _lexicon.Organisation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name right after the phrase's first comma, after role words at most: "One of the women, Leigh Corfman",
    /// "One of the protagonists, New Jersey senator Cory Booker", "One of the unions, the American Federation of
    /// Teachers". Not a clause or a place: "One of the women, who lives in Ohio,", "One of the aides, in Washington,".
    /// </summary>
    private bool PersonNameAfterComma(int first, int last)
    {
        while (first <= last && T(first).Kind != TokenKind.Comma)
        {
            first++;
        }

        for (var i = first + 1; i <= last && T(i).Kind != TokenKind.Comma; i++)
        {
            // A person's name, or a body's ("One of the unions, the American Federation of Teachers,").
            if (IsName(i) && !Has(i, _lexicon.Place) && !Has(i, _lexicon.Title) && !IsOccasionWord(i))
            {
                return true;
            }

            if (!(T(i).IsWord && (T(i).IsCapitalized || IsRoleNoun(i) || Has(i, Grammar.Definite))))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"people familiar with …", "sources close to …", "a person briefed on …".</summary>
    private bool KnowsOf(int first, int last)
    {
        for (var i = first; i <= last && i <= first + 2; i++)
        {
            if (IsParticipleModifier(i) || IsWord(i, "knowledge"))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOrganisation(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (T(i).IsWord && T(i).IsCapitalized && (Has(i, _lexicon.Organisation) || T(i).IsAllCaps && T(i).Length is >= 2 and <= 6 && !Has(i, _lexicon.Title)))
            {
                return true;
            }
        }

        // "the Kremlin", "the Pentagon": a capitalised name after "the" is rarely a person.
        return IsWord(first, "the") && first + 1 <= last && IsName(first + 1);
    }

    private bool IsOutlet(int first, int last)
    {
        var start = IsWord(first, "the") ? first + 1 : first;
        if (start <= last && T(start).IsWord && T(start).IsCapitalized && Has(start, _lexicon.OutletFirstWords))
        {
            for (var end = last; end >= start; end--)
            {
                if (_lexicon.OutletNames.Contains(_prose.AsSpan(T(first).Start, T(end).End - T(first).Start)) || _lexicon.OutletNames.Contains(_prose.AsSpan(T(start).Start, T(end).End - T(start).Start)))
                {
                    return true;
                }
            }
        }

        for (var i = first; i <= last; i++)
        {
            if (T(i).IsWord && !T(i).IsCapitalized && Has(i, _lexicon.Outlet) && (i == last || !T(i + 1).IsWord))
            {
                return true;
            }
        }

        return IsWord(last, "media") || IsWord(last, "reports") && first < last && (IsWord(last - 1, "media") || IsWord(last - 1, "news") || IsWord(last - 1, "press"));
    }

    /// <summary>What a later reference may call this source: "the senator" for "Sen. Lopez", "the spokeswoman" for "Lopez, a spokeswoman for …".</summary>
    private string? RoleOf(int first, int last, int coreLast)
    {
        for (var i = first; i <= last; i++)
        {
            if (!T(i).IsWord || (i > coreLast && !Has(i, _lexicon.Person) && !Has(i, _lexicon.Title)))
            {
                continue;
            }

            var key = Key(i);
            if (TitleWords.TryGetValue(key, out var word))
            {
                return word;
            }

            if (i != coreLast && (Has(i, _lexicon.Title) || Has(i, _lexicon.Person)) && !T(i).IsCapitalized)
            {
                return Lower(i);
            }

            if (i < coreLast && Has(i, _lexicon.Title) && T(i).IsCapitalized)
            {
                return Lower(i);
            }
        }

        return null;
    }

    /// <summary>The source a reference refers back to, within <see cref="LookBack"/> sentences; null when none fits.</summary>
    private Mention? Resolve(int first, int last, string head)
    {
        var oldest = _sentenceIndex - LookBack;
        var pronoun = IsPronounPhrase(first, last);
        for (var m = _mentions.Count - 1; m >= 0; m--)
        {
            var mention = _mentions[m];
            if (mention.Sentence < oldest)
            {
                break;
            }

            if (mention.Span.Start >= T(first).Start || mention.Kind == SourceKind.Reference)
            {
                continue;
            }

            var fits = pronoun
                ? head switch
                {
                    "he" or "she" or "him" or "her" => mention.Kind == SourceKind.NamedPerson || mention.Kind is SourceKind.UnnamedIndividual or SourceKind.UnnamedSpokesperson && !mention.Plural,
                    "they" or "them" => mention.Plural || mention.Kind is SourceKind.NamedOrganisation or SourceKind.UnnamedGroup,
                    "it" => mention.Kind is SourceKind.NamedOrganisation or SourceKind.NamedDocument or SourceKind.UnnamedDocument or SourceKind.Outlet,
                    _ => false,
                }
                : SameNoun(mention.Head, head) || mention.Role is { } role && SameNoun(role, head);
            if (fits)
            {
                return mention;
            }
        }

        return null;
    }

    /// <summary>The latest source with this head noun in the <see cref="LookBack"/> sentences before this one, if any.</summary>
    private Mention? EarlierSource(string head)
    {
        for (var m = _mentions.Count - 1; m >= 0 && _mentions[m].Sentence >= _sentenceIndex - LookBack; m--)
        {
            if (_mentions[m].Sentence < _sentenceIndex && _mentions[m].Kind is SourceKind.UnnamedGroup or SourceKind.UnnamedIndividual or SourceKind.Reference && SameNoun(_mentions[m].Head, head))
            {
                return _mentions[m];
            }
        }

        return null;
    }

    /// <summary>The latest mention of an unnamed spokesperson in the <see cref="LookBack"/> sentences before this one, if any.</summary>
    private Mention? EarlierSpokesperson()
    {
        for (var m = _mentions.Count - 1; m >= 0 && _mentions[m].Sentence >= _sentenceIndex - LookBack; m--)
        {
            if (_mentions[m].Spokesperson && _mentions[m].Kind != SourceKind.NamedPerson && _mentions[m].Sentence < _sentenceIndex)
            {
                return _mentions[m];
            }
        }

        return null;
    }

    /// <summary>
    /// Token <paramref name="i"/>'s key in lower case, as mentions keep their heads and roles. The same few words
    /// come back sentence after sentence ("he", "officials", a story's names), so an ASCII word's string is kept per
    /// thread and shared: two ASCII words that are equal ignoring case have one lower case. The strings are found by
    /// the token's key hash (<see cref="Tokenizer.KeyHash"/>), so a word seen before is not hashed again.
    /// </summary>
    private string Lower(int i)
    {
        var word = Key(i);
        var hash = _tokens.KeyHash(i);
        if (word.Length > LowerCacheWordLength || hash == WordIndex.NonAsciiHash)
        {
            return NewLower(word);
        }

        var cache = _lowerCache ??= new WordMap(LowerCacheSize);
        var place = cache.IndexOf(word, hash);
        if (place >= 0)
        {
            return cache.WordAt(place);
        }

        if (cache.Count >= LowerCacheSize)
        {
            cache.Clear();
        }

        var lower = NewLower(word);
        cache.Add(lower);
        return lower;

        static string NewLower(ReadOnlySpan<char> word)
        {
            Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            return new string(lower);
        }
    }

    private const int LowerCacheWordLength = 32;
    private const int LowerCacheSize = 4096;

    [ThreadStatic]
    private static WordMap? _lowerCache;

    private static bool SameNoun(string a, string b) =>
        a == b || (a.Length + 1 == b.Length && b.StartsWith(a, StringComparison.Ordinal) && b[^1] == 's') || (b.Length + 1 == a.Length && a.StartsWith(b, StringComparison.Ordinal) && a[^1] == 's');

    /// <summary>
    /// Names in the sentence that are not sources ("Lopez met the minister"), so that a later "she" or "the
    /// minister" can be resolved to them: runs of two or more capitalised words, or a title and a name.
    /// </summary>
    private void RecordNames()
    {
        var i = 0;
        while (i < Count)
        {
            if (!T(i).IsWord || T(i).IsQuoted || !T(i).IsCapitalized || (T(i).IsInitial && IsCommonWord(i) && !IsTitle(i)))
            {
                i++;
                continue;
            }

            var first = i;
            while (i + 1 < Count && !T(i + 1).IsQuoted && (T(i + 1).IsWord && T(i + 1).IsCapitalized || IsWord(i + 1, "of") && i + 2 < Count && T(i + 2).IsWord && T(i + 2).IsCapitalized))
            {
                i++;
            }

            var last = i;
            i++;
            if (last > first || IsTitle(first))
            {
                // Names are recorded before the sentence's sources, and the runs never overlap: nothing to check.
                var kind = IsOrganisation(first, last) ? SourceKind.NamedOrganisation : SourceKind.NamedPerson;
                _mentions.Add(new Mention(_sentenceIndex, Span(first, last), kind, Lower(last), RoleOf(first, last, last), false));
            }
        }

        // Mentions too far back to be referred to are dropped, so the list stays short.
        if (_mentions.Count > 256)
        {
            _mentions.RemoveAll(m => m.Sentence < _sentenceIndex - LookBack);
        }
    }
}
