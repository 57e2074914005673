using System.Collections.Immutable;
using System.Globalization;
using DocLint.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Vale;

/// <summary>The action a Vale rule offers (<c>action: {name, params}</c>).</summary>
public sealed record ValeAction(string Name, ImmutableArray<string> Params)
{
    public static ValeAction None { get; } = new("", []);
}

/// <summary>
/// A Vale rule file as written (<c>Style/Rule.yml</c>): the keys every kind shares and the raw mapping for the
/// keys of its kind. Parsed from YamlDotNet's representation model, so no reflection is involved.
/// </summary>
public sealed class ValeRuleSpec
{
    public required string Name { get; init; }

    public required string Style { get; init; }

    public required string Path { get; init; }

    public required string Extends { get; init; }

    public required string Message { get; init; }

    public string Description { get; init; } = "";

    public string Level { get; init; } = "suggestion";

    public string? Link { get; init; }

    public int Limit { get; init; }

    /// <summary>The scopes as written (<c>scope: text</c> or a list); empty means the kind's default.</summary>
    public ImmutableArray<string> Scope { get; init; } = [];

    public ValeAction Action { get; init; } = ValeAction.None;

    public required YamlMappingNode Node { get; init; }

    public DiagnosticSeverity Severity => LevelToSeverity(Level) ?? DiagnosticSeverity.Suggestion;

    public static DiagnosticSeverity? LevelToSeverity(string level) => level.ToLowerInvariant() switch
    {
        "suggestion" => DiagnosticSeverity.Suggestion,
        "warning" => DiagnosticSeverity.Warning,
        "error" => DiagnosticSeverity.Error,
        _ => null,
    };

    public YamlNode? Get(string key) =>
        Node.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.OrdinalIgnoreCase)).Value;

    public string? String(string key) => Get(key) is YamlScalarNode s ? s.Value : null;

    public bool Bool(string key, bool fallback = false) =>
        String(key) is { } value ? value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) : fallback;

    public double? Number(string key) =>
        String(key) is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A list of strings (a scalar counts as a list of one).</summary>
    public ImmutableArray<string> List(string key) => Get(key) switch
    {
        YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")],
        YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value!],
        _ => [],
    };

    /// <summary>
    /// A mapping of strings, in file order (<c>swap</c>, <c>either</c>). A list of mappings (<c>- old: new</c> on each
    /// line) is merged into one, as Vale's loose decoding merges it; a key given twice keeps its last value.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> Map(string key)
    {
        List<YamlMappingNode> maps = Get(key) switch
        {
            YamlMappingNode map => [map],
            YamlSequenceNode seq => [.. seq.Children.OfType<YamlMappingNode>()],
            _ => [],
        };

        var pairs = maps.SelectMany(m => m.Children)
            .Select(p => new KeyValuePair<string, string>(((p.Key as YamlScalarNode)?.Value) ?? "", ((p.Value as YamlScalarNode)?.Value) ?? ""))
            .ToList();
        if (maps.Count == 1)
        {
            return [.. pairs];
        }

        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            last[pairs[i].Key] = i;
        }

        return [.. pairs.Where((p, i) => last[p.Key] == i)];
    }

    /// <summary>Parses a rule file. Returns null with the reason when it is not a Vale rule Vale would load.</summary>
    public static ValeRuleSpec? Parse(string style, string path, string text, out string? error)
    {
        error = null;
        var name = style + "." + System.IO.Path.GetFileNameWithoutExtension(path);
        YamlMappingNode root;
        try
        {
            // Read as Vale reads a rule file, with Go's YAML library's leniency (a repeated key, a quoted value's lines at the margin).
            if (Text.YamlGuard.LoadLoose(text) is not YamlMappingNode mapping)
            {
                error = $"{path}: a Vale rule is a YAML mapping";
                return null;
            }

            root = mapping;
        }
        catch (Text.YamlGuard.LimitException ex)
        {
            error = $"{path}:{ex.Where.Line}: {ex.Message}";
            return null;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            error = $"{path}:{ex.Start.Line}: {ex.Message}";
            return null;
        }

        string? Scalar(string key) => root.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value is YamlScalarNode s ? s.Value : null;

        var extends = Scalar("extends");
        if (string.IsNullOrEmpty(extends))
        {
            error = $"{path}: missing the required 'extends' key";
            return null;
        }

        if (Scalar("message") is not { } ruleMessage)
        {
            error = $"{path}: missing the required 'message' key";
            return null;
        }

        var level = Scalar("level") ?? "suggestion";
        if (LevelToSeverity(level) is null)
        {
            error = $"{path}: 'level' must be one of suggestion, warning, error (not '{level}')";
            return null;
        }

        var scope = root.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == "scope").Value switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToImmutableArray(),
            YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value!],
            _ => ImmutableArray<string>.Empty,
        };

        var action = ValeAction.None;
        if (root.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == "action").Value is YamlMappingNode actionNode)
        {
            var actionName = actionNode.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == "name").Value is YamlScalarNode n ? n.Value ?? "" : "";
            var parameters = actionNode.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == "params").Value is YamlSequenceNode ps
                ? ps.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToImmutableArray()
                : [];
            action = new ValeAction(actionName, parameters);
        }

        return new ValeRuleSpec
        {
            Name = name,
            Style = style,
            Path = path,
            Extends = extends,
            Message = ruleMessage,
            Description = Scalar("description") ?? "",
            Level = level.ToLowerInvariant(),
            Link = Scalar("link"),
            Limit = int.TryParse(Scalar("limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : 0,
            Scope = scope,
            Action = action,
            Node = root,
        };
    }
}
