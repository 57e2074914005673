using DocLint.Cli.Tests;
using DocLint.Testing;

namespace DocLint.Vale.Tests;

/// <summary>A folder with a .vale.ini, a style of rules and documents, linted with `doclint check --format line`.</summary>
internal sealed class ValeRunner : IDisposable
{
    private readonly TempFolder _folder = new();

    public ValeRunner(string ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Test\n") => _folder.Write(".vale.ini", ini);

    public string Path => _folder.Path;

    public ValeRunner Rule(string name, string yaml)
    {
        _folder.Write($"styles/Test/{name}.yml", yaml);
        return this;
    }

    public ValeRunner File(string relative, string text)
    {
        _folder.Write(relative, text);
        return this;
    }

    private static readonly string[] LineFormat = ["--format", "line", "--relative-paths"];

    public CliRunner.Result Check(params string[] extra) =>
        CliRunner.Run(_folder.Path, ["check", .. extra.Length == 0 ? LineFormat : extra, "."]);

    /// <summary>The lines printed by `--format line`.</summary>
    public IReadOnlyList<string> Lines()
    {
        var result = Check();
        result.ExitCode.Should().BeOneOf([0, 1], result.Out + result.Error);
        return [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    public void Dispose() => _folder.Dispose();
}
