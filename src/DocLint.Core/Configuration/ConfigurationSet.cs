using System.Collections.Concurrent;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules;

namespace DocLint.Core.Configuration;

/// <summary>Where a rule's effective severity for a file came from.</summary>
public sealed record SeverityChoice(DiagnosticSeverity Severity, string Source);

/// <summary>
/// The severity settings that apply to one file, by rule id or category (<c>CATEGORY-TONE</c>), with where
/// each came from and how near it is (0 the nearest: lower levels win).
/// </summary>
public sealed class FileSeverities(IReadOnlyDictionary<string, (SeveritySetting Setting, string Source, int Level)> chosen, Vale.ValeFileSettings? vale = null, string? valeSource = null)
{
    /// <summary>The key a category's setting has: "category-Tone" in doclint.yaml and .editorconfig.</summary>
    public static string CategoryKey(string category) => CategoryKeys.GetOrAdd(category, static c => "CATEGORY-" + c.ToUpperInvariant());

    // Asked for every rule of every file: the few categories' keys are made once.
    private static readonly ConcurrentDictionary<string, string> CategoryKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// The rule's severity for this file: a setting for its id or its category ("default" meaning the rule's
    /// own), or the rule's own. The nearer setting wins; at the same level, the rule's id beats its category.
    /// </summary>
    public SeverityChoice For(RuleDefinition rule)
    {
        var hasId = chosen.TryGetValue(rule.Id, out var byId);
        var hasCategory = chosen.TryGetValue(CategoryKey(rule.Category), out var byCategory);
        if (!hasId && !hasCategory)
        {
            // A Vale rule is on for a file only where its .vale.ini turns it on, at the level it gives.
            return vale is not null && rule.Category == Vale.ValeRule.Category
                ? new SeverityChoice(vale.SeverityOf(rule.Id, rule.Id[..Math.Max(0, rule.Id.IndexOf('.', StringComparison.Ordinal))], rule.Severity), valeSource ?? ".vale.ini")
                : Default(rule.Severity);
        }

        var entry = hasId && (!hasCategory || byId.Level <= byCategory.Level) ? byId : byCategory;
        return new SeverityChoice(entry.Setting.Severity ?? rule.Severity, entry.Source);
    }

    /// <summary>A rule's own severity, where nothing sets another: asked for most rules of most files, so made once per severity.</summary>
    private static SeverityChoice Default(DiagnosticSeverity severity) =>
        (uint)severity < (uint)Defaults.Length ? Defaults[(int)severity] : new SeverityChoice(severity, "default");

    private static readonly SeverityChoice[] Defaults =
        [.. Enumerable.Range(0, (int)Enum.GetValues<DiagnosticSeverity>().Max() + 1).Select(s => new SeverityChoice((DiagnosticSeverity)s, "default"))];
}

/// <summary>
/// Severities per file, from doclint.yaml and .editorconfig, the way .NET analyzers are configured. For a
/// file, doclint.yaml files are read from its folder upwards (stopping after one with <c>root: true</c>, or
/// only the one given with --config); .editorconfig files likewise (stopping at <c>root = true</c>). The
/// nearer file wins. doclint.yaml (its overrides, then its severity map) wins over .editorconfig, which
/// wins over the rule's own default. Files are read once per folder and cached; instances are thread-safe.
/// </summary>
public sealed class ConfigurationSet
{
    private readonly ConcurrentDictionary<string, DocLintConfigFile?> _yaml = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _editorConfig = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ConfigProblem> _problems = [];
    private readonly DocLintConfigFile? _explicit;

    /// <summary>The doclint.yaml files and the .editorconfig files (each with its folder) that apply in a folder, nearest first.</summary>
    private readonly ConcurrentDictionary<string, DocLintConfigFile[]> _yamlChains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Dir, EditorConfigFile File)[]> _editorConfigChains = new(StringComparer.Ordinal);
    private readonly Func<string, DocLintConfigFile?> _readYaml;
    private readonly Func<string, EditorConfigFile?> _readEditorConfig;
    private readonly Func<string, DocLintConfigFile[]> _yamlChain;
    private readonly Func<string, (string Dir, EditorConfigFile File)[]> _editorConfigChain;

    public ConfigurationSet(DocLintConfigFile? explicitConfig = null)
    {
        _explicit = explicitConfig;
        _readYaml = ReadYaml;
        _readEditorConfig = ReadEditorConfig;
        _yamlChain = YamlChain;
        _editorConfigChain = EditorConfigChain;
    }

    /// <summary>The .vale.ini whose sections turn Vale rules on per file (below doclint.yaml and .editorconfig settings); null without one.</summary>
    public Vale.ValeConfiguration? Vale { get; set; }

    /// <summary>Problems met in configuration files read so far (invalid .editorconfig values are warnings).</summary>
    public IReadOnlyCollection<ConfigProblem> Problems => _problems;

    /// <summary>Every doclint.yaml read so far (and the one given with --config).</summary>
    public IEnumerable<DocLintConfigFile> LoadedYaml => _yaml.Values.OfType<DocLintConfigFile>().Concat(_explicit is null ? [] : [_explicit]);

    /// <summary>
    /// Problems of every configuration read so far, including rule ids that no loaded rule has (an error
    /// at the line that names them).
    /// </summary>
    public IReadOnlyList<ConfigProblem> ProblemsWith(RuleSet rules)
    {
        var categories = rules.Rules.Select(r => FileSeverities.CategoryKey(r.Definition.Category)).ToHashSet(StringComparer.Ordinal);
        var unknown = LoadedYaml.SelectMany(c => c.RuleReferences).Where(r => rules.Find(r.RuleId) is null && !categories.Contains(r.RuleId))
            .Select(r => new ConfigProblem(r.Path, r.Line, r.Column, r.RuleId.StartsWith("CATEGORY-", StringComparison.Ordinal)
                ? $"unknown category '{r.RuleId["CATEGORY-".Length..].ToLowerInvariant()}' (categories ignore case); the categories are {string.Join(", ", rules.Rules.Select(x => x.Definition.Category).Distinct().Order(StringComparer.Ordinal))}"
                : $"unknown rule id '{r.RuleId}'; 'doclint rules list' shows the rules", DiagnosticSeverity.Error));
        return [.. Problems.Concat(_explicit?.Problems ?? []).Concat(unknown).Distinct().OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line)];
    }

    /// <summary>The doclint.yaml files that apply to a file, nearest first.</summary>
    public IReadOnlyList<DocLintConfigFile> YamlFor(string fullPath) =>
        _explicit is not null ? [_explicit] : _yamlChains.GetOrAdd(Path.GetDirectoryName(fullPath) ?? "", _yamlChain);

    /// <summary>The doclint.yaml files from <paramref name="folder"/> up, nearest first, up to one with <c>root: true</c>; read once per folder.</summary>
    private DocLintConfigFile[] YamlChain(string folder)
    {
        var chain = new List<DocLintConfigFile>();
        for (var dir = folder.Length == 0 ? null : folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (_yaml.GetOrAdd(dir, _readYaml) is { } config)
            {
                chain.Add(config);
                if (config.IsRoot)
                {
                    break;
                }
            }
        }

        return [.. chain];
    }

    /// <summary>The .editorconfig files from <paramref name="folder"/> up, nearest first, up to one with <c>root = true</c>; read once per folder.</summary>
    private (string Dir, EditorConfigFile File)[] EditorConfigChain(string folder)
    {
        var chain = new List<(string, EditorConfigFile)>();
        for (var dir = folder.Length == 0 ? null : folder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (_editorConfig.GetOrAdd(dir, _readEditorConfig) is { } editorConfig)
            {
                chain.Add((dir, editorConfig));
                if (editorConfig.IsRoot)
                {
                    break;
                }
            }
        }

        return [.. chain];
    }

    /// <summary>
    /// Every severity setting that applies to one file, resolved once (the configuration files walked, the
    /// globs matched), so that each rule is then a dictionary lookup.
    /// </summary>
    /// <param name="frontMatter">The document's front matter (or metadata), for overrides that select by it; none when not read yet.</param>
    public FileSeverities ForFile(string fullPath, IReadOnlyDictionary<string, string>? frontMatter = null)
    {
        var chosen = new Dictionary<string, (SeveritySetting Setting, string Source, int Level)>(StringComparer.Ordinal);
        var level = 0;

        // doclint.yaml, nearest first: its overrides (the last matching one wins), then its severity map.
        foreach (var config in YamlFor(fullPath))
        {
            var relative = Glob.RelativePath(config.Directory, fullPath);
            var fromOverrides = new Dictionary<string, SeveritySetting>(StringComparer.Ordinal);
            foreach (var over in config.Overrides.Where(o => o.Matches(relative, frontMatter)))
            {
                foreach (var setting in over.Severity)
                {
                    fromOverrides[setting.RuleId] = setting;
                }
            }

            foreach (var setting in fromOverrides.Values)
            {
                chosen.TryAdd(setting.RuleId, (setting, $"{config.Path}:{setting.Line + 1} (override)", level));
            }

            level++;
            foreach (var setting in config.Severity.Reverse())
            {
                chosen.TryAdd(setting.RuleId, (setting, $"{config.Path}:{setting.Line + 1}", level));
            }

            level++;
        }

        // .editorconfig, nearest first, up to one with root = true; within a file the last matching line wins.
        foreach (var (dir, editorConfig) in _editorConfigChains.GetOrAdd(Path.GetDirectoryName(fullPath) ?? "", _editorConfigChain))
        {
            var relative = Glob.RelativePath(dir, fullPath);
            var fromFile = new Dictionary<string, SeveritySetting>(StringComparer.Ordinal);
            foreach (var setting in editorConfig.Sections.Where(s => s.Glob.IsMatch(relative)).SelectMany(s => s.Settings))
            {
                fromFile[setting.RuleId] = setting;
            }

            foreach (var setting in fromFile.Values)
            {
                chosen.TryAdd(setting.RuleId, (setting, $"{editorConfig.Path}:{setting.Line + 1}", level));
            }

            level++;
        }

        return new FileSeverities(chosen, Vale?.ForFile(fullPath), Vale?.Ini.Path);
    }

    private DocLintConfigFile? ReadYaml(string dir) =>
        Read(dir, DocLintConfigFile.FileName, DocLintConfigFile.Parse, c => c.Problems);

    private EditorConfigFile? ReadEditorConfig(string dir) =>
        Read(dir, ".editorconfig", EditorConfigFile.Parse, c => c.Problems);

    /// <summary>Parses a configuration file in <paramref name="dir"/>, if there is one, and keeps its problems.</summary>
    private T? Read<T>(string dir, string name, Func<string, string, T> parse, Func<T, IEnumerable<ConfigProblem>> problems)
        where T : class
    {
        var path = Path.Combine(dir, name);
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = Workspace.RegularFile.ReadAllText(path, Engine.Limits.MaxYamlBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A configuration file that cannot be read (a FIFO, a device, too large) is skipped: the run goes on without it.
            _problems.Add(new ConfigProblem(path, 0, 0, $"configuration file skipped: {ex.Message}", DiagnosticSeverity.Warning, EngineDiagnostics.UnreadableInput));
            return null;
        }

        var file = parse(path, text);
        foreach (var problem in problems(file))
        {
            _problems.Add(problem);
        }

        return file;
    }
}
