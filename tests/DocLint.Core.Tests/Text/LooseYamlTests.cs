using DocLint.Core.Text;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Tests.Text;

/// <summary>The loose reading of YAML that Vale's rule files get (<see cref="YamlGuard.LoadLoose"/>).</summary>
public class LooseYamlTests
{
    [Fact]
    public void A_key_given_twice_keeps_its_last_value_in_the_place_of_its_first()
    {
        var root = (YamlMappingNode)YamlGuard.LoadLoose("a: 1\nb:\n  x: one\n  y: two\n  x: three\na: 4\n")!;

        root.Children.Select(p => p.Key.ToString()).Should().Equal("a", "b");
        root.Children[new YamlScalarNode("a")].ToString().Should().Be("4");
        var b = (YamlMappingNode)root.Children[new YamlScalarNode("b")];
        b.Children.Select(p => $"{p.Key}={p.Value}").Should().Equal("x=three", "y=two");
    }

    [Fact]
    public void Quoted_lines_at_the_margin_are_read_as_if_indented_and_keep_their_value()
    {
        var text = "description: \"A long\nline at the margin, \\\"quoted\\\",\n\n  and one more.\"\nitems:\n  - 'it''s\nhere'\nlevel: error\n";

        // YamlDotNet alone rejects the text.
        var strict = () => YamlGuard.Load(text);
        strict.Should().Throw<YamlDotNet.Core.YamlException>().WithMessage("*multi-line*wrong indentation*");

        var root = (YamlMappingNode)YamlGuard.LoadLoose(text)!;
        root.Children[new YamlScalarNode("description")].ToString().Should().Be("A long line at the margin, \"quoted\",\nand one more.");
        ((YamlSequenceNode)root.Children[new YamlScalarNode("items")]).Children.Select(c => c.ToString()).Should().Equal("it's here");
        root.Children[new YamlScalarNode("level")].ToString().Should().Be("error");
    }

    [Fact]
    public void Aliases_and_an_empty_text_read_as_the_strict_loader_reads_them()
    {
        var root = (YamlMappingNode)YamlGuard.LoadLoose("a: &x [1, 2]\nb: *x\n")!;
        ((YamlSequenceNode)root.Children[new YamlScalarNode("b")]).Children.Select(c => c.ToString()).Should().Equal("1", "2");
        YamlGuard.LoadLoose("").Should().BeNull();
        var unknown = () => YamlGuard.LoadLoose("a: *nowhere\n");
        unknown.Should().Throw<YamlDotNet.Core.YamlException>();
    }
}
