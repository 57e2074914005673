using DocLint.Core.Workspace;
using DocLint.Testing;

namespace DocLint.Core.Tests.Workspace;

public class FileDiscoveryTests
{
    [Fact]
    public void Directories_are_walked_for_document_extensions_skipping_tool_folders()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "a.txt", "b.md", "c.markdown", "d.html", "e.htm", "f.cs", "m.mdx", "sub/g.txt", ".git/h.txt", "node_modules/i.md", "bin/j.txt", "obj/k.txt", "deep/er/l.TXT" })
        {
            folder.Write(name, "x");
        }

        var found = FileDiscovery.Expand(["."], folder.Path);

        found.Files.Select(f => f.Replace('\\', '/')).Should().Equal("a.txt", "b.md", "c.markdown", "d.html", "deep/er/l.TXT", "e.htm", "m.mdx", "sub/g.txt");
        found.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Explicit_files_are_linted_whatever_their_extension_and_listed_once()
    {
        using var folder = new TempFolder();
        folder.Write("notes.log", "x");
        folder.Write("a.txt", "x");

        FileDiscovery.Expand(["notes.log", "a.txt", "./a.txt", "."], folder.Path).Files.Select(f => f.Replace('\\', '/'))
            .Should().Equal("./a.txt", "a.txt", "notes.log");
    }

    [Fact]
    public void Globs_match_below_their_fixed_folders()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "docs/a.md", "docs/x/b.md", "docs/x/c.txt", "other/d.md" })
        {
            folder.Write(name, "x");
        }

        FileDiscovery.Expand(["docs/**/*.md"], folder.Path).Files.Select(f => f.Replace('\\', '/'))
            .Should().Equal("docs/a.md", "docs/x/b.md");
        FileDiscovery.Expand(["*/x/*"], folder.Path).Files.Select(f => f.Replace('\\', '/'))
            .Should().Equal("docs/x/b.md", "docs/x/c.txt");
        folder.Write("docs/x/run.sh", "x");
        folder.Write("docs/x/notes.log", "x");
        FileDiscovery.Expand(["docs/x/*"], folder.Path).Files.Select(f => f.Replace('\\', '/'))
            .Should().Equal(["docs/x/b.md", "docs/x/c.txt"], "a wildcard with no extension means the documents, as a folder does");
        FileDiscovery.Expand(["docs/x/*.log"], folder.Path).Files.Select(f => f.Replace('\\', '/'))
            .Should().Equal(["docs/x/notes.log"], "a glob that names an extension is taken at its word");
    }

    [Fact]
    public void Missing_paths_and_empty_globs_are_reported()
    {
        using var folder = new TempFolder();

        var found = FileDiscovery.Expand(["nope.txt", "none/*.md"], folder.Path);

        found.Files.Should().BeEmpty();
        found.Problems.Select(p => (p.Path, p.Severity.ToString(), p.Message)).Should().Equal(
            ("nope.txt", "Error", "cannot read file: file not found"),
            ("none/*.md", "Warning", "no files match 'none/*.md'"));
    }

    [Fact]
    public void A_directory_with_thousands_of_files_is_listed_in_order()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 3000; i++)
        {
            folder.Write($"many/{i:D4}.txt", "x");
        }

        var found = FileDiscovery.Expand(["many"], folder.Path);

        found.Files.Should().HaveCount(3000);
        found.Files.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }
}
