using DocLint.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Documents.Markdown;

/// <summary>One top-level front-matter field: its scalar value ("" for lists and maps) and the value's span in the source.</summary>
public readonly record struct FrontMatterField(string Value, TextSpan ValueSpan);

/// <summary>Reads the top-level keys of a `---` YAML front matter block, with the source span of each scalar value.</summary>
public static class FrontMatterParser
{
    public static Dictionary<string, FrontMatterField> Parse(string text, TextSpan block) => Parse(text, block, out _);

    /// <param name="problem">Set when the front matter passes a limit (<see cref="YamlGuard"/>): it is then not read, and gives no keys.</param>
    public static Dictionary<string, FrontMatterField> Parse(string text, TextSpan block, out ReaderProblem? problem)
    {
        problem = null;
        var fields = new Dictionary<string, FrontMatterField>(StringComparer.OrdinalIgnoreCase);
        var firstBreak = text.IndexOf('\n', block.Start, block.Length);
        if (firstBreak < 0)
        {
            return fields;
        }

        // The YAML between the opening line and the closing '---' (or '...'), with its own line ends kept.
        var bodyStart = firstBreak + 1;
        var bodyEnd = block.End;
        var lastLine = text.LastIndexOf('\n', Math.Max(bodyStart, block.End - 2), Math.Max(0, block.End - 1 - bodyStart));
        if (lastLine >= bodyStart && text.AsSpan(lastLine + 1, block.End - lastLine - 1).Trim() is "---" or "...")
        {
            bodyEnd = lastLine + 1;
        }

        var yaml = text[bodyStart..bodyEnd];
        try
        {
            var stream = YamlGuard.Load(yaml);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                foreach (var (key, value) in root.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        continue;
                    }

                    var span = value is YamlScalarNode { Value: { Length: > 0 } scalar }
                        ? ValueSpan(text, bodyStart + (int)value.Start.Index, bodyStart + (int)value.End.Index, scalar)
                        : new TextSpan(bodyStart + (int)value.Start.Index, 0);
                    fields[name] = new FrontMatterField(value is YamlScalarNode s ? s.Value ?? "" : "", span);
                }
            }
        }
        catch (YamlGuard.LimitException ex)
        {
            problem = new ReaderProblem(new TextSpan(bodyStart + (int)Math.Min(ex.Where.Index, yaml.Length), 0), $"front matter not read: {ex.Message}");
            return fields;
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            // Front matter that is not valid YAML gives no keys; its text stays masked either way.
        }

        return fields;
    }

    /// <summary>The value's text inside its node, without the quotes of a quoted scalar.</summary>
    private static TextSpan ValueSpan(string text, int start, int end, string value)
    {
        if (end > start && text[start] is '"' or '\'' && end - start >= 2 && text[end - 1] == text[start])
        {
            start++;
            end--;
        }

        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
