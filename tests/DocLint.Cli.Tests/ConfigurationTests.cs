using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>Severities from doclint.yaml and .editorconfig, the way .NET analyzers are configured, on real files.</summary>
public class ConfigurationTests
{
    private const string Article = "Headline\n\nThey slammed it. © Courier\n";

    private static TempFolder Folder(params (string Name, string Text)[] files)
    {
        var folder = new TempFolder();
        folder.Write("a.txt", Article);
        folder.Write("sub/b.md", Article);
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        return folder;
    }

    private static string[] Lines(CliRunner.Result result) => result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Doclint_yaml_sets_severities_and_overrides_per_glob()
    {
        using var folder = Folder(("doclint.yaml", "severity:\n  DL3001: error\noverrides:\n  - files: ['sub/**']\n    severity:\n      DL3001: suggestion\n"));

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");

        Lines(result).Should().Equal(
            "a.txt(3,6,3,13): error DL3001: 'slammed' is a loaded term; consider 'criticized'.",
            $"{Path.Combine("sub", "b.md")}(3,6,3,13): info DL3001: 'slammed' is a loaded term; consider 'criticized'.");
        result.ExitCode.Should().Be(ExitCodes.Findings);
    }

    [Fact]
    public void A_category_is_configured_as_for_dotnet_analyzers_and_a_rule_id_beats_its_category_at_the_same_level()
    {
        using var folder = Folder(
            ("doclint.yaml", "severity:\n  category-Tone: none\n  DL3003: error\n  category-rights: none\n"),
            ("sub/.editorconfig", "[*.md]\ndotnet_analyzer_diagnostic.category-Tone.severity = error\n"),
            ("c.txt", "Headline\n\nIt was a shocking disgrace. © Courier\n"));

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");

        Lines(result).Should().Equal("c.txt(3,10,3,18): error DL3003: 'shocking' passes judgement in the writer's own voice; describe what happened and let the reader judge.",
            "c.txt(3,19,3,27): error DL3003: 'disgrace' passes judgement in the writer's own voice; describe what happened and let the reader judge.");
        CliRunner.Run(folder.Path, "config", "show", "sub/b.md").Out.Split('\n').Where(l => l.StartsWith("DL3001", StringComparison.Ordinal))
            .Should().Equal($"DL3001  none        {Path.Combine(folder.Path, "doclint.yaml")}:2");
    }

    [Fact]
    public void An_override_selects_files_by_their_front_matter_so_opinion_is_allowed_to_judge()
    {
        using var folder = Folder(
            ("doclint.yaml", "overrides:\n  - frontMatter: {genre: [opinion, editorial]}\n    severity: {category-Tone: none}\n"),
            ("column.md", "---\ngenre: Opinion\nlicense: CC-BY-4.0\n---\n# Headline\n\nThey slammed it.\n"),
            ("news.md", "---\ngenre: news\nlicense: CC-BY-4.0\n---\n# Headline\n\nThey slammed it.\n"));

        var result = CliRunner.Run(folder.Path, "check", "column.md", "news.md", "--relative-paths");

        Lines(result).Should().Equal("news.md(7,6,7,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");
        CliRunner.Run(folder.Path, "config", "show", "column.md").Out.Should().Contain($"DL3001  none        {Path.Combine(folder.Path, "doclint.yaml")}:3 (override)");
    }

    [Fact]
    public void An_unknown_category_is_an_error_at_its_line()
    {
        using var folder = Folder(("doclint.yaml", "severity:\n  category-Tones: none\n"));

        var result = CliRunner.Run(folder.Path, "check", "a.txt");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Out.Should().Contain("doclint.yaml(2,3): error DL0001: unknown category 'tones' (categories ignore case); the categories are Claims, Rights, Sourcing, Tone");
    }

    [Fact]
    public void Editorconfig_severities_apply_by_section_and_the_nearest_file_wins()
    {
        using var folder = Folder(
            (".editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.DL3001.severity = error\n\n[*.md]\ndotnet_diagnostic.DL3001.severity = none\n"),
            ("sub/.editorconfig", "[*.md]\ndotnet_diagnostic.DL3001.severity = warning\n"));

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");

        Lines(result).Should().Equal(
            "a.txt(3,6,3,13): error DL3001: 'slammed' is a loaded term; consider 'criticized'.",
            $"{Path.Combine("sub", "b.md")}(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");
    }

    [Fact]
    public void Doclint_yaml_wins_over_editorconfig_which_wins_over_the_default()
    {
        using var folder = Folder(
            ("doclint.yaml", "severity:\n  DL3001: suggestion\n"),
            (".editorconfig", "[*]\ndotnet_diagnostic.DL3001.severity = error\ndotnet_diagnostic.DL4001.severity = error\n"));

        var show = CliRunner.Run(folder.Path, "config", "show", "a.txt");

        var lines = Lines(show);
        lines.Should().Contain($"DL3001  suggestion  {Path.Combine(folder.Path, "doclint.yaml")}:2");
        lines.Should().Contain($"DL4001  error       {Path.Combine(folder.Path, ".editorconfig")}:3");
        lines.Should().Contain("DL1001  warning     default");
        show.ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void A_root_editorconfig_stops_the_walk()
    {
        using var folder = Folder(
            (".editorconfig", "[*]\ndotnet_diagnostic.DL3001.severity = none\n"),
            ("sub/.editorconfig", "root = true\n"));

        Lines(CliRunner.Run(folder.Path, "check", ".", "--relative-paths")).Should().Equal(
            $"{Path.Combine("sub", "b.md")}(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");
    }

    [Fact]
    public void An_invalid_editorconfig_value_is_a_warning_at_its_line_and_the_run_goes_on()
    {
        using var folder = Folder((".editorconfig", "[*]\ndotnet_diagnostic.DL3001.severity = loud\n"));

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--relative-paths");

        Lines(result).Should().Equal(
            ".editorconfig(2,37): warning DL0001: 'loud' is not a severity for DL3001; use none, silent, suggestion, warning, error or default",
            "a.txt(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.");
        result.ExitCode.Should().Be(ExitCodes.Success);
    }

    [Theory]
    [InlineData("colour: red\n", "(1,1): error DL0001: unknown key 'colour'; expected one of:")]
    [InlineData("severity:\n  DL9999: error\n", "(2,3): error DL0001: unknown rule id 'DL9999'; 'doclint rules list' shows the rules")]
    [InlineData("severity:\n  DL3001: loud\n", "(2,11): error DL0001: 'loud' is not a severity")]
    [InlineData("exclude: ['{a,b']\n", "(1,11): error DL0001: invalid glob in 'exclude': '{a,b' opens '{' without closing it")]
    public void Configuration_errors_point_at_the_yaml_line_and_nothing_is_linted(string yaml, string expected)
    {
        using var folder = Folder(("doclint.yaml", yaml));

        var result = CliRunner.Run(folder.Path, "check", ".");

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfigError);
        result.Out.Should().StartWith(Path.Combine(folder.Path, "doclint.yaml") + expected);
        result.Out.Should().NotContain("DL3001:");
        result.Error.Should().EndWith("nothing was linted.\n");
    }

    [Fact]
    public void Fail_level_include_exclude_and_rule_folders_come_from_the_configuration()
    {
        using var folder = Folder(
            ("doclint.yaml", "failLevel: warning\nexclude: ['sub/**']\ndefaultRules: false\nrules: [house]\n"),
            ("house/DL9001.shouty.yaml", "id: DL9001\nname: shouty\nkind: existence\nmessage: shouty\nterms: [slammed]\n"));

        var result = CliRunner.Run(folder.Path, "check", ".", "--relative-paths");

        Lines(result).Should().Equal("a.txt(3,6,3,13): warning DL9001: shouty");
        result.ExitCode.Should().Be(ExitCodes.Findings, "failLevel: warning");
        CliRunner.Run(folder.Path, "check", ".", "--fail-level", "error").ExitCode.Should().Be(ExitCodes.Success, "the command line wins");
        Lines(CliRunner.Run(folder.Path, "check", "sub/b.md", "--relative-paths")).Should().HaveCount(1, "a file named on the command line is linted even when excluded");
    }

    [Fact]
    public void Readers_map_extensions_from_the_configuration_and_the_command_line_wins()
    {
        using var folder = Folder(("doclint.yaml", "readers:\n  .mdx: markdown\n"), ("c.mdx", "Title\n\nUse `slammed` here. © Courier\n"));

        CliRunner.Run(folder.Path, "check", "c.mdx", "--relative-paths").Out.Should().BeEmpty("as Markdown, the code span is masked");
        CliRunner.Run(folder.Path, "check", "c.mdx", "--relative-paths", "--reader", ".mdx=plain").Out.Should().Be(
            "c.mdx(3,6,3,13): warning DL3001: 'slammed' is a loaded term; consider 'criticized'.\n");
    }

    [Fact]
    public void An_explicit_config_replaces_the_walk()
    {
        using var folder = Folder(("doclint.yaml", "severity:\n  DL3001: none\n"), ("other.yaml", "severity:\n  DL3001: error\n"));

        Lines(CliRunner.Run(folder.Path, "check", "a.txt", "--relative-paths", "--config", "other.yaml")).Should().Equal(
            "a.txt(3,6,3,13): error DL3001: 'slammed' is a loaded term; consider 'criticized'.");
    }
}
