using System.Text.RegularExpressions;
using DocLint.Core.Configuration;

namespace DocLint.Core.Tests.Configuration;

public class GlobTests
{
    private static readonly string[] Paths =
    [
        "a.md", "x/y/a.md", "a.mdx", "md", ".md", "a.md/b", "a.MD", "notes.yaml", "notes.yml", "x/notes.yml", "yml",
        "a.json", "seeds/000.txt", "seeds/x/y.txt", "tests/a/Fixtures/b.md", "", "a/b/", "a\\b.md",
    ];

    /// <summary>Globs matched without a regex ("*", "*.md", "*.{a,b}") answer as the regex .editorconfig semantics give.</summary>
    [Theory]
    [InlineData("*", @"^(?:.*/)?[^/]*$")]
    [InlineData("*.md", @"^(?:.*/)?[^/]*\.md$")]
    [InlineData("*.{yaml,yml,json}", @"^(?:.*/)?[^/]*\.(?:yaml|yml|json)$")]
    [InlineData("*notes.{yml}", @"^(?:.*/)?[^/]*notes\.(?:yml)$")]
    [InlineData("{seeds/**,tests/**/Fixtures/**}", @"^(?:seeds/.*|tests/.*/?Fixtures/.*)$")]
    [InlineData("*.{md,{txt,yml}}", @"^(?:.*/)?[^/]*\.(?:md|(?:txt|yml))$")]
    [InlineData("a*.md", @"^(?:.*/)?a[^/]*\.md$")]
    [InlineData("*.m?", @"^(?:.*/)?[^/]*\.m[^/]$")]
    public void A_glob_matches_what_its_regex_matches(string glob, string regex)
    {
        var parsed = Glob.TryParse(glob, out var error);
        error.Should().BeNull();
        foreach (var path in Paths)
        {
            parsed!.IsMatch(path).Should().Be(Regex.IsMatch(path.Replace('\\', '/'), regex), $"'{glob}' against '{path}'");
        }
    }

    [Fact]
    public void Malformed_globs_are_still_reported()
    {
        Glob.TryParse("*.{md", out var open).Should().BeNull();
        open.Should().Contain("opens '{' without closing it");
        Glob.TryParse("*.md}", out var close).Should().BeNull();
        close.Should().Contain("closes '}' without opening it");
    }
}
