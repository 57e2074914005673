using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Configuration;

/// <summary>A rule id named in a configuration file, with where it was named (checked once the rules are loaded).</summary>
public sealed record RuleReference(string RuleId, string Path, int Line, int Column);

/// <summary>Severities for the files that match <see cref="Files"/>.</summary>
public sealed record ConfigOverride(ImmutableArray<Glob> Files, ImmutableArray<SeveritySetting> Severity)
{
    /// <summary>`frontMatter`: keys and the values (any of them, ignoring case) the file's front matter must have.</summary>
    public ImmutableArray<(string Key, ImmutableArray<string> Values)> FrontMatter { get; init; } = [];

    /// <summary>True when the file matches `files` (if given) and its front matter matches `frontMatter` (if given).</summary>
    public bool Matches(string relativePath, IReadOnlyDictionary<string, string>? frontMatter) =>
        (Files.IsEmpty || Files.Any(g => g.IsMatch(relativePath)))
        && FrontMatter.All(f => frontMatter is not null && frontMatter.TryGetValue(f.Key, out var value)
            && f.Values.Any(v => v.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// A doclint.yaml: <c>root</c>, <c>defaultRules</c>, <c>rules</c> (extra rule folders), <c>include</c> and
/// <c>exclude</c> globs, <c>severity</c> (rule id → severity), <c>failLevel</c>, and <c>overrides</c> (each with
/// <c>files</c> globs and its own <c>severity</c>). Every problem points at its line.
/// </summary>
public sealed record DocLintConfigFile
{
    public const string FileName = "doclint.yaml";

    private static readonly string[] Keys = ["root", "defaultRules", "rules", "include", "exclude", "severity", "failLevel", "overrides", "readers", "vale"];

    public required string Path { get; init; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public bool IsRoot { get; init; }

    public bool? DefaultRules { get; init; }

    public ImmutableArray<string> RuleFolders { get; init; } = [];

    /// <summary>`vale`: a .vale.ini whose styles this configuration runs (relative to this file's folder).</summary>
    public string? Vale { get; init; }

    public ImmutableArray<Glob> Include { get; init; } = [];

    public ImmutableArray<Glob> Exclude { get; init; } = [];

    public ImmutableArray<SeveritySetting> Severity { get; init; } = [];

    public DiagnosticSeverity? FailLevel { get; init; }

    public ImmutableArray<ConfigOverride> Overrides { get; init; } = [];

    /// <summary>`readers`: file extension (".mdx") → reader name (plain, markdown, mdx, html).</summary>
    public ImmutableDictionary<string, string> Readers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<RuleReference> RuleReferences { get; init; } = [];

    public ImmutableArray<ConfigProblem> Problems { get; init; } = [];

    public static DocLintConfigFile Parse(string path, string text)
    {
        var problems = new List<ConfigProblem>();
        var references = new List<RuleReference>();
        void Problem(Mark mark, string message) => problems.Add(new ConfigProblem(path, Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1), message, DiagnosticSeverity.Error));

        YamlStream stream;
        try
        {
            stream = Text.YamlGuard.Load(text);
        }
        catch (Text.YamlGuard.LimitException ex)
        {
            Problem(ex.Where, ex.Message);
            return new DocLintConfigFile { Path = path, Problems = [.. problems] };
        }
        catch (YamlException ex)
        {
            Problem(ex.Start, $"invalid YAML: {ex.Message}");
            return new DocLintConfigFile { Path = path, Problems = [.. problems] };
        }

        if (stream.Documents.Count == 0)
        {
            return new DocLintConfigFile { Path = path };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(stream.Documents[0].RootNode.Start, "doclint.yaml must be a mapping of keys to values");
            return new DocLintConfigFile { Path = path, Problems = [.. problems] };
        }

        string? Scalar(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } value })
            {
                return value;
            }

            Problem(node.Start, $"'{key}' must be a single value");
            return null;
        }

        bool? Bool(YamlNode node, string key) => Scalar(node, key) switch
        {
            "true" => true,
            "false" => false,
            null => null,
            var other => Fail<bool?>(node, $"'{key}' must be true or false, not '{other}'"),
        };

        T? Fail<T>(YamlNode node, string message)
        {
            Problem(node.Start, message);
            return default;
        }

        ImmutableArray<string> Strings(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } one })
            {
                return [one];
            }

            if (node is not YamlSequenceNode list)
            {
                Problem(node.Start, $"'{key}' must be a list");
                return [];
            }

            return [.. list.Children.Select(c => Scalar(c, key)).OfType<string>()];
        }

        ImmutableArray<Glob> Globs(YamlNode node, string key)
        {
            var globs = ImmutableArray.CreateBuilder<Glob>();
            var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
            foreach (var item in items)
            {
                if (Scalar(item, key) is not { } text)
                {
                    continue;
                }

                if (Glob.TryParse(text, out var error) is { } glob)
                {
                    globs.Add(glob);
                }
                else
                {
                    Problem(item.Start, $"invalid glob in '{key}': {error}");
                }
            }

            return globs.ToImmutable();
        }

        // frontMatter: {genre: opinion} or {genre: [opinion, editorial]}: each key must have one of its values.
        ImmutableArray<(string, ImmutableArray<string>)> FrontMatterTests(YamlNode node)
        {
            if (node is not YamlMappingNode map || map.Children.Count == 0)
            {
                Problem(node.Start, "'frontMatter' maps front-matter keys to a value or a list of values: {genre: opinion}");
                return [];
            }

            var tests = ImmutableArray.CreateBuilder<(string, ImmutableArray<string>)>();
            foreach (var (k, v) in map.Children)
            {
                var key = Scalar(k, "frontMatter") ?? "";
                var values = v is YamlSequenceNode ? Strings(v, key) : Scalar(v, key) is { } one ? [one] : ImmutableArray<string>.Empty;
                tests.Add((key, values));
            }

            return tests.ToImmutable();
        }

        ImmutableArray<SeveritySetting> Severities(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Problem(node.Start, "'severity' maps rule ids to severities: {DL3001: error}");
                return [];
            }

            var settings = ImmutableArray.CreateBuilder<SeveritySetting>();
            foreach (var (k, v) in map.Children)
            {
                var written = Scalar(k, "severity") ?? "";
                // A Vale rule's name (Microsoft.Contractions) keeps its case; DocLint's ids and categories ignore it.
                var id = written.Contains('.', StringComparison.Ordinal) ? written : written.ToUpperInvariant();
                references.Add(new RuleReference(id, path, (int)k.Start.Line - 1, (int)k.Start.Column - 1));
                var word = Scalar(v, id);
                if (word == "default")
                {
                    settings.Add(new SeveritySetting(id, null, path, (int)v.Start.Line - 1));
                }
                else if (word is not null && DiagnosticSeverityNames.TryParse(word, out var severity))
                {
                    settings.Add(new SeveritySetting(id, severity, path, (int)v.Start.Line - 1));
                }
                else if (word is not null)
                {
                    Problem(v.Start, $"'{word}' is not a severity; use {DiagnosticSeverityNames.ConfigWords} or default");
                }
            }

            return settings.ToImmutable();
        }

        var config = new DocLintConfigFile { Path = path };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "root":
                    config = config with { IsRoot = Bool(value, key) ?? false };
                    break;
                case "defaultRules":
                    config = config with { DefaultRules = Bool(value, key) };
                    break;
                case "rules":
                    config = config with { RuleFolders = Strings(value, key) };
                    break;
                case "vale":
                    config = config with { Vale = Scalar(value, key) };
                    break;
                case "include":
                    config = config with { Include = Globs(value, key) };
                    break;
                case "exclude":
                    config = config with { Exclude = Globs(value, key) };
                    break;
                case "severity":
                    config = config with { Severity = Severities(value) };
                    break;
                case "failLevel":
                    var word = Scalar(value, key);
                    if (word is "error" or "warning" or "suggestion" && DiagnosticSeverityNames.TryParse(word, out var level))
                    {
                        config = config with { FailLevel = level };
                    }
                    else if (word is not null)
                    {
                        Problem(value.Start, $"'failLevel' must be error, warning or suggestion, not '{word}'");
                    }

                    break;
                case "overrides":
                    var overrides = ImmutableArray.CreateBuilder<ConfigOverride>();
                    foreach (var item in (value as YamlSequenceNode)?.Children ?? [])
                    {
                        if (item is not YamlMappingNode entry)
                        {
                            Problem(item.Start, "each override is a mapping with 'files' and 'severity'");
                            continue;
                        }

                        var files = ImmutableArray<Glob>.Empty;
                        var severity = ImmutableArray<SeveritySetting>.Empty;
                        var frontMatter = ImmutableArray<(string, ImmutableArray<string>)>.Empty;
                        foreach (var (k, v) in entry.Children)
                        {
                            switch ((k as YamlScalarNode)?.Value)
                            {
                                case "files": files = Globs(v, "files"); break;
                                case "frontMatter": frontMatter = FrontMatterTests(v); break;
                                case "severity": severity = Severities(v); break;
                                default: Problem(k.Start, $"unknown key '{(k as YamlScalarNode)?.Value}' in an override; expected files, frontMatter, severity"); break;
                            }
                        }

                        if (files.IsEmpty && frontMatter.IsEmpty)
                        {
                            Problem(entry.Start, "an override needs 'files' or 'frontMatter'");
                        }

                        overrides.Add(new ConfigOverride(files, severity) { FrontMatter = frontMatter });
                    }

                    if (value is not YamlSequenceNode)
                    {
                        Problem(value.Start, "'overrides' must be a list");
                    }

                    config = config with { Overrides = overrides.ToImmutable() };
                    break;
                case "readers":
                    var readers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                    if (value is not YamlMappingNode readerMap)
                    {
                        Problem(value.Start, "'readers' maps extensions to readers: {.mdx: markdown}");
                        break;
                    }

                    foreach (var (k, v) in readerMap.Children)
                    {
                        var extension = Scalar(k, key) ?? "";
                        var reader = Scalar(v, extension);
                        if (reader is null || Documents.DocumentReaders.Find(reader) is null)
                        {
                            Problem(v.Start, $"unknown reader '{reader}'; use one of: {string.Join(", ", Documents.DocumentReaders.All.Select(r => r.Name))}");
                            continue;
                        }

                        readers[extension.StartsWith('.') ? extension : "." + extension] = reader.ToLowerInvariant();
                    }

                    config = config with { Readers = readers.ToImmutable() };
                    break;
                default:
                    Problem(keyNode.Start, $"unknown key '{key}'; expected one of: {string.Join(", ", Keys)}");
                    break;
            }
        }

        return config with { Problems = [.. problems], RuleReferences = [.. references] };
    }
}
