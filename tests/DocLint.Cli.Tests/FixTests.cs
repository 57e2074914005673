using System.Text;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class FixTests
{
    [Fact]
    public void Fix_applies_substitutions_in_the_originals_case_keeps_the_bom_and_line_endings_and_the_exit_code_reflects_what_remains()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline\r\n\r\nLambasted by critics, the plan was OBLITERATED.\r\n\r\n“They lambasted it,” she said.\r\n")]);

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--relative-paths", "--fail-level", "suggestion");

        File.ReadAllBytes(path).Should().Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline\r\n\r\nCriticized by critics, the plan was DESTROYED.\r\n\r\n“They lambasted it,” she said.\r\n")]);
        result.Out.Should().Be("a.txt(1,1,1,9): info DL4001: No licence or rights statement found; say under what terms this text may be reused.\n");
        result.Error.Should().Be("1 suggestion in 1 file (0.3 seconds)\n2 fixes applied in 1 file (DL3001: 2)\n");
        result.ExitCode.Should().Be(ExitCodes.Findings, "the licence suggestion remains");
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_with_context_writes_nothing_and_keeps_the_findings()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Headline\n\nThey lambasted it. © Courier\n");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--dry-run", "--relative-paths", "--fail-level", "warning");

        result.Out.Should().Be("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Headline\n \n-They lambasted it. © Courier\n+They criticized it. © Courier\n");
        result.Error.Should().Be("1 warning in 1 file (0.3 seconds)\n1 fix would be applied in 1 file (DL3001: 1)\n");
        result.ExitCode.Should().Be(ExitCodes.Findings, "nothing was fixed");
        File.ReadAllText(path).Should().Be("Headline\n\nThey lambasted it. © Courier\n");
    }

    [Theory]
    [InlineData("git", "apply")]
    [InlineData("patch", "-p1", "--quiet")]
    public void The_dry_run_diff_applies_with_git_apply_and_patch(params string[] command)
    {
        using var folder = new TempFolder();
        // CRLF lines, two changes far apart (two hunks), one change near the start, and no newline at the end.
        IEnumerable<string> lines = ["Headline", "", "They lambasted it.", .. Enumerable.Range(1, 12).Select(i => $"Line {i}."), "It was a pro-life group."];
        var original = string.Join("\r\n", lines);
        var path = folder.Write("sub/a.txt", original);
        var diff = CliRunner.Run(folder.Path, "check", "sub", "--fix", "--dry-run", "--relative-paths").Out;
        diff.Should().Contain("@@ -1,6 +1,6 @@").And.Contain("\\ No newline at end of file\n");
        File.WriteAllText(Path.Combine(folder.Path, "fix.patch"), diff);
        var expected = original.Replace("lambasted", "criticized", StringComparison.Ordinal).Replace("a pro-life", "an anti-abortion", StringComparison.Ordinal);

        var start = new System.Diagnostics.ProcessStartInfo(command[0]) { WorkingDirectory = folder.Path, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        if (command[0] == "git")
        {
            start.ArgumentList.Add("fix.patch");
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        if (command[0] == "patch")
        {
            process.StandardInput.Write(diff);
        }

        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        (process.ExitCode, error).Should().Be((0, ""));
        File.ReadAllText(path).Should().Be(expected);
    }

    [Fact]
    public void A_fix_whose_result_a_rule_would_report_is_offered_as_a_suggestion_only()
    {
        using var folder = new TempFolder();
        folder.Write("rules/DL9001.swap.yaml", "id: DL9001\nname: swap\nkind: substitution\nmessage: m\nswap:\n  fiasco: failure\n");
        folder.Write("rules/DL9002.judge.yaml", "id: DL9002\nname: judge\nkind: existence\nmessage: m\nterms: [utter failure]\n");
        var path = folder.Write("a.txt", "Headline\n\nIt was an utter fiasco. It was a fiasco.\n");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--no-default-rules", "--rules", "rules", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("span").GetProperty("startColumn").GetInt32(), d.TryGetProperty("fix", out _), d.GetProperty("suggestions")[0].GetString()))
            .Should().Equal((17, false, "failure"), (34, true, "failure"));
        CliRunner.Run(folder.Path, "check", "a.txt", "--no-default-rules", "--rules", "rules", "--fix");
        File.ReadAllText(path).Should().Be("Headline\n\nIt was an utter fiasco. It was a failure.\n");
    }

    [Fact]
    public void No_fix_is_applied_in_a_headline_or_in_a_paragraph_where_someone_else_has_words()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Senator Lambasted Over Plan\n\nCritics say he lambasted the plan. He lambasted it.\n\nHe lambasted the plan. “It fails,” he added.\n\nHe lambasted the plan.\n");

        CliRunner.Run(folder.Path, "check", "a.txt", "--fix");

        File.ReadAllText(path).Should().Be("Senator Lambasted Over Plan\n\nCritics say he lambasted the plan. He lambasted it.\n\nHe lambasted the plan. “It fails,” he added.\n\nHe criticized the plan.\n");
    }

    [Fact]
    public void The_article_before_a_fixed_word_agrees_with_the_replacement()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Headline\n\nShe joined a pro-life group. It was A pro-choice group.\n");

        CliRunner.Run(folder.Path, "check", "a.txt", "--fix");

        File.ReadAllText(path).Should().Be("Headline\n\nShe joined an anti-abortion group. It was An abortion-rights group.\n");
    }

    [Fact]
    public void No_fix_touches_a_proper_name_or_someone_elses_words_and_suggestion_only_swaps_stay_suggestions()
    {
        using var folder = new TempFolder();
        folder.Write("rules/DL9001.house.yaml",
            "id: DL9001\nname: house\nkind: substitution\nvoice: any\nmessage: m\nswap:\n  hack: loyalist\n  disgrace: failure\n  fumed: {suggest: said, fix: false}\n");
        var path = folder.Write("a.txt", "Jane Hack wrote the plan.\n\nShe said the plan was a disgrace.\n\nThe party hack fumed.\n");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--no-default-rules", "--rules", "rules", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("matchedText").GetString(), d.TryGetProperty("fix", out _), d.GetProperty("suggestions")[0].GetString()))
            .Should().Equal(("Hack", false, "Loyalist"), ("disgrace", false, "failure"), ("hack", true, "loyalist"), ("fumed", false, "said"));
        CliRunner.Run(folder.Path, "check", "a.txt", "--no-default-rules", "--rules", "rules", "--fix");
        File.ReadAllText(path).Should().Be("Jane Hack wrote the plan.\n\nShe said the plan was a disgrace.\n\nThe party loyalist fumed.\n");
    }

    [Fact]
    public void Of_two_overlapping_fixes_the_first_wins_and_the_other_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("rules/DL9001.a.yaml", "id: DL9001\nname: a\nkind: substitution\nmessage: a\nswap:\n  Washington sits: Washington rests\n");
        folder.Write("rules/DL9002.b.yaml", "id: DL9002\nname: b\nkind: substitution\nmessage: b\nswap:\n  sits on its hands: idles\n");
        var path = folder.Write("a.txt", "Washington sits on its hands.");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--no-default-rules", "--rules", "rules", "--relative-paths");

        File.ReadAllText(path).Should().Be("Washington rests on its hands.");
        result.Out.Should().Be("a.txt(1,12,1,29): warning DL9002: b\n");
        result.Error.Should().StartWith("doclint: a.txt(1,12): DL9002 not fixed: another fix overlaps it\n");
    }

    [Fact]
    public void A_file_with_invalid_bytes_is_never_rewritten()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. "They lambasted it at the caf"u8, 0xE9, .. "."u8];
        var path = folder.WriteBytes("a.txt", bytes);

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--relative-paths");

        File.ReadAllBytes(path).Should().Equal(bytes);
        result.Error.Should().Contain("a.txt: not fixed: it was not decoded cleanly");
    }
}
