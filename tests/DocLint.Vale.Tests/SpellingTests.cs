using System.Text;
using DocLint.Core.Vale;
using DocLint.Core.Vale.Spelling;

namespace DocLint.Vale.Tests;

/// <summary>Vale's <c>spelling</c> kind: Hunspell dictionaries, Vale's word cutting and filters, vocabularies and ignore files.</summary>
public sealed class SpellingTests
{
    private static Hunspell Read(string aff, string dic) =>
        Hunspell.Read(new MemoryStream(Encoding.UTF8.GetBytes(aff)), new MemoryStream(Encoding.UTF8.GetBytes(dic)), "test");

    // A small affix file in the shape of en_US's: a prefix and suffixes with strip and conditions.
    private const string Affixes = """
        SET UTF-8
        ICONV 1
        ICONV ’ '
        PFX U Y 1
        PFX U   0     un         .

        SFX D Y 4
        SFX D   0     d          e
        SFX D   y     ied        [^aeiou]y
        SFX D   0     ed         [^ey]
        SFX D   0     ed         [aeiou]y

        SFX L N 1
        SFX L   0     ment       .
        """;

    [Fact]
    public void A_stem_takes_its_own_affixes_with_their_strip_and_condition_and_no_other()
    {
        var hunspell = Read(Affixes, "4\ncarry/D\nbake/DU\nplay/D\nabate/L\n");

        hunspell.Contains("carry").Should().BeTrue();
        hunspell.Contains("carried").Should().BeTrue("y is stripped before a consonant and y");
        hunspell.Contains("carryed").Should().BeFalse("[^ey] does not admit a stem that ends in y");
        hunspell.Contains("played").Should().BeTrue("a vowel before y keeps it");
        hunspell.Contains("plaied").Should().BeFalse();
        hunspell.Contains("baked").Should().BeTrue();
        hunspell.Contains("unbake").Should().BeTrue();
        hunspell.Contains("unbaked").Should().BeTrue("both classes allow cross products");
        hunspell.Contains("uncarried").Should().BeFalse("carry has no U flag");
        hunspell.Contains("abatement").Should().BeTrue();
        hunspell.Contains("Carried").Should().BeFalse("the dictionary compares case; the spell checker tries lower case");
        hunspell.StemCount.Should().Be(4);
    }

    [Fact]
    public void A_suffix_without_cross_products_never_takes_a_prefix()
    {
        var hunspell = Read(Affixes, "1\nabate/LU\n");

        hunspell.Contains("unabate").Should().BeTrue();
        hunspell.Contains("abatement").Should().BeTrue();
        hunspell.Contains("unabatement").Should().BeFalse();
    }

    [Fact]
    public void Affixes_pair_only_within_one_line_of_a_stem()
    {
        // Two lines for one stem: a prefix from one and a suffix from the other do not combine.
        var hunspell = Read(Affixes, "2\nbake/U\nbake/D\n");

        hunspell.Contains("unbake").Should().BeTrue();
        hunspell.Contains("baked").Should().BeTrue();
        hunspell.Contains("unbaked").Should().BeFalse();
    }

    [Fact]
    public void Compound_only_words_need_affix_and_forbidden_words_are_read_as_hunspell_reads_them()
    {
        var aff = """
            ONLYINCOMPOUND c
            NEEDAFFIX n
            FORBIDDENWORD !
            COMPOUNDMIN 1
            COMPOUNDRULE 1
            COMPOUNDRULE d*1t
            SFX S Y 1
            SFX S 0 s .
            """;
        var hunspell = Read(aff, "7\n1/d1\n2/d\n1th/tc\n2nd/t\nfoo/nS\nbar/!\nbaz\n");

        hunspell.Contains("1th").Should().BeFalse("a word only in compounds is not a word alone");
        hunspell.Contains("2nd").Should().BeTrue();
        hunspell.Contains("foo").Should().BeFalse("NEEDAFFIX: the stem alone is no word");
        hunspell.Contains("foos").Should().BeTrue();
        hunspell.Contains("bar").Should().BeFalse();
        hunspell.Compounds.Should().ContainSingle();
        hunspell.IsCompound("211th").Should().BeTrue();
        hunspell.IsCompound("11th").Should().BeTrue();
        hunspell.IsCompound("21th").Should().BeFalse("the rule ends with 1 then a t word");
        hunspell.IsCompound("112nd").Should().BeTrue();
        hunspell.IsCompound("1st").Should().BeFalse("no word of the t flag is 'st'");
    }

    [Fact]
    public void Long_and_numeric_flags_and_flag_aliases_are_read()
    {
        var longFlags = Read("FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\nSFX Bb Y 1\nSFX Bb 0 ing .\n", "1\nwalk/AaBb\n");
        longFlags.Contains("walks").Should().BeTrue();
        longFlags.Contains("walking").Should().BeTrue();

        var numbers = Read("FLAG num\nSFX 101 Y 1\nSFX 101 0 s .\n", "1\nwalk/7,101\n");
        numbers.Contains("walks").Should().BeTrue();

        var aliases = Read("AF 2\nAF S\nAF SG\nSFX S Y 1\nSFX S 0 s .\nSFX G Y 1\nSFX G 0 ing .\n", "2\nwalk/2\ntalk/1\n");
        aliases.Contains("walking").Should().BeTrue();
        aliases.Contains("talks").Should().BeTrue();
        aliases.Contains("talking").Should().BeFalse();
    }

    [Fact]
    public void A_broken_affix_file_names_its_line()
    {
        var read = () => Read("SET UTF-8\nSFX D   0     d          e\n", "1\nbake/D\n");

        read.Should().Throw<FormatException>().WithMessage("test.aff:2: 'D' has no header line (flag, Y or N, count) before its rules");
    }

    [Fact]
    public void The_built_in_english_dictionary_holds_words_and_their_forms_and_not_typos()
    {
        var english = SpellChecker.English;

        english.StemCount.Should().BeGreaterThan(79_000);
        foreach (var word in new[] { "abandonment", "unabated", "reactivated", "carried", "don't", "it's", "GitHub", "Paris", "color" })
        {
            english.Contains(word).Should().BeTrue(word);
        }

        foreach (var word in new[] { "recieve", "teh", "mispeled", "paris", "definately" })
        {
            english.Contains(word).Should().BeFalse(word);
        }

        english.Conversions.Should().Contain(("’", "'"));
    }

    [Fact]
    public void The_checker_accepts_lower_case_forms_numbers_hashes_units_ordinals_and_its_word_lists()
    {
        var checker = new SpellChecker([SpellChecker.English]);
        checker.AddWordList("transpiler\nKubernetes\n#\n");

        foreach (var word in new[] { "Recieve", "RECIEVE", "Kubernetes2" })
        {
            checker.Spell(word).Should().BeFalse(word);
        }

        foreach (var word in new[] { "Carried", "CARRIED", "1,024", "3.5", "0x1F", "x1f", "0b101", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "100GB", "21st", "112th", "transpiler", "Transpiler", "Kubernetes" })
        {
            checker.Spell(word).Should().BeTrue(word);
        }

        checker.Spell("kubernetes").Should().BeFalse("a word list's entry with capitals is accepted as written");
        checker.Convert("don’t").Should().Be("don't");
    }

    [Theory]
    [InlineData("The (quick) \"brown\" fox's tail, e.g. U.S. Mr. and $5.", "The|quick|brown|fox's|tail|e.g.|U.S.|Mr.|and")]
    [InlineData("'Tis ‘quoted’ — “double” [x]!?", "Tis|quoted|double|x")]
    [InlineData("a-b c_d 123 *** don't.", "a-b|c_d|don't")]
    public void Words_are_cut_as_vale_cuts_them(string text, string words)
    {
        ValeWords.Of(text).Select(w => text.Substring(w.Start, w.Length)).Should().Equal(words.Split('|'));
    }

    [Theory]
    [InlineData("word", false)]
    [InlineData("don't", false)]
    [InlineData("snake_case", false)]
    [InlineData("MongoDB", true)]
    [InlineData("NASA", true)]
    [InlineData("wordS", true)]
    [InlineData("iPhone", false)]
    [InlineData("McDonald", true)]
    [InlineData("McD", true)]
    [InlineData("AbCd", true)]
    [InlineData("Abcd", false)]
    [InlineData("well-known", true)]
    [InlineData("café", true)]
    [InlineData("route66", true)]
    public void Vale_default_filters_skip_what_it_skips(string word, bool skipped)
    {
        ValeSpelling.SkippedByDefault(word).Should().Be(skipped);
    }

    [Fact]
    public void Vale_spelling_reports_each_unknown_word_where_it_is_and_leaves_code_numbers_and_names_alone()
    {
        using var vale = new ValeRunner("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n")
            .File("styles/.keep", "")
            .File("a.md", "# A heading with a mispeled word\n\nWe recieve teh data, and recieve it again in `codde`.\nDon’t worry: it's the 21st of May, 100GB, MongoDB and NASA. Paris, not paris.\n");

        vale.Lines().Should().Equal(
            "a.md:1:20:Vale.Spelling:Did you really mean 'mispeled'?",
            "a.md:3:4:Vale.Spelling:Did you really mean 'recieve'?",
            "a.md:3:12:Vale.Spelling:Did you really mean 'teh'?",
            "a.md:3:26:Vale.Spelling:Did you really mean 'recieve'?",
            "a.md:4:72:Vale.Spelling:Did you really mean 'paris'?");
    }

    [Fact]
    public void Vocabularies_accept_words_in_any_case_and_phrases_whole_and_ignore_files_add_words()
    {
        using var vale = new ValeRunner("StylesPath = styles\nVocab = Team\n\n[*]\nBasedOnStyles = Vale\nVale.Terms = NO\n")
            .File("styles/config/vocabularies/Team/accept.txt", "Doclint\ndolor sitamet\n")
            .File("styles/config/ignore/words.txt", "transpiler\n")
            .File("a.md", "doclint and DOCLINT, a transpiler, dolor sitamet; but sitamet alone is not a word.\n");

        vale.Lines().Should().Equal("a.md:1:55:Vale.Spelling:Did you really mean 'sitamet'?");
    }

    [Fact]
    public void A_custom_rule_reads_its_dictionaries_filters_and_ignore_files()
    {
        using var vale = new ValeRunner()
            .Rule("Spell", "extends: spelling\nmessage: \"'%s' is a typo!\"\nlevel: warning\ndicpath: dics\ndictionaries:\n  - small\nfilters:\n  - '[pP]y.*\\b'\nignore:\n  - extra.txt\n")
            .File("styles/dics/small.aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n")
            .File("styles/dics/small.dic", "2\ncat/S\ndog\n")
            .File("styles/extra.txt", "bird\n")
            .File("a.md", "Cats and dogs, a bird, PyYAML and python, a cow.\n");

        vale.Lines().Should().Equal(
            "a.md:1:6:Test.Spell:'and' is a typo!",
            "a.md:1:10:Test.Spell:'dogs' is a typo!",
            "a.md:1:16:Test.Spell:'a' is a typo!",
            "a.md:1:31:Test.Spell:'and' is a typo!",
            "a.md:1:43:Test.Spell:'a' is a typo!",
            "a.md:1:45:Test.Spell:'cow' is a typo!");
    }

    [Fact]
    public void Append_adds_the_built_in_dictionary_and_custom_turns_the_default_filters_off()
    {
        using var vale = new ValeRunner()
            .Rule("Spell", "extends: spelling\nmessage: \"'%s'?\"\ndicpath: dics\ndictionaries: [small]\nappend: true\ncustom: true\n")
            .File("styles/dics/small.aff", "SET UTF-8\n")
            .File("styles/dics/small.dic", "1\nDocLint\n")
            .File("a.md", "DocLint checks NASA and FooBaz text.\n");

        vale.Lines().Should().Equal("a.md:1:25:Test.Spell:'FooBaz'?");
    }

    [Fact]
    public void A_dictionary_that_cannot_be_found_is_an_error_of_its_rule()
    {
        using var folder = new DocLint.Testing.TempFolder();
        folder.Write("S/Spell.yml", "extends: spelling\nmessage: x\ndictionaries: [nowhere]\n");

        var set = ValeStyleSet.LoadFolders([Path.Combine(folder.Path, "S")]);

        set.Rules.Should().BeEmpty();
        set.Errors.Should().ContainSingle().Which.Should().Contain("Spell.yml: S.Spell: dictionary 'nowhere' not found: no nowhere.dic and nowhere.aff in");
    }
}
