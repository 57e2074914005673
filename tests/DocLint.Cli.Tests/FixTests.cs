using System.Text;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

public class FixTests
{
    [Fact]
    public void Fix_applies_substitutions_in_the_originals_case_keeps_the_bom_and_line_endings_and_the_exit_code_reflects_what_remains()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline\r\n\r\nSlammed by critics, the plan was GUTTED.\r\n“They slammed it,” she said.\r\n")]);

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--relative-paths", "--fail-level", "warning");

        File.ReadAllBytes(path).Should().Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline\r\n\r\nCriticized by critics, the plan was DEVASTATED.\r\n“They slammed it,” she said.\r\n")]);
        result.Out.Should().Be("a.txt(1,1,1,9): warning DL4001: No licence or rights statement found; say under what terms this text may be reused.\n");
        result.Error.Should().Be("1 warning in 1 file (0.3 seconds)\n2 fixes applied in 1 file\n");
        result.ExitCode.Should().Be(ExitCodes.Findings, "the licence warning remains");
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Headline\n\nThey slammed it. © Courier\n");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--dry-run", "--relative-paths");

        result.Out.Should().Be("--- a/a.txt\n+++ b/a.txt\n@@ -3 +3 @@\n-They slammed it. © Courier\n+They criticized it. © Courier\n");
        result.Error.Should().Be("No problems in 1 file (0.3 seconds)\n1 fix would be applied in 1 file\n");
        File.ReadAllText(path).Should().Be("Headline\n\nThey slammed it. © Courier\n");
    }

    [Fact]
    public void Of_two_overlapping_fixes_the_first_wins_and_the_other_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("rules/DL9001.a.yaml", "id: DL9001\nname: a\nkind: substitution\nmessage: a\nswap:\n  sits on: rests on\n");
        folder.Write("rules/DL9002.b.yaml", "id: DL9002\nname: b\nkind: substitution\nmessage: b\nswap:\n  on its hands: idle\n");
        var path = folder.Write("a.txt", "Washington sits on its hands.");

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--no-default-rules", "--rules", "rules", "--relative-paths");

        File.ReadAllText(path).Should().Be("Washington rests on its hands.");
        result.Out.Should().Be("a.txt(1,17,1,29): warning DL9002: b\n");
        result.Error.Should().StartWith("doclint: a.txt(1,17): DL9002 not fixed: another fix overlaps it\n");
    }

    [Fact]
    public void A_file_with_invalid_bytes_is_never_rewritten()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. "They slammed it at the caf"u8, 0xE9, .. "."u8];
        var path = folder.WriteBytes("a.txt", bytes);

        var result = CliRunner.Run(folder.Path, "check", "a.txt", "--fix", "--relative-paths");

        File.ReadAllBytes(path).Should().Equal(bytes);
        result.Error.Should().Contain("a.txt: not fixed: it was not decoded cleanly");
    }
}
