using DocLint.Core.Semantics.Lexicon;

namespace DocLint.Core.Semantics;

/// <summary>
/// English's closed word classes, as far as finding attributions needs them: what can start, end or
/// never belong to a noun phrase. Open classes (verbs of saying, kinds of source) are in Lexicon/.
/// </summary>
internal static class Grammar
{
    private static WordSet Set(WordClass wordClass, params string[] words) =>
        new(words) { Class = wordClass };

    /// <summary>Subject pronouns: a source that refers back to someone.</summary>
    public static readonly WordSet SubjectPronouns =
        Set(WordClass.SubjectPronoun, "he", "she", "they", "it", "we", "i", "you");

    /// <summary>A subject pronoun, alone or contracted with its verb: "they", "they're", "she’ll", "it's".</summary>
    public static bool IsSubjectPronoun(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return SubjectPronouns.Contains(apostrophe > 0 ? word[..apostrophe] : word);
    }

    public static readonly WordSet ObjectPronouns =
        Set(WordClass.ObjectPronoun, "him", "her", "them", "us", "me", "it", "you", "himself", "herself", "themselves", "itself");

    public static readonly WordSet Relatives =
        Set(WordClass.Relative, "who", "which", "that", "whom");

    /// <summary>Words that start a noun phrase and mark it definite.</summary>
    public static readonly WordSet Definite =
        Set(WordClass.Definite, "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your");

    /// <summary>Words that introduce one unnamed person or thing.</summary>
    public static readonly WordSet Indefinite =
        Set(WordClass.Indefinite, "a", "an", "one", "another", "any", "each", "every", "either", "neither");

    /// <summary>Quantifiers: a group of unspecified size.</summary>
    public static readonly WordSet Quantifiers =
        Set(WordClass.Quantifier, "some", "many", "several", "most", "few", "all", "both", "numerous", "countless", "various", "other", "others", "more", "multiple", "dozens", "hundreds", "thousands", "millions", "scores", "plenty", "lots", "no");

    /// <summary>Pronouns for people no one is named of: "someone said", "others argue".</summary>
    public static readonly WordSet IndefinitePronouns =
        Set(WordClass.IndefinitePronoun, "one", "another", "others", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "none", "each");

    public static readonly WordSet Numerals =
        Set(WordClass.Numeral, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "couple", "pair", "half", "dozen");

    /// <summary>Prepositions that can sit inside a noun phrase: "a spokesman for the ministry", "people familiar with".</summary>
    public static readonly WordSet NounPhrasePrepositions =
        Set(WordClass.NounPhrasePreposition, "of", "for", "at", "with", "from", "in", "on", "to", "near", "within", "inside", "outside", "among", "across", "behind", "under", "about", "including", "like", "representing");

    /// <summary>Words that never belong to a noun phrase used as a source: clause links, auxiliaries, other prepositions.</summary>
    public static readonly WordSet Stops = Set(WordClass.Stop,
        "and", "or", "but", "nor", "so", "yet", "because", "since", "while", "whereas", "although", "though", "if", "unless", "until",
        "when", "whenever", "where", "wherever", "whether", "after", "before", "as", "than", "that", "which", "who", "whom", "whose", "what",
        "how", "why", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "by", "against", "during", "despite", "over",
        "through", "into", "onto", "upon", "without", "unlike", "per", "via", "toward", "towards", "amid", "amidst", "following",
        "regarding", "concerning", "not", "never", "there", "here", "then", "also", "too", "just", "even", "still", "only", "now",
        "him", "them", "us", "me", "himself", "herself", "themselves", "itself", "ourselves", "myself", "yourself",
        "to", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't", "didn't", "won't",
        "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "it's", "he's", "she's", "they're", "we're", "i'm", "you're",
        "thus", "hence", "therefore", "however", "meanwhile", "moreover", "furthermore", "instead", "indeed", "yes", "no", "please",
        "says", "said", "say", "saying", "told", "tells", "tell", "according", "reportedly", "allegedly");

    public static readonly WordSet BeForms =
        Set(WordClass.BeForm, "is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't", "weren't", "'s", "’s", "'re", "’re", "get", "gets", "got", "gotten");

    public static readonly WordSet Auxiliaries = Set(WordClass.Auxiliary,
        "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "hasn't", "haven't", "hadn't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't",
        "mustn't", "not", "never", "to", "going", "used", "ought", "'ve", "’ve", "'d", "’d", "'ll", "’ll");

    /// <summary>Adverbs that stand between a source and its verb: "also said", "later told", "has repeatedly argued".</summary>
    public static readonly WordSet Adverbs = Set(WordClass.Adverb,
        "also", "here", "later", "then", "now", "again", "once", "already", "often", "still", "first", "further", "just", "even", "only",
        "since", "ever", "long", "soon", "too", "yet", "earlier", "previously", "recently", "repeatedly", "publicly", "privately",
        "frequently", "initially", "subsequently", "separately", "reportedly", "allegedly", "apparently", "always", "sometimes",
        "finally", "last", "similarly", "likewise", "immediately", "quickly", "flatly", "openly", "loudly", "falsely",
        "wrongly", "rightly", "correctly", "explicitly", "directly", "simply", "bluntly", "candidly", "strongly", "firmly",
        "forcefully", "angrily", "quietly", "softly", "confidently", "proudly", "tearfully", "emphatically", "pointedly",
        "sharply", "bitterly", "harshly", "vehemently", "flat", "herself", "himself", "themselves", "itself", "personally",
        "specifically", "generally", "broadly", "widely", "largely", "mostly", "partly", "clearly", "obviously", "certainly",
        "likely", "probably", "possibly", "perhaps", "maybe", "actually", "really");

    /// <summary>Modal auxiliaries: what someone "must show" or "may find" is not what they have shown or found.</summary>
    public static readonly WordSet Modals = Set(WordClass.Modal,
        "must", "mustn't", "should", "shouldn't", "could", "couldn't", "would", "wouldn't", "might", "may", "can", "can't", "cannot",
        "shall", "will", "won't", "'ll", "’ll");

    /// <summary>Words after which a new clause, and so a subject, can start.</summary>
    public static readonly WordSet ClauseLinks = Set(WordClass.ClauseLink,
        "and", "but", "or", "nor", "so", "yet", "that", "which", "who", "whom", "because", "while", "whereas", "when", "whenever", "as", "if", "although",
        "though", "since", "after", "before", "where", "whether", "until", "unless", "once", "than", "how", "why", "what", "even",
        "also", "then", "now", "meanwhile", "however", "still", "instead", "indeed", "thus", "hence", "besides", "otherwise",
        "moreover", "furthermore", "later", "earlier", "today", "yesterday", "tonight", "separately", "similarly", "likewise",
        "finally", "first", "second", "third", "lastly", "overall", "ultimately", "nevertheless", "nonetheless", "anyway");

    /// <summary>Lower-case words ending in "ly" that are not adverbs.</summary>
    public static readonly WordSet NotAdverbs =
        Set(WordClass.NotAdverb, "family", "rally", "ally", "supply", "reply", "assembly", "july", "italy", "holy", "only", "early", "daily", "weekly", "monthly", "yearly", "belly", "bully", "jelly", "lily", "folly", "tally", "anomaly", "monopoly", "fly", "apply", "rely", "multiply", "comply", "imply", "ugly", "silly", "friendly", "elderly", "costly", "likely", "lonely", "lovely", "deadly", "orderly", "curly", "burly", "surly", "oily", "hilly", "chilly", "jolly", "sully", "dally", "philly", "kelly", "sally", "billy", "emily", "molly", "polly", "holly", "nelly");

    /// <summary>Words that start an adjunct before the subject of a clause: "On Monday, …", "After the vote, …".</summary>
    public static readonly WordSet ClauseOpeners = Set(WordClass.ClauseOpener,
        "in", "on", "at", "after", "before", "during", "since", "while", "when", "as", "if", "although", "though", "because",
        "despite", "following", "amid", "by", "for", "from", "with", "without", "under", "over", "through", "throughout", "until",
        "within", "speaking", "asked", "writing", "responding", "addressing", "meanwhile", "however", "still", "but", "and", "so",
        "yet", "now", "then", "later", "earlier", "separately", "also", "instead", "indeed", "moreover", "yesterday", "today",
        "last", "this", "next", "once", "unlike", "like", "according", "to");

    /// <summary>Words of time and occasion: "said Tuesday", "said in a statement", "told reporters at a rally".</summary>
    public static readonly WordSet Occasions = Set(WordClass.Occasion,
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow",
        "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "day", "quarter", "season", "spring", "summer", "autumn", "winter", "decade", "earlier", "later", "recently",
        "statement", "statements", "interview", "interviews", "tweet", "tweets", "post", "posts", "letter", "email", "emails",
        "speech", "conference", "briefing", "call", "hearing", "rally", "meeting", "appearance", "remarks", "address", "podcast",
        "twitter", "facebook", "instagram", "television", "radio", "video", "op-ed", "memo", "filing", "testimony", "session",
        "debate", "forum", "event", "release", "message", "messages", "broadcast", "show", "program", "programme", "episode",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "last", "past", "previous", "next", "recent", "separate", "written", "joint", "brief", "phone", "telephone",
        "televised", "emailed", "prepared", "exclusive", "news", "press", "late", "early", "same", "ago");

    /// <summary>Every class above, for <see cref="WordClasses"/>.</summary>
    public static IEnumerable<WordSet> All =>
    [
        SubjectPronouns, ObjectPronouns, Relatives, Definite, Indefinite, Quantifiers, IndefinitePronouns, Numerals, NounPhrasePrepositions, Stops, BeForms, Auxiliaries, Modals, Adverbs, ClauseLinks, NotAdverbs, ClauseOpeners, Occasions,
    ];
}
