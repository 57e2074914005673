namespace DocLint.Vale.Tests;

/// <summary>Each Vale rule kind, key by key, as Vale documents it.</summary>
public sealed class KindTests
{
    [Fact]
    public void Existence_matches_whole_words_and_fills_the_message()
    {
        using var vale = new ValeRunner()
            .Rule("Weasel", "extends: existence\nmessage: \"'%s' is vague.\"\nignorecase: true\nlevel: warning\ntokens:\n  - very\n  - quite a few\n")
            .File("a.md", "Very good. Every one. Quite a few\nwords, and avery.\n");
        vale.Lines().Should().Equal("a.md:1:1:Test.Weasel:'Very' is vague.", "a.md:1:23:Test.Weasel:'Quite a few' is vague.");
    }

    [Fact]
    public void Columns_count_a_character_outside_the_basic_plane_once_for_every_finding_of_a_line()
    {
        using var vale = new ValeRunner()
            .Rule("Weasel", "extends: existence\nmessage: \"'%s' is vague.\"\nignorecase: true\ntokens:\n  - very\n")
            .File("a.md", "Very \U0001F600 very \U0001F600\U0001F600 very\nvery \U0001F600 very\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Weasel:'Very' is vague.",
            "a.md:1:8:Test.Weasel:'very' is vague.",
            "a.md:1:16:Test.Weasel:'very' is vague.",
            "a.md:2:1:Test.Weasel:'very' is vague.",
            "a.md:2:8:Test.Weasel:'very' is vague.");
    }

    [Fact]
    public void Existence_is_case_sensitive_unless_asked_and_nonword_drops_boundaries()
    {
        using var vale = new ValeRunner()
            .Rule("Case", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - Foo\n")
            .Rule("Bang", "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '[a-z]+!{2,}'\n")
            .File("a.md", "foo Foo wow!!\n");
        vale.Lines().Should().Equal("a.md:1:5:Test.Case:'Foo'", "a.md:1:9:Test.Bang:'wow!!'");
    }

    [Fact]
    public void Existence_raw_append_and_exceptions()
    {
        using var vale = new ValeRunner()
            .Rule("Raw", "extends: existence\nmessage: \"'%s'\"\nraw:\n  - '\\b[A-Z]{3,}'\n  - '\\b'\nexceptions:\n  - NASA\n")
            .Rule("Append", "extends: existence\nmessage: \"'%s'\"\nappend: true\ntokens:\n  - per\nraw:\n  - '\\s+cent'\n")
            .File("a.md", "The NASA and ESA teams; five per cent.\n");
        vale.Lines().Should().Equal("a.md:1:14:Test.Raw:'ESA'", "a.md:1:30:Test.Append:'per cent'");
    }

    [Fact]
    public void A_rule_file_is_read_with_the_leniency_of_vales_yaml_library()
    {
        // A swap written as a list of one-pair mappings is one mapping; a key given twice keeps its last value; the
        // lines of a quoted description may stand at the margin.
        using var vale = new ValeRunner()
            .Rule("Listed", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  - cauchemard: cauchemar\n  - 'ci devant': ci-devant\n")
            .Rule("Twice", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\ndescription: \"A long\ndescription at the margin.\"\nswap:\n  bottom: end\n  top: start\n  bottom: last\n")
            .File("a.md", "A cauchemard, ci devant. From top to bottom.\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Test.Listed:Use 'cauchemar' instead of 'cauchemard'.",
            "a.md:1:15:Test.Listed:Use 'ci-devant' instead of 'ci devant'.",
            "a.md:1:31:Test.Twice:Use 'start' instead of 'top'.",
            "a.md:1:38:Test.Twice:Use 'last' instead of 'bottom'.");
    }

    [Fact]
    public void A_match_of_no_width_is_reported_at_its_place_with_no_text()
    {
        using var vale = new ValeRunner()
            .Rule("Type", "extends: existence\nmessage: \"Start with a type: '%s'.\"\nlevel: error\nnonword: true\nraw:\n  - '\\A(?!(?:feat|fix)\\b)'\n")
            .Rule("Gap", "extends: existence\nmessage: \"gap after 'a'\"\nnonword: true\nraw:\n  - '(?<=\\ba)(?=\\s)'\n")
            .File("a.md", "# Heading\n\nMake a change\n\nfix: the a bug\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Test.Type:Start with a type: ''.",
            "a.md:3:1:Test.Type:Start with a type: ''.",
            "a.md:3:7:Test.Gap:gap after 'a'",
            "a.md:5:11:Test.Gap:gap after 'a'");
    }

    [Fact]
    public void A_rules_test_cases_beside_it_are_no_rule()
    {
        using var vale = new ValeRunner()
            .Rule("Weasel", "extends: existence\nmessage: \"'%s' is a weasel word.\"\ntokens:\n  - very\n")
            .Rule("Weasel.test", "- text: It is very good.\n  expect: 1\n")
            .File("a.md", "It is very good.\n");
        vale.Lines().Should().Equal("a.md:1:7:Test.Weasel:'very' is a weasel word.");
    }

    [Fact]
    public void Substitution_gives_expected_and_observed_and_skips_what_is_already_right()
    {
        using var vale = new ValeRunner()
            .Rule("Terms", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nlevel: error\nswap:\n  utilize: use\n  '(?:e-mail|email)': email\n  javascript: JavaScript\n")
            .File("a.md", "Utilize e-mail and email in javascript, JavaScript.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Terms:Use 'use' instead of 'Utilize'.",
            "a.md:1:9:Test.Terms:Use 'email' instead of 'e-mail'.",
            "a.md:1:29:Test.Terms:Use 'JavaScript' instead of 'javascript'.");
    }

    [Fact]
    public void Occurrence_writes_the_count_for_its_messages_d()
    {
        using var vale = new ValeRunner()
            .Rule("Short", "extends: occurrence\nmessage: \"Content too short (%d).\"\nscope: raw\nmin: 10\ntoken: \\b(\\w+)\\b\n")
            .Rule("Long", "extends: occurrence\nmessage: \"%d words in a sentence, %s.\"\nscope: sentence\nmax: 3\ntoken: \\b(\\w+)\\b\n")
            .Rule("Missing", "extends: occurrence\nmessage: \"No Introduction (found %d).\"\nscope: heading\nmin: 1\ntoken: Introduction\n")
            .File("a.md", "# First\n\nOne two three four five.\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Test.Missing:No Introduction (found 0).",
            "a.md:1:3:Test.Short:Content too short (6).",
            "a.md:3:1:Test.Long:5 words in a sentence, %s.");
    }

    [Fact]
    public void Occurrence_min_counts_over_the_whole_scope_of_the_file()
    {
        using var vale = new ValeRunner()
            .Rule("Intro", "extends: occurrence\nmessage: No intro\nscope: heading\nmin: 1\ntoken: Introduction\n")
            .Rule("Two", "extends: occurrence\nmessage: Too few\nscope: heading\nmin: 2\ntoken: Introduction\n")
            .File("a.md", "# Introduction\n\n## Second\n\n### Third\n")
            .File("b.md", "# First\n\n## Second\n");
        vale.Lines().Should().Equal("a.md:1:3:Test.Two:Too few", "b.md:1:3:Test.Intro:No intro", "b.md:1:3:Test.Two:Too few");
    }

    [Fact]
    public void Substitution_expands_groups_and_capitalizes_as_the_match_is()
    {
        using var vale = new ValeRunner()
            .Rule("Dir", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nscope: raw\ncapitalize: true\nignorecase: true\naction:\n  name: replace\nswap:\n  'change in(?: )?to the (.*) directory': change to the $1 directory\n  mankind: human kind|humanity\n")
            .File("a.md", "Change into the `/etc` directory.\n\nThen change into the `/tmp` directory for mankind.\n\nMankind.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Dir:Use 'Change to the `/etc` directory' instead of 'Change into the `/etc` directory'.",
            "a.md:3:6:Test.Dir:Use 'change to the `/tmp` directory' instead of 'change into the `/tmp` directory'.",
            "a.md:3:43:Test.Dir:Use 'human kind' or 'humanity' instead of 'mankind'.",
            "a.md:5:1:Test.Dir:Use 'Human kind' or 'Humanity' instead of 'Mankind'.");
    }

    [Fact]
    public void Substitution_tries_longer_keys_first_and_skips_bare_urls()
    {
        using var vale = new ValeRunner()
            .Rule("Mpl", "extends: substitution\nmessage: \"Use '%s' instead of '%s'\"\nignorecase: true\nswap:\n  MPL: MPL\n  MPL[ -]?2(?:\\.0)?: MPL 2.0\n  term: Term\n")
            .File("a.md", "mpl 2.0 and term\n\nhttps://example.com/term and <https://example.com/term>\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Mpl:Use 'MPL 2.0' instead of 'mpl 2.0'",
            "a.md:1:13:Test.Mpl:Use 'Term' instead of 'term'");
    }

    [Fact]
    public void Substitution_with_replace_lists_the_choices_and_fixes_a_single_one()
    {
        using var vale = new ValeRunner()
            .Rule("Choice", "extends: substitution\nmessage: \"Consider using '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  masterful: skilled|authoritative\n  leverage: use\n")
            .File("a.md", "A masterful plan to leverage it.\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Test.Choice:Consider using 'skilled' or 'authoritative' instead of 'masterful'.",
            "a.md:1:21:Test.Choice:Consider using 'use' instead of 'leverage'.");
        vale.Check("--fix").ExitCode.Should().Be(0);
        System.IO.File.ReadAllText(System.IO.Path.Combine(vale.Path, "a.md")).Should().Be("A masterful plan to use it.\n");
    }

    [Fact]
    public void A_replace_fix_changes_the_words_and_keeps_the_spaces_and_commas_the_key_matched_around_them()
    {
        using var vale = new ValeRunner()
            .Rule("Foreign", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\nignorecase: true\naction:\n  name: replace\nswap:\n  '\\b(?:eg|e\\.g\\.)[\\s,]': for example\n  '\\ball of (?!these)': all\n")
            .Rule("Spaces", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\naction:\n  name: replace\nswap:\n  '[ ]{2,}': ' '\n")
            .File("a.md", "Fruit,  e.g. apples, e.g., pears and all of the rest.\n");

        // A match of spaces alone, replaced by a space, is the rule's own business.
        vale.Check("--fix").ExitCode.Should().Be(0);
        System.IO.File.ReadAllText(System.IO.Path.Combine(vale.Path, "a.md")).Should().Be("Fruit, for example apples, for example, pears and all the rest.\n");
    }

    [Fact]
    public void Substitution_with_replace_compares_the_choices_as_text_not_as_patterns()
    {
        // "..." read as a pattern matches ",,,", which would pass for the replacement itself.
        using var vale = new ValeRunner()
            .Rule("Commas", "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nnonword: true\naction:\n  name: replace\nswap:\n  ',{2,}': ',|...'\n")
            .Rule("Color", "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nswap:\n  'colou?rs?': 'colou?r'\n")
            .File("a.md", "Wait,, then wait,,, and colour, color or colors.\n");

        // Without a replace action the value may be a pattern of the accepted forms: 'colour' and 'color' pass.
        vale.Lines().Should().Equal(
            "a.md:1:5:Test.Commas:Use ',' or '...', not ',,'.",
            "a.md:1:17:Test.Commas:Use ',' or '...', not ',,,'.",
            "a.md:1:42:Test.Color:Use 'colou?r', not 'colors'.");
    }

    [Fact]
    public void Substitution_reports_the_match_as_written_and_an_empty_replacement_as_nothing()
    {
        using var vale = new ValeRunner()
            .Rule("Vs", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\nswap:\n  '\\bvs\\s': versus\n")
            .Rule("Drop", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  obviously: ''\n")
            .File("a.md", "Cats vs dogs, obviously.\n");
        vale.Lines().Should().Equal(
            "a.md:1:6:Test.Vs:Use 'versus' instead of 'vs '.",
            "a.md:1:15:Test.Drop:Use  instead of 'obviously'.");
    }

    [Fact]
    public void Substitution_choices_split_at_bars_not_escaped_and_keep_their_spaces()
    {
        using var vale = new ValeRunner()
            .Rule("Pipe", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  either: 'a\\|b| or c'\n")
            .File("a.md", "Take either.\n");
        vale.Lines().Should().Equal("a.md:1:6:Test.Pipe:Use 'a|b' or ' or c' instead of 'either'.");
    }

    [Fact]
    public void Occurrence_counts_inline_code_as_vale_reads_it_and_reports_at_the_first_match_outside_code()
    {
        // Vale reads "`The code here`, then" as 13 '*' and ", then": the heading below has 27 characters.
        using var vale = new ValeRunner()
            .Rule("Long", "extends: occurrence\nmessage: Too long.\nscope: heading\nmax: 16\ntoken: .\n")
            .File("a.md", "## `The code here`, then it ends\n\n## Six and `code`. x\n\n## `Short`, ok\n");
        vale.Lines().Should().Equal("a.md:1:19:Test.Long:Too long.");
    }

    [Fact]
    public void Occurrence_counts_per_scope_and_reports_at_the_first_match()
    {
        using var vale = new ValeRunner()
            .Rule("Commas", "extends: occurrence\nmessage: More than 2 commas!\nscope: sentence\nmax: 2\ntoken: ','\n")
            .File("a.md", "One, two, three. Red, green, blue, and more.\n");
        vale.Lines().Should().Equal("a.md:1:21:Test.Commas:More than 2 commas!");
    }

    [Fact]
    public void Repetition_finds_repeated_words_but_not_across_sentences()
    {
        using var vale = new ValeRunner()
            .Rule("Rep", "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\ntokens:\n  - '[^\\s]+'\n")
            .File("a.md", "This is is it. It ends with that. That is all.\n");
        vale.Lines().Should().Equal("a.md:1:6:Test.Rep:'is' is repeated!");
    }

    [Fact]
    public void Consistency_reports_once_both_spellings_are_in_the_file()
    {
        using var vale = new ValeRunner()
            .Rule("Spelling", "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nignorecase: true\neither:\n  colour: color\n")
            .File("a.md", "The colour.\n\nAnother color here.\n");
        vale.Lines().Should().Equal("a.md:3:9:Test.Spelling:Inconsistent spelling of 'color'.");
    }

    [Fact]
    public void Conditional_needs_a_definition_before_the_acronym()
    {
        using var vale = new ValeRunner()
            .Rule("Acronyms", "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions:\n  - ABC\n")
            .File("a.md", "The World Health Organization (WHO) met. WHO and DAFB and ABC spoke; use `DAFB` as code.\n");
        vale.Lines().Should().Equal("a.md:1:50:Test.Acronyms:'DAFB' has no definition.");
    }

    [Fact]
    public void Capitalization_checks_headings_in_title_and_sentence_case()
    {
        using var vale = new ValeRunner()
            .Rule("Title", "extends: capitalization\nmessage: \"'%s' should be in title case ('%s').\"\nscope: heading.h1\nmatch: $title\n")
            .Rule("Sentence", "extends: capitalization\nmessage: \"'%s' should use sentence-style capitalization.\"\nscope: heading.h2\nmatch: $sentence\nexceptions:\n  - API\n")
            .File("a.md", "# The quick brown fox\n\n# A Guide to the Galaxy\n\n## Using the API Well\n\n## Using the API well\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Test.Title:'The quick brown fox' should be in title case ('The Quick Brown Fox').",
            "a.md:5:4:Test.Sentence:'Using the API Well' should use sentence-style capitalization.");
    }

    [Fact]
    public void Capitalization_lower_upper_and_a_pattern()
    {
        using var vale = new ValeRunner()
            .Rule("Lower", "extends: capitalization\nmessage: \"'%s' should be lower case.\"\nscope: heading\nmatch: $lower\n")
            .Rule("Pattern", "extends: capitalization\nmessage: \"'%s' should start with a verb in -ing.\"\nscope: heading\nmatch: '^\\w+ing\\b'\n")
            .File("a.md", "# installing it\n\n# Setup\n");
        vale.Lines().Should().Equal(
            "a.md:3:3:Test.Lower:'Setup' should be lower case.",
            "a.md:3:3:Test.Pattern:'Setup' should start with a verb in -ing.");
    }

    [Fact]
    public void A_capitalization_rule_that_replaces_without_params_suggests_the_expected_form_and_never_fixes()
    {
        using var vale = new ValeRunner()
            .Rule("Title", "extends: capitalization\nmessage: \"'%s' should be '%s'\"\nscope: heading\nmatch: $title\naction:\n  name: replace\n")
            .File("a.md", "# Writing the best title\n\n## Writing **the** best title\n");
        var json = System.Text.Json.Nodes.JsonNode.Parse(vale.Check("--format", "json", "--relative-paths").Out)!["diagnostics"]!.AsArray();
        json.Select(d => (string?)d!["message"]).Should().Equal(
            "'Writing the best title' should be 'Writing the Best Title'",
            "'Writing the best title' should be 'Writing the Best Title'");
        json[0]!["suggestions"]!.AsArray().Select(n => (string?)n).Should().Equal("Writing the Best Title");
        json[1]!["suggestions"]!.AsArray().Should().BeEmpty("the heading's markup would be lost");
        json.Should().OnlyContain(d => d!["fix"] == null);
    }

    [Fact]
    public void The_built_in_repetition_rule_reads_words_between_spaces_and_sentence_ends_in_any_case()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*]\nBasedOnStyles = Vale\nVale.Spelling = NO\n")
            .File("styles/.keep", "")
            .File("a.md", "It runs on a Personal plan plan. The the end.\n\nA plan. Plan ahead.\n");
        vale.Lines().Should().Equal("a.md:1:23:Vale.Repetition:'plan' is repeated!", "a.md:1:34:Vale.Repetition:'the' is repeated!");
    }

    [Fact]
    public void Metric_evaluates_its_formula_over_the_document()
    {
        using var vale = new ValeRunner()
            .Rule("Words", "extends: metric\nmessage: \"Average sentence length is %s words.\"\nformula: words / sentences\ncondition: '> 4.0'\n")
            .Rule("Headings", "extends: metric\nmessage: \"%s level-2 headings.\"\nformula: heading.h2 + math.abs(0 - 0)\ncondition: '>= 2.0'\n")
            .File("a.md", "# T\n\n## A\n\n## B\n")
            .File("b.md", "One two three four five six seven eight nine ten. Yes.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Headings:2.00 level-2 headings.",
            "b.md:1:1:Test.Words:Average sentence length is 5.50 words.");
    }

    [Fact]
    public void A_scoped_metric_measures_each_unit_and_a_formula_may_count_another_rules_findings()
    {
        using var vale = new ValeRunner()
            .Rule("Long", "extends: metric\nmessage: \"%s words.\"\nscope: paragraph\nformula: words\ncondition: '> 3'\n")
            .Rule("Foo", "extends: existence\nmessage: foo\nlevel: suggestion\ntokens:\n  - foo\n")
            .Rule("Many", "extends: metric\nmessage: \"%s foos.\"\nformula: check[\"Test.Foo\"] * 1\ncondition: '> 1'\n")
            .File("a.md", "# A heading of five words\n\nShort one.\n\n- A list item of words.\n\nA foo paragraph of six foo.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Test.Many:2.00 foos.",
            "a.md:7:1:Test.Long:6.00 words.",
            "a.md:7:3:Test.Foo:foo",
            "a.md:7:24:Test.Foo:foo");
    }

    [Fact]
    public void Metrics_that_count_each_other_end_and_a_rule_turned_off_counts_nothing()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*]\nBasedOnStyles = Test\nTest.Off = NO\n")
            .Rule("A", "extends: metric\nmessage: \"A %s\"\nformula: check[\"Test.B\"] + 1\ncondition: '> 0'\n")
            .Rule("B", "extends: metric\nmessage: \"B %s\"\nformula: check[\"Test.A\"] + 1\ncondition: '> 0'\n")
            .Rule("Off", "extends: existence\nmessage: off\ntokens:\n  - word\n")
            .Rule("C", "extends: metric\nmessage: \"C %s\"\nformula: check[\"Test.Off\"]\ncondition: '> 0'\n")
            .File("a.md", "A word.\n");
        vale.Lines().Should().Equal("a.md:1:1:Test.A:A 2.00", "a.md:1:1:Test.B:B 2.00");
    }

    [Fact]
    public void Readability_averages_its_metrics_against_the_grade()
    {
        using var vale = new ValeRunner()
            .Rule("Grade", "extends: readability\nmessage: \"Grade level (%s) too high.\"\ngrade: 8\nmetrics:\n  - Flesch-Kincaid\n  - Automated Readability\n")
            .File("hard.md", "Notwithstanding considerable organizational unpredictability, interdepartmental communication necessitates comprehensive institutionalization of standardized administrative documentation procedures.\n")
            .File("easy.md", "The cat sat. It was fun. We ran home.\n");
        var lines = vale.Lines();
        lines.Should().ContainSingle().Which.Should().StartWith("hard.md:1:1:Test.Grade:Grade level (");
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("syllable", 3)]
    [InlineData("readability", 5)]
    [InlineData("made", 1)]
    public void Syllables_are_counted_by_vowel_groups(string word, int syllables) =>
        DocLint.Core.Vale.DocumentStatistics.CountSyllables(word).Should().Be(syllables);

    [Fact]
    public void Limit_caps_the_findings_per_file_and_levels_map_to_severities()
    {
        using var vale = new ValeRunner()
            .Rule("Two", "extends: existence\nmessage: \"'%s'\"\nlevel: error\nlimit: 2\ntokens:\n  - x\n")
            .File("a.md", "x x x x\n");
        vale.Lines().Should().Equal("a.md:1:1:Test.Two:'x'", "a.md:1:3:Test.Two:'x'");
        var msbuild = vale.Check("--format", "msbuild", "--relative-paths");
        msbuild.Out.Should().Contain("a.md(1,1,1,2): error Test.Two: 'x'");
        msbuild.ExitCode.Should().Be(1);
    }
}
