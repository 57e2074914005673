namespace DocLint.Vale.Tests;

/// <summary>.vale.ini keys, vocabularies, and what DocLint adds to Vale rules (precedence, formats, severities, directives).</summary>
public sealed class ConfigurationTests
{
    private const string Rule = "extends: existence\nmessage: \"'%s'\"\nlevel: warning\ntokens:\n  - word\n";

    [Fact]
    public void Stats_charge_building_the_vale_document_and_its_units_to_shared_work_not_to_the_first_rule()
    {
        using var vale = new ValeRunner()
            .Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nscope: paragraph\ntokens:\n  - simply\n")
            .Rule("Heads", "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nscope: heading\ntokens:\n  - easy\n")
            .File("a.md", "# An easy start\n\nIt is simply done.\n")
            .File("b.md", "# Another\n\nSimply so.\n");

        var result = vale.Check("--format", "line", "--stats");

        var rows = result.Error.Split('\n').SkipWhile(l => !l.StartsWith("time (ms)", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("memory:", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^ *[0-9]+\.[0-9] +[0-9]+\.[0-9] % +([0-9]+)  (.+)$"))
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

        // Each file's Vale document is built once, and its units once per scope (paragraph, heading), whichever rule asks first.
        rows.Should().Equal(new Dictionary<string, string>
        {
            ["(reading)"] = "2",
            ["(Vale document)"] = "2",
            ["(Vale units)"] = "4",
            ["Test.Word"] = "2",
            ["Test.Heads"] = "2",
        }, result.Error);
    }

    [Fact]
    public void Sections_choose_styles_and_levels_per_file_and_min_alert_level_filters()
    {
        using var vale = new ValeRunner("StylesPath = styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = Test\nTest.Low = suggestion\n\n[docs/*.md]\nTest.Word = error\n\n[*.txt]\nTest.Word = YES\n")
            .Rule("Word", Rule)
            .Rule("Low", "extends: existence\nmessage: low\nlevel: error\ntokens:\n  - word\n")
            .File("a.md", "A word.\n")
            .File("docs/b.md", "A word.\n")
            .File("c.txt", "A word.\n")
            .File("d.html", "<p>A word.</p>\n");
        vale.Lines().Should().Equal("a.md:1:3:Test.Word:'word'", "c.txt:1:3:Test.Word:'word'", "docs/b.md:1:3:Test.Word:'word'");
        vale.Check("--format", "msbuild", "--relative-paths").Out.Should().Contain("b.md(1,3,1,7): error Test.Word").And.Contain("a.md(1,3,1,7): warning Test.Word");
    }

    [Fact]
    public void A_level_given_to_a_style_covers_its_rules_and_a_rules_own_setting_wins()
    {
        using var vale = new ValeRunner("StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Test\nTest = suggestion\nTest.Low = error\n")
            .Rule("Word", Rule)
            .Rule("Low", "extends: existence\nmessage: low\nlevel: warning\ntokens:\n  - word\n")
            .File("a.md", "A word.\n");
        vale.Check("--format", "msbuild", "--relative-paths").Out.Should()
            .Contain("a.md(1,3,1,7): error Test.Low").And.Contain("a.md(1,3,1,7): info Test.Word");
    }

    [Fact]
    public void A_rule_set_to_no_is_off()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*]\nBasedOnStyles = Test\nTest.Word = NO\n")
            .Rule("Word", Rule)
            .File("a.md", "A word.\n");
        vale.Lines().Should().BeEmpty();
    }

    [Fact]
    public void A_rule_key_that_names_no_rule_is_noted_at_its_line()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*]\nBasedOnStyles = Test\nTest.Wrod = YES\nTest.Gone = NO\n")
            .Rule("Word", Rule)
            .File("a.md", "A word.\n");
        var result = vale.Check();
        result.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
        result.Error.Should().Contain(".vale.ini:4: 'Test.Wrod' names no rule of style 'Test'; it is ignored").And.NotContain("Test.Gone");
    }

    [Fact]
    public void Vocabularies_accept_and_reject()
    {
        using var vale = new ValeRunner("StylesPath = styles\nVocab = Docs\n[*]\nBasedOnStyles = Vale, Test\n")
            .Rule("Caps", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - '[A-Z][a-z]+[A-Z]\\w*'\n")
            .File("styles/config/vocabularies/Docs/accept.txt", "DocLint\nJavaScript\n")
            .File("styles/config/vocabularies/Docs/reject.txt", "simply\n")
            .File("a.md", "DocLint runs Javascript, JavaScript and simply TypeScript.\n");
        vale.Lines().Should().Equal(
            "a.md:1:14:Vale.Terms:Use 'JavaScript' instead of 'Javascript'.",
            "a.md:1:41:Vale.Avoid:Avoid using 'simply'.",
            "a.md:1:48:Test.Caps:'TypeScript'");
    }

    [Fact]
    public void An_accepted_term_written_as_a_pattern_accepts_what_it_matches_and_is_never_written_as_a_fix()
    {
        using var vale = new ValeRunner("StylesPath = styles\nVocab = Docs\n[*]\nBasedOnStyles = Vale\nVale.Spelling = NO\n")
            .File("styles/config/vocabularies/Docs/accept.txt", "[pP]y.*\\b\n[Oo]bservability\n")
            .File("a.md", "I use Pyyaml and pyjson.\n\nSome oBservability.\n");
        vale.Lines().Should().Equal("a.md:3:6:Vale.Terms:Use '[Oo]bservability' instead of 'oBservability'.");
        var json = System.Text.Json.Nodes.JsonNode.Parse(vale.Check("--format", "json", "--relative-paths").Out)!["diagnostics"]!.AsArray();
        json.Should().ContainSingle().Which!["fix"].Should().BeNull("a pattern is not text to write");
    }

    [Fact]
    public void A_longer_accepted_term_wins_over_a_shorter_one()
    {
        using var vale = new ValeRunner("StylesPath = styles\nVocab = Docs\n[*]\nBasedOnStyles = Vale\n")
            .File("styles/config/vocabularies/Docs/accept.txt", "MyProduct\nMyProduct Enterprise\n")
            .File("a.md", "Myproduct enterprise and myproduct.\n");
        vale.Lines().Should().Equal(
            "a.md:1:1:Vale.Terms:Use 'MyProduct Enterprise' instead of 'Myproduct enterprise'.",
            "a.md:1:26:Vale.Terms:Use 'MyProduct' instead of 'myproduct'.");
    }

    [Fact]
    public void Of_two_vocabularies_that_differ_on_a_terms_case_the_later_one_wins()
    {
        using var vale = new ValeRunner("StylesPath = styles\nVocab = First, Second\n[*]\nBasedOnStyles = Vale\n")
            .File("styles/config/vocabularies/First/accept.txt", "definately\nGitLab\n")
            .File("styles/config/vocabularies/Second/accept.txt", "Definately\n")
            .File("a.md", "I definately said so.\n\nDefinately, on gitlab.\n");
        vale.Lines().Should().Equal(
            "a.md:1:3:Vale.Terms:Use 'Definately' instead of 'definately'.",
            "a.md:3:16:Vale.Terms:Use 'GitLab' instead of 'gitlab'.");
    }

    [Fact]
    public void Token_and_block_ignores_leave_text_out()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*.md]\nBasedOnStyles = Test\nTokenIgnores = (\\$[^$]+\\$)\nBlockIgnores = (?s)(\\{%.*?%\\})\n")
            .Rule("Word", Rule)
            .File("a.md", "A $word$ and word.\n\n{% word\nword %}\n");
        vale.Lines().Should().Equal("a.md:1:14:Test.Word:'word'");
    }

    [Fact]
    public void An_escaped_comma_in_an_ignore_pattern_is_part_of_the_pattern()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*.md]\nBasedOnStyles = Test\nTokenIgnores = \\b[a-z]{2\\,}word\\b, (<x[^>]*>)\n")
            .Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nnonword: true\ntokens:\n  - word\n")
            .File("a.md", "An abword and a word <x word>.\n");
        vale.Lines().Should().Equal("a.md:1:17:Test.Word:'word'");
    }

    [Fact]
    public void Ignore_patterns_is_block_ignores_old_name_and_only_the_keys_still_unread_are_noted()
    {
        using var vale = new ValeRunner("StylesPath = styles\nIgnoredClasses = hidden\nLang = en\n[*.md]\nBasedOnStyles = Test\nIgnorePatterns = (?s)(\\{%.*?%\\})\n")
            .Rule("Word", Rule)
            .File("a.md", "A word.\n\n{% word\nword %}\n");
        var result = vale.Check();
        result.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
        result.Error.Should().Contain("'Lang' is not supported and is ignored").And.NotContain("IgnoredClasses");
    }

    [Fact]
    public void Formats_map_an_extension_to_markdown_html_or_plain_text_and_the_walk_takes_those_files()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[formats]\nmdoc = md\nweb = html\nrest = rst\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", Rule)
            .File("a.mdoc", "A `word` and word.\n")
            .File("b.web", "<p>A <code>word</code> and word.</p>\n")
            .File("c.rest", "A word.\n");
        var result = vale.Check();
        result.Out.Should().Be("a.mdoc:1:14:Test.Word:'word'\nb.web:1:28:Test.Word:'word'\n");
        result.Error.Should().Contain(".vale.ini:5: [formats] rest = rst: DocLint reads Markdown, HTML and plain text only; '.rest' files are read by their extension");
    }

    [Fact]
    public void The_mcp_lint_files_tool_walks_the_files_the_formats_name_as_check_does()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[formats]\nmdoc = md\n[*]\nBasedOnStyles = Test\n")
            .Rule("Word", Rule)
            .File("a.mdoc", "A `word` and word.\n")
            .File("b.md", "One word.\n")
            .File("c.rest", "A word.\n");

        var result = new DocLint.Cli.Mcp.DocLintTools(vale.Path).LintFiles(["."]);

        result.Error.Should().BeNull();
        result.Json!["summary"]!["files"]!.GetValue<int>().Should().Be(2);
        result.Json["diagnostics"]!.AsArray().Select(d => $"{d!["path"]} {d["id"]} {d["span"]!["startColumn"]}").Should().Equal("a.mdoc Test.Word 14", "b.md Test.Word 5");
    }

    [Theory]
    [InlineData("_vale")]
    [InlineData(".vale")]
    [InlineData("_vale.ini")]
    [InlineData("vale.ini")]
    public void Vales_other_config_names_are_found_upwards(string name)
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("sub/a.md", "A word. The plan was slammed by critics.\n");
        File.Move(Path.Combine(vale.Path, ".vale.ini"), Path.Combine(vale.Path, name));
        var result = DocLint.Cli.Tests.CliRunner.Run(Path.Combine(vale.Path, "sub"), "check", "--format", "line", "--relative-paths", ".");
        result.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Fact]
    public void Keys_read_but_not_acted_on_are_named_once_on_standard_error()
    {
        using var vale = new ValeRunner("StylesPath = styles\n\n[*.md]\nBasedOnStyles = Test\nTransform = a.xsl\n\n[*.yml]\nView = OpenAPI\n").Rule("Word", Rule).File("a.md", "A word.\n");
        var result = vale.Check("--format", "line", "--relative-paths");
        result.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
        result.Error.Should().Contain("'Transform' is not supported and is ignored").And.Contain("'View' is not supported and is ignored");
    }

    [Fact]
    public void A_folder_named_as_a_config_is_passed_over_for_the_file_beside_it()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("a.md", "A word. The plan was slammed by critics.\n").File(".vale/styles/readme.txt", "Styles live here.\n");
        vale.Check("--format", "line", "--relative-paths", "a.md").Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Fact]
    public void Vale_config_path_stands_in_for_the_search_and_vale_styles_path_for_styles_path()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("docs/a.md", "A word. The plan was slammed by critics.\n");
        var docs = Path.Combine(vale.Path, "docs");
        Directory.Move(Path.Combine(vale.Path, "styles"), Path.Combine(vale.Path, "elsewhere"));
        File.Move(Path.Combine(vale.Path, ".vale.ini"), Path.Combine(vale.Path, "ci.ini"));
        string[] args = ["check", "--format", "line", "--relative-paths", "."];

        // Without the variables, no .vale.ini governs docs/: DocLint's own packs run, and the word is no finding of theirs.
        DocLint.Cli.Tests.CliRunner.Run(docs, args).Out.Should().NotContain("Test.Word");

        // The configuration found, but its StylesPath now names a missing folder: the style is not there.
        var configOnly = DocLint.Cli.Tests.CliRunner.Run(docs, new Dictionary<string, string> { ["VALE_CONFIG_PATH"] = "../ci.ini" }, args);
        configOnly.ExitCode.Should().Be(2);
        (configOnly.Out + configOnly.Error).Should().Contain("ci.ini: style 'Test' not found in the StylesPath (" + Path.Combine(vale.Path, "styles") + ")");

        var both = DocLint.Cli.Tests.CliRunner.Run(docs, new Dictionary<string, string> { ["VALE_CONFIG_PATH"] = "../ci.ini", ["VALE_STYLES_PATH"] = "../elsewhere" }, args);
        both.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");

        // A doclint.yaml governs where it stands: the variable does not turn Vale's styles on there.
        File.WriteAllText(Path.Combine(docs, "doclint.yaml"), "severity: {}\n");
        DocLint.Cli.Tests.CliRunner.Run(docs, new Dictionary<string, string> { ["VALE_CONFIG_PATH"] = "../ci.ini", ["VALE_STYLES_PATH"] = "../elsewhere" }, args)
            .Out.Should().NotContain("Test.Word");
    }

    [Theory]
    [InlineData(".vale")]
    [InlineData("_vale")]
    [InlineData("house-style")]
    public void Config_given_an_ini_file_by_name_or_content_loads_it_as_vale(string name)
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("a.md", "A word. The plan was slammed by critics.\n");
        File.Move(Path.Combine(vale.Path, ".vale.ini"), Path.Combine(vale.Path, name));
        vale.Check("--format", "line", "--relative-paths", "--config", name).Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Theory]
    [InlineData("StylesPath = styles\n", true)]
    [InlineData("# comment\n[*.md]\nBasedOnStyles = Vale\n", true)]
    [InlineData("severity:\n  DL1001: error\n", false)]
    [InlineData("vale: .vale.ini # a = b\n", false)]
    public void Ini_content_is_told_from_yaml(string text, bool ini) =>
        DocLint.Core.Vale.ValeIni.LooksLikeIni(text).Should().Be(ini);

    [Fact]
    public void The_ini_is_found_upwards_when_there_is_no_doclint_yaml_and_builtin_packs_stay_off()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("sub/a.md", "A word. The plan was slammed by critics.\n");
        var result = DocLint.Cli.Tests.CliRunner.Run(Path.Combine(vale.Path, "sub"), "check", "--format", "line", "--relative-paths", ".");
        result.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Fact]
    public void Doclint_yaml_wins_and_may_name_the_ini_and_the_builtin_packs()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("a.md", "A word.\n");
        vale.File("doclint.yaml", "severity:\n  DL3001: none\n");
        vale.Lines().Should().NotContain(l => l.Contains("Test.Word", StringComparison.Ordinal), "a doclint.yaml without 'vale' does not use the .vale.ini");

        vale.File("doclint.yaml", "vale: .vale.ini\nseverity:\n  Test.Word: error\n");
        var result = vale.Check("--format", "msbuild", "--relative-paths");
        result.Out.Should().Be("a.md(1,3,1,7): error Test.Word: 'word'\n");

        vale.File("doclint.yaml", "vale: .vale.ini\ndefaultRules: true\n");
        DocLint.Cli.Tests.CliRunner.Run(vale.Path, "rules", "list").Out.Should().Contain("Test.Word").And.Contain("DL1001");
    }

    [Fact]
    public void Rules_list_names_each_vale_rules_own_kind_in_aligned_columns()
    {
        using var vale = new ValeRunner()
            .Rule("Word", Rule)
            .Rule("Acronyms", "extends: conditional\nmessage: \"'%s' has no definition.\"\nlevel: warning\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n");
        DocLint.Cli.Tests.CliRunner.Run(vale.Path, "rules", "list").Out.Should().Be(
            "Test.Acronyms  warning     conditional   Test.Acronyms\n" +
            "Test.Word      warning     existence     Test.Word\n");

        var explained = DocLint.Cli.Tests.CliRunner.Run(vale.Path, "rules", "explain", "test.acronyms");
        explained.ExitCode.Should().Be(0, "an id is found as typed, in any case");
        explained.Out.Should().StartWith("# Test.Acronyms");
    }

    [Fact]
    public void Config_option_takes_a_vale_ini()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("a.md", "A word.\n");
        File.Move(Path.Combine(vale.Path, ".vale.ini"), Path.Combine(vale.Path, "other.ini"));
        vale.Lines().Should().NotContain(l => l.Contains("Test.Word", StringComparison.Ordinal));
        DocLint.Cli.Tests.CliRunner.Run(vale.Path, "check", "--config", "other.ini", "--format", "line", "--relative-paths", ".").Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Fact]
    public void A_missing_style_stops_the_run()
    {
        using var vale = new ValeRunner("StylesPath = styles\n[*]\nBasedOnStyles = Nowhere\n").File("a.md", "A word.\n");
        var result = vale.Check();
        result.ExitCode.Should().Be(2);

        // As Vale's line output, standard output holds findings only: the error is on standard error, with its place.
        result.Out.Should().BeEmpty();
        result.Error.Should().StartWith(".vale.ini:1:1:DL0001:").And.Contain("style 'Nowhere' not found in the StylesPath");

        // Other formats print it with the findings.
        vale.Check("--format", "msbuild").Out.Should().Contain("error DL0001:").And.Contain("style 'Nowhere' not found in the StylesPath");
    }

    [Fact]
    public void Editorconfig_severities_and_directives_take_vale_names()
    {
        using var vale = new ValeRunner().Rule("Word", Rule)
            .File(".editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.Test.Word.severity = error\n")
            .File("a.md", "A word.\n\nAnother word. <!-- doclint-disable-line Test.Word -->\n");
        vale.Check("--format", "msbuild", "--relative-paths").Out.Should().Be("a.md(1,3,1,7): error Test.Word: 'word'\n");
    }

    [Fact]
    public void Sarif_and_json_keep_the_vale_name_and_link()
    {
        using var vale = new ValeRunner().Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlink: https://example.com/word\ntokens:\n  - word\n").File("a.md", "A word.\n");
        var sarif = vale.Check("--format", "sarif");
        sarif.Out.Should().Contain("\"ruleId\": \"Test.Word\"").And.Contain("\"helpUri\": \"https://example.com/word\"");
        var json = vale.Check("--format", "json");
        json.Out.Should().Contain("\"Test.Word\"");
    }

    [Fact]
    public void A_vale_rule_without_a_link_gets_no_help_link_to_doclints_documentation()
    {
        using var vale = new ValeRunner().Rule("Word", Rule).File("a.md", "A word.\n");
        var sarif = System.Text.Json.Nodes.JsonNode.Parse(vale.Check("--format", "sarif").Out)!;
        var rule = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "Test.Word")!.AsObject();
        rule.ContainsKey("helpUri").Should().BeFalse();
        rule.ContainsKey("name").Should().BeFalse("SARIF asks for no name that repeats the id");
        rule["help"]!["markdown"]!.GetValue<string>().Should().NotContain("[Documentation]");
        vale.Check("--format", "pretty").Out.Should().Contain("Test.Word").And.NotContain("help:");
    }

    [Fact]
    public void Baselines_accept_vale_findings()
    {
        using var vale = new ValeRunner().Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens:\n  - word\n").File("a.md", "A word.\n");
        DocLint.Cli.Tests.CliRunner.Run(vale.Path, "baseline", "create", "--output", "doclint-baseline.json", ".").ExitCode.Should().Be(0);
        var baselined = DocLint.Cli.Tests.CliRunner.Run(vale.Path, "check", "--baseline", "doclint-baseline.json", "--format", "line", ".");
        baselined.ExitCode.Should().Be(0);
        baselined.Out.Should().BeEmpty();
    }

    [Fact]
    public void Vales_glob_flag_selects_or_leaves_out_paths_as_found()
    {
        using var vale = new ValeRunner().Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens:\n  - word\n")
            .File("content/a.md", "A word.\n").File("content/b/x.md", "A word.\n").File("content/c.txt", "A word.\n");
        vale.Check("--format", "line", "--relative-paths", "--glob", "!content/b/*").Out.Should()
            .Be("content/a.md:1:3:Test.Word:'word'\ncontent/c.txt:1:3:Test.Word:'word'\n");
        vale.Check("--format", "line", "--relative-paths", "--glob", "*.{txt,html}").Out.Should().Be("content/c.txt:1:3:Test.Word:'word'\n");
        var nested = DocLint.Cli.Tests.CliRunner.Run(vale.Path, "check", "--format", "line", "--relative-paths", "--glob", "content/b/*", "content");
        nested.Out.Should().Be("content/b/x.md:1:3:Test.Word:'word'\n");

        vale.Check("--format", "line", "--relative-paths", "--glob", "[bc-]ontent/a.md").Out.Should().Be("content/a.md:1:3:Test.Word:'word'\n");
        var dotted = DocLint.Cli.Tests.CliRunner.Run(vale.Path, "check", "--format", "line", "--relative-paths", "--glob", "content/b/*", "./content");
        dotted.Out.Should().Be("content/b/x.md:1:3:Test.Word:'word'\n");

        var invalid = vale.Check("--format", "line", "--glob", "[a-]*");
        invalid.ExitCode.Should().Be(2);
        invalid.Error.Should().Contain("--glob: invalid glob '[a-]*': expected close range character");
    }

    [Fact]
    public void No_exit_and_ignore_syntax_as_vale_reads_them()
    {
        using var vale = new ValeRunner().Rule("Word", "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens:\n  - word\n")
            .File("a.md", "A word and `word`.\n");
        var plain = vale.Check("--format", "line", "--relative-paths", "--ignore-syntax");
        plain.Out.Should().Be("a.md:1:3:Test.Word:'word'\na.md:1:13:Test.Word:'word'\n");
        plain.ExitCode.Should().Be(1);
        var kept = vale.Check("--format", "line", "--relative-paths", "--no-exit");
        kept.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
        kept.ExitCode.Should().Be(0);
        var errorsOnly = vale.Rule("Hint", "extends: existence\nmessage: \"'%s'\"\nlevel: suggestion\ntokens:\n  - A\n")
            .Check("--format", "line", "--relative-paths", "--minAlertLevel=error");
        errorsOnly.Out.Should().Be("a.md:1:3:Test.Word:'word'\n");
    }

    [Fact]
    public void Vale_json_is_vales_output_json()
    {
        using var vale = new ValeRunner()
            .Rule("Contraction", "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\nraw:\n  - \"it['’]s\"\n")
            .Rule("Swap", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlink: https://example.com/swap\naction:\n  name: replace\nswap:\n  utilize: use\n")
            .File("test.html", "<p>You know it&rsquo;s great software</p>\n<p>We utilize it</p>\n");
        var result = vale.Check("--format", "vale-json", "--relative-paths");
        result.ExitCode.Should().Be(1);
        result.Out.Should().Be("""
            {
              "test.html": [
                {
                  "Action": {
                    "Name": "",
                    "Params": null
                  },
                  "Suggestions": [],
                  "Span": [
                    13,
                    22
                  ],
                  "Check": "Test.Contraction",
                  "Description": "",
                  "Link": "",
                  "Message": "Avoid 'it's'.",
                  "Severity": "error",
                  "Match": "it's",
                  "Line": 1
                },
                {
                  "Action": {
                    "Name": "replace",
                    "Params": [
                      "use"
                    ]
                  },
                  "Suggestions": [
                    "use"
                  ],
                  "Span": [
                    7,
                    13
                  ],
                  "Check": "Test.Swap",
                  "Description": "",
                  "Link": "https://example.com/swap",
                  "Message": "Use 'use' instead of 'utilize'.",
                  "Severity": "suggestion",
                  "Match": "utilize",
                  "Line": 2
                }
              ]
            }

            """);

        // The action is the one the rule declares, as written (Vale's spelling rule: suggest, with "spellings");
        // a rule that declares none shows none, whatever DocLint offers for the match.
        using var spelling = new ValeRunner()
            .Rule("Spell", "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\naction:\n  name: suggest\n  params:\n    - spellings\n")
            .Rule("Swap", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  utilize: use\n")
            .Rule("Cut", "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: error\naction:\n  name: remove\ntokens:\n  - very\n")
            .File("a.md", "The wrd is very here. We utilize it.\n");
        var alerts = System.Text.Json.Nodes.JsonNode.Parse(spelling.Check("--format", "vale-json", "--relative-paths").Out)!["a.md"]!.AsArray();
        alerts.Select(a => $"{a!["Check"]} {a["Match"]} {a["Action"]!.ToJsonString()}").Should().Equal(
            """Test.Spell wrd {"Name":"suggest","Params":["spellings"]}""",
            """Test.Cut very {"Name":"remove","Params":null}""",
            """Test.Swap utilize {"Name":"","Params":null}""");

        using var clean = new ValeRunner().Rule("Swap", "extends: substitution\nmessage: \"'%s'\"\nswap:\n  utilize: use\n").File("a.md", "Plain.\n");
        clean.Check("--format", "vale-json").Out.Should().Be("{}\n");
    }

    [Fact]
    public void Word_template_is_what_a_word_is_to_existence_substitution_and_consistency()
    {
        // Vale's template with its first %s the tokens: here a word's start only, so "run" finds "running".
        using var vale = new ValeRunner("StylesPath = styles\nWordTemplate = \\b(?:%s)\n\n[*]\nBasedOnStyles = Test\n")
            .Rule("Run", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - run\n")
            .Rule("Walk", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  walk: stroll\n")
            .Rule("Either", "extends: consistency\nmessage: \"Inconsistent '%s'.\"\neither:\n  advisor: adviser\n")
            .File("a.md", "We are running and walking. Rerun it. The advisors met the adviser.\n");
        vale.Lines().Should().Equal(
            "a.md:1:8:Test.Run:'run'",
            "a.md:1:20:Test.Walk:Use 'stroll' instead of 'walk'.",
            "a.md:1:60:Test.Either:Inconsistent 'adviser'.");

        using var broken = new ValeRunner("StylesPath = styles\nWordTemplate = \\b(?:x)\\b\n\n[*]\nBasedOnStyles = Test\n")
            .Rule("Run", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - run\n").File("a.md", "Run.\n");
        broken.Check().Error.Should().Contain("WordTemplate must hold '%s'");
    }
}
