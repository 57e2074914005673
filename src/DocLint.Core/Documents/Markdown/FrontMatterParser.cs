using DocLint.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Documents.Markdown;

/// <summary>Reads the top-level keys of a `---` YAML front matter block (their scalar values; "" for others).</summary>
public static class FrontMatterParser
{
    public static Dictionary<string, string>? Parse(string text, TextSpan block)
    {
        var body = text.AsSpan(block.Start, block.Length).ToString();
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        var yaml = string.Join('\n', lines.Skip(1).TakeWhile(l => l.TrimEnd() is not ("---" or "...")));
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                foreach (var (key, value) in root.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        keys[name] = value is YamlScalarNode { Value: { } scalar } ? scalar : "";
                    }
                }
            }
        }
        catch (YamlException)
        {
            // Front matter that is not valid YAML gives no keys; its text stays masked either way.
        }

        return keys;
    }
}
