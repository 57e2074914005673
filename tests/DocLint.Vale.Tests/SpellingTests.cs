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
    public void Table_entries_that_are_numbers_are_entries_not_counts()
    {
        // FLAG num: an alias of one flag is a number, like the table's count line before it.
        var aliases = Read("FLAG num\nAF 2\nAF 101\nAF 102\nSFX 101 Y 1\nSFX 101 0 s .\nSFX 102 Y 1\nSFX 102 0 ing .\n", "2\nwalk/1\ntalk/2\n");
        aliases.Contains("walks").Should().BeTrue();
        aliases.Contains("talking").Should().BeTrue();
        aliases.Contains("walking").Should().BeFalse();

        var compounds = Read("COMPOUNDRULE 1\nCOMPOUNDRULE 12\n", "2\nfoo/1\nbar/2\n");
        compounds.IsCompound("foobar").Should().BeTrue();
        compounds.IsCompound("barfoo").Should().BeFalse();
    }

    [Fact]
    public void A_forbidden_word_is_no_word_even_when_affixes_would_make_it()
    {
        var hunspell = Read("FORBIDDENWORD !\nSFX D Y 1\nSFX D 0 ed .\n", "3\nwalk/D\nwalked/!\ntalk/D\n");

        hunspell.Contains("walked").Should().BeFalse();
        hunspell.Contains("talked").Should().BeTrue();
        hunspell.Contains("walk").Should().BeTrue();
    }

    [Fact]
    public void Morphological_fields_after_a_space_or_a_tab_are_not_flags()
    {
        var hunspell = Read("SFX S Y 1\nSFX S 0 s .\nSFX o Y 1\nSFX o 0 ed .\n", "2\nwalk/S po:verb\ntalk/S\tpo:verb\n");

        hunspell.Contains("walks").Should().BeTrue();
        hunspell.Contains("walked").Should().BeFalse("'po:verb' is a morphological field, not the flags p, o, v…");
        hunspell.Contains("talks").Should().BeTrue();
        hunspell.Contains("talked").Should().BeFalse();
    }

    [Fact]
    public void Encodings_byte_order_marks_numeric_flags_and_long_stems_are_read_as_hunspell_reads_them()
    {
        Read("\uFEFFFLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n", "\uFEFF1\nwalk/Aa\n").Contains("walks").Should().BeTrue("a byte order mark is not part of the first line");
        Read("FLAG num\nSFX 7 Y 1\nSFX 7 0 s .\n", "1\nwalk/07\n").Contains("walks").Should().BeTrue("07 is flag 7");

        var longStem = new string('x', 120);
        Read("SET UTF-8\n", "1\n" + longStem + "\n").Contains(longStem).Should().BeTrue();

        var latin1 = Hunspell.Read(new MemoryStream(Encoding.Latin1.GetBytes("SET ISO8859-1\n")), new MemoryStream(Encoding.Latin1.GetBytes("1\ncafé\n")), "latin");
        latin1.Contains("café").Should().BeTrue();

        var other = () => Read("# a comment\nSET ISO8859-15\n", "1\ncafe\n");
        other.Should().Throw<FormatException>().WithMessage("test.aff:2: SET ISO8859-15 is not read (UTF-8 and ISO8859-1 are): convert the dictionary to UTF-8");

        var noCount = () => Read("SET UTF-8\n", "walk\ntalk\n");
        noCount.Should().Throw<FormatException>().WithMessage("test.dic:1: the first line must be the number of words");
    }

    [Fact]
    public void With_a_prefix_and_a_suffix_both_conditions_are_the_roots()
    {
        // The suffix's condition "ab" is met by the prefixed stem "ab" of "abs" but not by its root "b".
        var aff = "PFX P Y 1\nPFX P 0 a .\nSFX S Y 1\nSFX S 0 s ab\n";

        Read(aff, "1\nb/PS\n").Contains("abs").Should().BeFalse();
        Read(aff, "1\nab/PS\n").Contains("aabs").Should().BeTrue();
        Read(aff, "1\nab/PS\n").Contains("abs").Should().BeTrue();
    }

    [Fact]
    public void A_condition_on_a_character_outside_the_basic_plane_compares_it_whole()
    {
        var hunspell = Read("PFX P Y 1\nPFX P 0 re [𝐀]b\nSFX S Y 1\nSFX S 0 s 𝐁\n", "3\n𝐀b/P\nCb/P\nx𝐁/S\n");

        hunspell.Contains("re𝐀b").Should().BeTrue();
        hunspell.Contains("reCb").Should().BeFalse();
        hunspell.Contains("x𝐁s").Should().BeTrue();
    }

    [Fact]
    public void Compounds_of_words_that_prefix_each_other_are_matched_without_backtracking()
    {
        var hunspell = Read("COMPOUNDRULE 1\nCOMPOUNDRULE A*B\n", "3\na/A\naa/A\nb/B\n");

        hunspell.IsCompound(new string('a', 61) + "ba").Should().BeFalse();
        hunspell.IsCompound(new string('a', 61) + "b").Should().BeTrue();
    }

    [Fact]
    public void A_long_piece_is_cut_in_one_pass()
    {
        // "a.a.….a." followed by closing brackets: the brackets go one by one, then the abbreviation stays whole.
        var text = string.Concat(Enumerable.Repeat("a.", 100_000)) + new string(')', 100_000);

        ValeWords.Of(text).Should().Equal((0, 200_000));
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

    [Fact]
    public void Suggestions_come_in_hunspells_order_keep_the_words_case_and_never_offer_a_nosuggest_word()
    {
        var checker = new SpellChecker([], english: true);

        checker.Suggest("recieve").Should().Equal("receive", "relieve");
        checker.Suggest("Recieve").Should().Equal("Receive", "Relieve");
        checker.Suggest("paris")[0].Should().Be("Paris", "the word in another case comes first");
        checker.Suggest("alot")[0].Should().Be("a lot");
        checker.Suggest("definately").Should().Equal("definitely");
        checker.Suggest("teh").Should().HaveCount(5).And.StartWith("the");

        var small = new SpellChecker([Read("NOSUGGEST !\nTRY ohsit\n", "3\nshot\nshoot\nshit/!\n")]);
        small.Spell("shit").Should().BeTrue("NOSUGGEST keeps a word from suggestions, not from the dictionary");
        // A character left out comes before one replaced, as in Hunspell.
        small.Suggest("shiot").Should().Equal("shot", "shoot");
    }

    [Fact]
    public void Suggestions_find_a_capitalised_word_check_every_part_and_keep_whole_characters()
    {
        var checker = new SpellChecker([], english: true);
        checker.Suggest("Pariss").Should().Contain("Paris");
        checker.Suggest("pariss").Should().NotContain("paris").And.NotContain("Paris", "a word in lower case is checked as written");
        checker.Suggest("recieve", limit: 1).Should().Equal("receive");
        checker.Suggest("recieve").Should().Equal("receive", "relieve");

        // A REP pair that writes a space offers words that each are words; edits replace whole characters.
        var small = new SpellChecker([Read("REP 2\nREP ab a_b\nREP cd c_d\nTRY x\U0001F600\n", "5\nxa\nxb\nxc\ndx\n\U0001F600x\n")]);
        small.Suggest("xcdx").Should().Equal("xc dx");
        small.Suggest("xab").Should().Equal("xb", "xa");
        small.Suggest("\U0001F601x").Should().Equal("\U0001F600x");
        small.Suggest("\U0001F600").Should().Equal("\U0001F600x");
    }

    [Fact]
    public void A_suggestion_keeps_the_words_curly_apostrophe_and_a_quoted_misspelling_offers_none()
    {
        using var vale = new ValeRunner("StylesPath = styles\n\n[*]\nBasedOnStyles = Vale\n")
            .File("styles/.keep", "")
            .File("a.md", "We dont’t know. She said: \"we recieve it.\"\n");

        var json = System.Text.Json.Nodes.JsonNode.Parse(vale.Check("--format", "json", "--relative-paths").Out)!;
        var findings = json["diagnostics"]!.AsArray();
        findings.Select(f => (string?)f!["matchedText"]).Should().Equal("dont’t", "recieve");
        findings[0]!["suggestions"]!.AsArray().Select(n => (string?)n).Should().Contain("don’t").And.NotContain("don't");
        findings[1]!["suggestions"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Json_output_carries_a_misspellings_suggestions_and_the_line_format_is_unchanged()
    {
        using var vale = new ValeRunner("StylesPath = styles\n\n[*]\nBasedOnStyles = Vale\n")
            .File("styles/.keep", "")
            .File("a.md", "We recieve it.\n");

        var json = System.Text.Json.Nodes.JsonNode.Parse(vale.Check("--format", "json", "--relative-paths").Out)!;
        var finding = json["diagnostics"]![0]!;
        ((string?)finding["id"]).Should().Be("Vale.Spelling");
        finding["suggestions"]!.AsArray().Select(n => (string?)n).Should().Equal("receive", "relieve");
        vale.Lines().Should().Equal("a.md:1:4:Vale.Spelling:Did you really mean 'recieve'?");
    }

    [Theory]
    [InlineData("The (quick) \"brown\" fox's tail, e.g. U.S. Mr. and $5.", "The|quick|brown|fox's|tail|e.g.|U.S.|Mr.|and")]
    [InlineData("'Tis ‘quoted’ — “double” [x]!?", "Tis|quoted|double|x")]
    [InlineData("a-b c_d 123 *** don't.", "a-b|c_d|don't")]
    [InlineData("Call hasChildren() or f(x).", "Call|hasChildren|or|f(x")]
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
    public void A_word_not_found_is_looked_up_in_pieces_at_the_dictionarys_break_points()
    {
        var defaults = new SpellChecker([Read("SET UTF-8\n", "2\nice\ncream\n")]);
        defaults.Spell("ice-cream").Should().BeTrue("without BREAK, '-' splits a word");
        defaults.Spell("-ice").Should().BeTrue();
        defaults.Spell("cream-").Should().BeTrue();
        defaults.Spell("ice-cone").Should().BeFalse("every piece must be spelled right");
        defaults.Spell("ice-cream-ice").Should().BeTrue();

        var own = new SpellChecker([Read("BREAK 1\nBREAK _\n", "2\nice\ncream\n")]);
        own.Spell("ice_cream").Should().BeTrue();
        own.Spell("ice-cream").Should().BeFalse("a BREAK table replaces the default");
        new SpellChecker([Read("BREAK 0\n", "2\nice\ncream\n")]).Spell("ice-cream").Should().BeFalse("BREAK 0 turns splitting off");

        // Each piece is looked up once, however many dictionaries and ways to split there are.
        var two = new SpellChecker([Read("SET UTF-8\n", "1\nice\n"), Read("SET UTF-8\n", "1\ncream\n")]);
        two.Spell(string.Join('-', Enumerable.Repeat("ice", 4)) + "-cream-" + string.Join('-', Enumerable.Repeat("ice", 4))).Should().BeTrue();
        two.Spell(string.Join('-', Enumerable.Repeat("ice", 4)) + "-creme-" + string.Join('-', Enumerable.Repeat("ice", 4))).Should().BeFalse();

        using var vale = new ValeRunner()
            .Rule("Spell", "extends: spelling\nmessage: \"'%s'?\"\ndicpath: dics\ndictionaries: [small]\ncustom: true\n")
            .File("styles/dics/small.aff", "SET UTF-8\nBREAK 1\nBREAK -\n")
            .File("styles/dics/small.dic", "2\nice\ncream\n")
            .File("a.md", "ice-cream\n\nice-cone\n");
        vale.Lines().Should().Equal("a.md:3:1:Test.Spell:'ice-cone'?");
    }

    [Fact]
    public void Dictionary_and_ignore_files_that_cannot_be_read_are_errors_of_their_rules_and_the_run_goes_on()
    {
        using var folder = new DocLint.Testing.TempFolder();
        folder.Write("S/MissingDic.yml", "extends: spelling\nmessage: x\naff: words.aff\ndic: nowhere.dic\n");
        folder.Write("S/OnlyAff.yml", "extends: spelling\nmessage: x\naff: words.aff\n");
        folder.Write("S/BrokenAff.yml", "extends: spelling\nmessage: x\naff: broken.aff\ndic: words.dic\n");
        folder.Write("S/BigIgnore.yml", "extends: spelling\nmessage: x\nignore: big.txt\n");
        folder.Write("S/Good.yml", "extends: spelling\nmessage: x\naff: words.aff\ndic: words.dic\n");
        folder.Write("words.aff", "SET UTF-8\n");
        folder.Write("words.dic", "1\nword\n");
        folder.Write("broken.aff", "SET UTF-8\nSFX D 0 d e\n");
        folder.Write("big.txt", new string('x', 5 << 20));

        var set = ValeStyleSet.LoadFolders([Path.Combine(folder.Path, "S")]);

        set.Rules.Select(r => r.Id).Should().Equal("S.Good");
        set.Errors.Should().HaveCount(4);
        set.Errors.Should().Contain(e => e.Contains("MissingDic.yml: S.MissingDic: dictionary file 'nowhere.dic' not found", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("OnlyAff.yml: S.OnlyAff: 'aff' and 'dic' name a dictionary together: give both", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("BrokenAff.yml: S.BrokenAff: " + Path.Combine(folder.Path, "broken.aff") + ":2: 'D' has no header line", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("BigIgnore.yml: S.BigIgnore: cannot read an ignore file:", StringComparison.Ordinal) && e.Contains("more than the limit", StringComparison.Ordinal));
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
