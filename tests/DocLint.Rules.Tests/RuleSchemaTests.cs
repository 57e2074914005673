using System.Globalization;
using System.Text.Json.Nodes;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;
using NJsonSchema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DocLint.Rules.Tests;

/// <summary>The JSON Schema that editors use to complete and check rule files agrees with the rules and the parser.</summary>
public class RuleSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "schemas", "doclint-rule.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(SchemaPath).GetAwaiter().GetResult());

    public static TheoryData<string> RuleFiles() =>
        new(Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.Rules, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_shipped_rule_validates_against_the_schema(string file)
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(RepoPaths.Rules, file)));

        Schema.Value.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("id: DL9001\nname: x\nkind: existence\nmessage: m\nterms: [a]\ncolour: red\n", "NoAdditionalPropertiesAllowed")]
    [InlineData("id: DL91\nname: x\nkind: existence\nmessage: m\nterms: [a]\n", "PatternMismatch")]
    [InlineData("id: DL9001\nname: x\nkind: substitution\nmessage: m\n", "NotAllOf")]
    [InlineData("id: DL9001\nname: x\nkind: existence\nmessage: m\nterms: [a]\nwindow: many\n", "IntegerExpected")]
    public void The_schema_rejects_what_the_loader_rejects(string yaml, string kind)
    {
        Schema.Value.Validate(YamlToJson(yaml)).Select(e => e.Kind.ToString()).Should().Contain(kind);
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_parser_accepts()
    {
        var properties = JsonNode.Parse(File.ReadAllText(SchemaPath))!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        properties.Should().Equal(RuleFileParser.AllKeys);
    }

    /// <summary>YAML to JSON with YAML's own typing: plain scalars that read as integers or booleans become them.</summary>
    private static string YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
