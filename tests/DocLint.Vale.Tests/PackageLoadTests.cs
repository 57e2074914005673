using DocLint.Core.Vale;

namespace DocLint.Vale.Tests;

/// <summary>Every rule of the five packages loads: compiled into a DocLint rule, or listed with a precise "not supported" note.</summary>
public sealed class PackageLoadTests
{
    [Theory]
    [InlineData("Microsoft", 40)]
    [InlineData("Google", 31)]
    [InlineData("write-good", 8)]
    [InlineData("proselint", 34)]
    [InlineData("alex", 11)]
    public void Every_rule_of_the_package_loads(string package, int rules)
    {
        var folder = Path.Combine(FeatureSuiteTests.Packages, package, package);
        var files = Directory.GetFiles(folder, "*.yml");
        files.Should().HaveCount(rules);

        var set = ValeStyleSet.LoadFolders([folder]);

        set.Errors.Should().BeEmpty();
        var names = set.Rules.Select(r => r.Id).Concat(set.Unsupported.Select(u => u[..u.IndexOf(':', StringComparison.Ordinal)]));
        names.Should().BeEquivalentTo(files.Select(f => package + "." + Path.GetFileNameWithoutExtension(f)));
        // None of the five uses script, spelling or sequence: every rule runs.
        set.Unsupported.Should().BeEmpty();
        set.Rules.Should().HaveCount(rules);
        set.Rules.Should().AllSatisfy(r => r.Descriptor.Category.Should().Be("Vale"));
    }

    [Fact]
    public void Unsupported_kinds_are_named_with_the_reason()
    {
        using var folder = new DocLint.Testing.TempFolder();
        folder.Write("S/Script.yml", "extends: script\nmessage: x\nscript: 'a := 1'\n");
        folder.Write("S/Seq.yml", "extends: sequence\nmessage: x\ntokens:\n  - tag: NN\n");
        folder.Write("S/Section.yml", "extends: existence\nmessage: x\nscope: 'text & doc(section:has(> h2))'\ntokens:\n  - x\n");
        folder.Write("S/Unclosed.yml", "extends: existence\nmessage: x\nscope: 'doc(h2:has()'\ntokens:\n  - x\n");

        var set = ValeStyleSet.LoadFolders([Path.Combine(folder.Path, "S")]);

        // A selector scope runs; one that cannot be read is the rule's error.
        set.Rules.Select(r => r.Descriptor.Id).Should().Equal("S.Section");
        set.Errors.Should().Equal($"{Path.Combine(folder.Path, "S", "Unclosed.yml")}: S.Unclosed: cannot read the selector 'h2:has(' of doc(…)");
        set.Unsupported.Should().Equal(
            "S.Script: not supported: script rules (Tengo scripts are not run)",
            "S.Seq: not supported: sequence rules (they need a part-of-speech tagger, which DocLint does not have)");
    }

    [Fact]
    public void A_rule_vale_would_refuse_is_an_error_at_its_file()
    {
        using var folder = new DocLint.Testing.TempFolder();
        folder.Write("S/NoMessage.yml", "extends: existence\ntokens: [a]\n");
        folder.Write("S/BadKind.yml", "extends: nonsense\nmessage: x\n");
        folder.Write("S/BadRegex.yml", "extends: existence\nmessage: x\ntokens: ['(unclosed']\n");
        folder.Write("S/BadLevel.yml", "extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n");

        // An exception's pattern is built only when a match first needs it, but its syntax is checked as the rule loads.
        folder.Write("S/BadException.yml", "extends: existence\nmessage: x\ntokens: [a]\nexceptions: ['(unclosed']\n");

        var set = ValeStyleSet.LoadFolders([Path.Combine(folder.Path, "S")]);

        set.Rules.Should().BeEmpty();
        set.Errors.Should().HaveCount(5);
        set.Errors.Should().Contain(e => e.Contains("BadException.yml: S.BadException:", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("NoMessage.yml: missing the required 'message' key", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("BadKind.yml: 'extends' must be one of", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("BadRegex.yml: S.BadRegex:", StringComparison.Ordinal));
        set.Errors.Should().Contain(e => e.Contains("BadLevel.yml: 'level' must be one of suggestion, warning, error (not 'fatal')", StringComparison.Ordinal));

        // The files compile side by side; what they give comes out in the files' order all the same.
        set.Errors.Select(e => Path.GetFileName(e[..e.IndexOf(".yml", StringComparison.Ordinal)])).Should()
            .Equal("BadException", "BadKind", "BadLevel", "BadRegex", "NoMessage");
    }

    [Fact]
    public void A_style_s_rules_load_in_the_order_of_their_files_names_and_a_duplicate_is_the_later_file_s_error()
    {
        using var folder = new DocLint.Testing.TempFolder();
        var names = Enumerable.Range(0, 24).Select(i => $"R{i:D2}").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            folder.Write($"S/{name}.yml", $"extends: existence\nmessage: '{name}'\ntokens: ['w{name}', '\\b\\w+{name}\\b']\n");
        }

        folder.Write("S/R05.yaml", "extends: existence\nmessage: again\ntokens: [x]\n");

        var set = ValeStyleSet.LoadFolders([Path.Combine(folder.Path, "S")]);

        set.Rules.Select(r => r.Descriptor.Id).Should().Equal(names.Select(n => "S." + n));
        set.Errors.Should().Equal($"{Path.Combine(folder.Path, "S", "R05.yml")}: duplicate rule 'S.R05'");
    }
}
