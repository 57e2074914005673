using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Configuration;
using DocLint.Core.Vale;

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
    [Fact]
    public void Classes_with_no_character_or_a_backward_range_are_reported()
    {
        Glob.TryParse("*.[]", out var empty).Should().BeNull();
        empty.Should().Be("'*.[]': '[]' holds no character");
        Glob.TryParse("[z-a].md", out var backward).Should().BeNull();
        backward.Should().Be("'[z-a].md': the range 'z-a' runs backwards");
        ValeGlob.TryParse("*.[z-a]", out var vale).Should().BeNull();
        vale.Should().Be("invalid glob '*.[z-a]': the range 'z-a' runs backwards");
    }

    [Theory]
    [InlineData("*.[!m]d", "a.xd", true)]
    [InlineData("*.[!m]d", "a.md", false)]
    [InlineData("*.[a-c-]", "x/a.-", true)]
    [InlineData("*.[a-c-]", "x/a.d", false)]
    [InlineData("docs/**/*.md", "docs/a.md", true)]
    [InlineData("docs/**/*.md", "docs/x/y/a.md", true)]
    [InlineData("docs/**/*.md", "x/docs/a.md", false)]
    [InlineData("docs/*.md", "docs/x/a.md", false)]
    [InlineData("?.md", "x/a.md", true)]
    [InlineData("?.md", "ab.md", false)]
    public void Folder_globs_classes_and_single_characters_match_as_editorconfig_says(string glob, string path, bool matches) =>
        Glob.TryParse(glob, out _)!.IsMatch(path).Should().Be(matches);

    private static readonly string[] GlobParts = ["a", "b", ".", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "[a-c]", "{", ",", "}", "\\", "-"];

    private static readonly string[] PathParts = ["a", "b", "c", ".", "/", "-", "\\", "x"];

    private static readonly Gen<string> Globs = Gen.Int[0, GlobParts.Length - 1].Array[0, 9].Select(ix => string.Concat(ix.Select(i => GlobParts[i])));

    private static readonly Gen<string> PathsGen = Gen.Int[0, PathParts.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => PathParts[i])));

    /// <summary>Any glob matches exactly the paths its reading as a regex matches, in both dialects.</summary>
    [Fact]
    public void Random_globs_match_what_their_regex_reading_matches()
    {
        Gen.Select(Globs, PathsGen.Array[20]).Sample((glob, paths) =>
        {
            var parsed = Glob.TryParse(glob, out _);
            var regex = EditorConfigRegex(glob);
            (parsed is null).Should().Be(regex is null, $"'{glob}' parses as its regex does");
            var vale = ValeGlob.TryParse(glob, out _);
            var valeRegex = ValeRegex(glob);
            (vale is null).Should().Be(valeRegex is null, $"'{glob}' parses as its Vale regex does");
            foreach (var path in paths)
            {
                if (parsed is not null)
                {
                    parsed.IsMatch(path).Should().Be(Regex.IsMatch(path.Replace('\\', '/'), regex!), $"'{glob}' against '{path}'");
                }

                if (vale is not null)
                {
                    vale.IsMatch(path).Should().Be(Regex.IsMatch(path.Replace('\\', '/'), valeRegex!, RegexOptions.Singleline), $"Vale's '{glob}' against '{path}'");
                }
            }
        });
    }

    /// <summary>An .editorconfig glob read as a regex (null when malformed): the reference the automaton is held to.</summary>
    private static string? EditorConfigRegex(string glob)
    {
        var text = glob.Trim();
        var anywhere = !text.Contains('/');
        text = text.TrimStart('/');
        var pattern = new StringBuilder(anywhere ? "^(?:.*/)?" : "^");
        var braces = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    pattern.Append(".*");
                    i++;
                    if (i + 1 < text.Length && text[i + 1] == '/')
                    {
                        pattern.Append("/?");
                        i++;
                    }

                    break;
                case '*': pattern.Append("[^/]*"); break;
                case '?': pattern.Append("[^/]"); break;
                case '[':
                    var close = text.IndexOf(']', i + 1);
                    if (close < 0 || close == i + 1 || (text[i + 1] == '!' && close == i + 2))
                    {
                        return null;
                    }

                    var set = text[(i + 1)..close];
                    pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{': braces++; pattern.Append("(?:"); break;
                case '}' when braces > 0: braces--; pattern.Append(')'); break;
                case ',' when braces > 0: pattern.Append('|'); break;
                case '}': return null;
                default: pattern.Append(Regex.Escape(text[i].ToString())); break;
            }
        }

        return braces == 0 ? pattern.Append('$').ToString() : null;
    }

    /// <summary>A Vale section glob read as a regex (null when malformed).</summary>
    private static string? ValeRegex(string glob)
    {
        var pattern = new StringBuilder("^(?:");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '*':
                    pattern.Append(".*");
                    while (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        i++;
                    }

                    break;
                case '?': pattern.Append('.'); break;
                case '{': braces++; pattern.Append("(?:"); break;
                case '}' when braces > 0: braces--; pattern.Append(')'); break;
                case ',' when braces > 0: pattern.Append('|'); break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    var body = close < 0 ? "" : glob[(i + 1)..close];
                    var negated = body.StartsWith('!') || body.StartsWith('^');
                    if (close < 0 || body.Length == (negated ? 1 : 0))
                    {
                        return null;
                    }

                    pattern.Append('[').Append(negated ? "^" : "").Append(Regex.Escape(negated ? body[1..] : body)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length: pattern.Append(Regex.Escape(glob[++i].ToString())); break;
                default: pattern.Append(Regex.Escape(glob[i].ToString())); break;
            }
        }

        return braces == 0 ? pattern.Append(")$").ToString() : null;
    }
}
