using System.Text.Json;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>`doclint inspect`: what rules see, for people and for tools.</summary>
public class InspectCommandTests
{
    [Fact]
    public void Json_gives_each_attributions_spans_in_the_offsets_of_the_json_format()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Bridge shut\n\nThe bridge is unsafe, a senior official said.\n");

        var result = CliRunner.Run(folder.Path, "inspect", "a.txt", "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Success);
        using var json = JsonDocument.Parse(result.Out);
        var document = json.RootElement.GetProperty("documents")[0];
        document.GetProperty("path").GetString().Should().EndWith("a.txt");
        var attribution = document.GetProperty("attributions").EnumerateArray().Should().ContainSingle().Subject;
        string Span(string name) => $"{attribution.GetProperty(name).GetProperty("start").GetInt32()}+{attribution.GetProperty(name).GetProperty("length").GetInt32()}";
        (Span("cue"), Span("source"), Span("content")).Should().Be(("53+4", "35+17", "13+20"));
        attribution.GetProperty("cueKind").GetString().Should().Be("speech");
        attribution.GetProperty("sourceKind").GetString().Should().Be("unnamed-individual");
        attribution.GetProperty("contentKind").GetString().Should().Be("clause");
        document.GetProperty("sentences").GetArrayLength().Should().Be(2);
        document.GetProperty("blocks")[0].GetProperty("kind").GetString().Should().Be("heading");
        var voice = document.GetProperty("otherVoices").EnumerateArray().Should().ContainSingle().Subject;
        (voice.GetProperty("start").GetInt32(), voice.GetProperty("length").GetInt32(), voice.GetProperty("voice").GetString()).Should().Be((13, 20, "attributed"));
    }

    [Fact]
    public void Json_names_block_kinds_as_block_conditions_in_rule_files_do()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "# Title\n\n- first item\n\n> quoted\n");

        var result = CliRunner.Run(folder.Path, "inspect", "a.md", "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("documents")[0].GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("kind").GetString())
            .Should().Equal("heading", "list-item", "blockquote");
    }

    [Fact]
    public void Text_marks_up_sentences_and_attributions_for_people()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Bridge shut\n\n“It is unsafe,” said Maria Lopez, the city engineer.\n");

        var result = CliRunner.Run(folder.Path, "inspect", "a.txt");

        result.Out.Should().EndWith(
            "  sentence (1,1): Bridge shut\n"
            + "  sentence (3,1): “It is unsafe,” said Maria Lopez, the city engineer.\n"
            + "    speech 'said' (3,17); source 'Maria Lopez, the city engineer' (named-person); quotation '“It is unsafe,”'\n"
            + "  not the writer's voice: (3,1)–(3,15)\n");
    }

    [Fact]
    public void A_folder_is_inspected_file_by_file_in_path_order()
    {
        using var folder = new TempFolder();
        folder.Write("b.md", "Officials said so.\n");
        folder.Write("a.txt", "Critics say so.\n");

        var result = CliRunner.Run(folder.Path, "inspect", ".", "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("documents").EnumerateArray().Select(d => Path.GetFileName(d.GetProperty("path").GetString()))
            .Should().Equal("a.txt", "b.md");
    }
}
