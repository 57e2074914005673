using DocLint.Core.Workspace;
using DocLint.Testing;

namespace DocLint.Core.Tests.Workspace;

/// <summary>.doclintignore (and, on request, .gitignore) as git reads gitignore files.</summary>
public class IgnoreFilesTests
{
    private static string[] Found(TempFolder folder, bool gitIgnore = false, params string[] inputs) =>
        [.. FileDiscovery.Expand(inputs.Length == 0 ? ["."] : inputs, folder.Path, new IgnoreFiles(gitIgnore)).Files.Select(f => f.Replace('\\', '/'))];

    [Fact]
    public void Patterns_follow_gitignore_names_anchors_folders_negation_and_double_stars()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "a.md", "draft.md", "keep.draft.md", "x.draft.md", "build/b.md", "docs/build/c.md", "docs/d.md", "docs/old/e.md", "docs/old/keep/f.md", "notes/g.md", "archive/2020/h.md", "archive/2021/i.md" })
        {
            folder.Write(name, "x");
        }

        // A file inside an ignored folder cannot be re-included; trailing spaces are not part of a pattern.
        folder.Write(".doclintignore", string.Join('\n',
            "# comments and blank lines are skipped", "", "*.draft.md", "!keep.draft.md", "/build/", "docs/old/", "!docs/old/keep/f.md", "archive/**/h.md", "draft.md   "));

        Found(folder).Should().Equal("a.md", "archive/2021/i.md", "docs/build/c.md", "docs/d.md", "keep.draft.md", "notes/g.md");
    }

    [Fact]
    public void A_nested_ignore_file_applies_below_its_folder_and_overrides_the_outer_one()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "x");
        folder.Write("sub/a.md", "x");
        folder.Write("sub/b.md", "x");
        folder.Write(".doclintignore", "a.md\n");
        folder.Write("sub/.doclintignore", "!a.md\nb.md\n");

        Found(folder).Should().Equal("sub/a.md");
    }

    [Fact]
    public void Gitignore_is_read_only_when_asked_and_named_files_are_never_ignored()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "x");
        folder.Write("generated/b.md", "x");
        folder.Write(".gitignore", "generated/\n");

        Found(folder).Should().Equal("a.md", "generated/b.md");
        Found(folder, gitIgnore: true).Should().Equal("a.md");
        Found(folder, gitIgnore: true, "generated/b.md").Should().Equal("generated/b.md");
        Found(folder, gitIgnore: true, "generated/*.md").Should().BeEmpty();
    }

    [Fact]
    public void Ignore_files_above_the_walked_folder_apply_up_to_the_repository_root()
    {
        using var folder = new TempFolder();
        folder.Write(".doclintignore", "*.md\n");
        folder.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        folder.Write("repo/.doclintignore", "skip.txt\n");
        folder.Write("repo/docs/a.md", "x");
        folder.Write("repo/docs/skip.txt", "x");
        folder.Write("repo/docs/b.txt", "x");

        FileDiscovery.Expand(["."], Path.Combine(folder.Path, "repo", "docs"), new IgnoreFiles(gitIgnore: false)).Files
            .Should().Equal("a.md", "b.txt");
    }

    [Theory]
    [InlineData("*.md", "a/b.md", true)]
    [InlineData("*.md", "a/b.mdx", false)]
    [InlineData("/a.md", "a.md", true)]
    [InlineData("/a.md", "x/a.md", false)]
    [InlineData("a/**/b.md", "a/b.md", true)]
    [InlineData("a/**/b.md", "a/x/y/b.md", true)]
    [InlineData("**/b.md", "x/b.md", true)]
    [InlineData("**/b.md", "xb.md", false)]
    [InlineData("a?.md", "ab.md", true)]
    [InlineData("a?.md", "a/.md", false)]
    [InlineData("[a-c].md", "b.md", true)]
    [InlineData("[!a-c].md", "b.md", false)]
    [InlineData("\\#hash.md", "#hash.md", true)]
    public void One_pattern_matches_as_git_matches_it(string pattern, string path, bool matches) =>
        IgnoreFiles.Parse(pattern)!.Regex.IsMatch(path).Should().Be(matches);
}
