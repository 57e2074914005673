using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Vale;

/// <summary>What a .vale.ini says for one file: the level of each rule that is on, and what to leave out.</summary>
public sealed class ValeFileSettings
{
    public static ValeFileSettings None { get; } = new();

    /// <summary>Rule name (<c>Style.Rule</c>) → level, for every rule that is on for the file.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Levels { get; init; } = new Dictionary<string, DiagnosticSeverity>();

    /// <summary>Styles on for the file (BasedOnStyles of every matching section).</summary>
    public IReadOnlySet<string> Styles { get; init; } = new HashSet<string>();

    /// <summary>Rule or style name → an explicit setting (YES, NO or a level) of the matching sections.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public DiagnosticSeverity MinLevel { get; init; } = DiagnosticSeverity.Suggestion;

    public ImmutableArray<Regex> BlockIgnores { get; init; } = [];

    public ImmutableArray<Regex> TokenIgnores { get; init; } = [];

    /// <summary>Block-level tags whose content is skipped (<c>SkippedScopes</c>: the user's list replaces Vale's default).</summary>
    public ImmutableArray<string> SkippedScopes { get; init; } = ValeMarkup.DefaultSkippedScopes;

    /// <summary>Inline tags whose text stands as <c>*</c> (<c>IgnoredScopes</c>: the user's list replaces Vale's default).</summary>
    public ImmutableArray<string> IgnoredScopes { get; init; } = ValeMarkup.DefaultIgnoredScopes;

    /// <summary>Classes whose elements are skipped (block) or stand as <c>*</c> (inline), besides Vale's own.</summary>
    public ImmutableArray<string> IgnoredClasses { get; init; } = [];

    /// <summary>The reader <c>[formats]</c> gives the file's extension (<c>markdown</c>, <c>html</c>, <c>plain</c>), or null.</summary>
    public string? Format { get; init; }

    /// <summary>The severity of a rule for this file: None when the configuration leaves it off or below MinAlertLevel.</summary>
    public DiagnosticSeverity SeverityOf(string rule, string style, DiagnosticSeverity own)
    {
        DiagnosticSeverity? level = Styles.Contains(style) ? own : null;
        if (Settings.TryGetValue(style, out var byStyle))
        {
            level = Apply(byStyle, own) ?? level;
        }

        if (Settings.TryGetValue(rule, out var byRule))
        {
            level = Apply(byRule, own) ?? level;
        }

        return level is { } chosen && chosen >= MinLevel ? chosen : DiagnosticSeverity.None;
    }

    private static DiagnosticSeverity? Apply(string setting, DiagnosticSeverity own) => setting.ToUpperInvariant() switch
    {
        "YES" => own,
        "NO" => DiagnosticSeverity.None,
        _ => ValeRuleSpec.LevelToSeverity(setting),
    };
}

/// <summary>
/// Vale's environment variables, as full paths: <c>VALE_CONFIG_PATH</c> names the configuration instead of the search
/// from the working folder upwards, and <c>VALE_STYLES_PATH</c> the styles folder instead of the configuration's
/// <c>StylesPath</c>.
/// </summary>
public sealed record ValeEnvironment(string? ConfigPath, string? StylesPath)
{
    public static ValeEnvironment None { get; } = new(null, null);

    /// <summary>The variables as <paramref name="variable"/> gives them, a relative path taken from <paramref name="directory"/>; an empty one is not set.</summary>
    public static ValeEnvironment From(Func<string, string?> variable, string directory)
    {
        string? PathOf(string name) => variable(name) is { Length: > 0 } value ? Path.GetFullPath(value, directory) : null;
        return new ValeEnvironment(PathOf("VALE_CONFIG_PATH"), PathOf("VALE_STYLES_PATH"));
    }
}

/// <summary>
/// A .vale.ini read and resolved: where the styles are, which styles and rules each section turns on, the
/// vocabularies, and per file (cached) the rules that apply with their levels.
/// </summary>
public sealed class ValeConfiguration
{
    private readonly ConcurrentDictionary<string, ValeFileSettings> _perFile = new(StringComparer.Ordinal);
    private readonly List<(ValeGlob Glob, ValeIniSection Section)> _sections = [];

    private ValeConfiguration(ValeIni ini, string? stylesPath)
    {
        Ini = ini;
        var global = ini.Global;
        StylesPath = stylesPath ?? Path.GetFullPath(global.Get("StylesPath") ?? "styles", ini.Directory);
        MinLevel = global.Get("MinAlertLevel") is { } min && ValeRuleSpec.LevelToSeverity(min) is { } level ? level : DiagnosticSeverity.Suggestion;
        if (global.Get("MinAlertLevel") is { } bad && ValeRuleSpec.LevelToSeverity(bad) is null)
        {
            Problems.Add($"{ini.Path}: MinAlertLevel must be suggestion, warning or error (not '{bad}')");
        }

        foreach (var entry in ini.Sections.FirstOrDefault(s => s.Glob == "formats")?.Entries ?? [])
        {
            var extension = "." + entry.Key.TrimStart('.');
            if (ReaderOf(entry.Value) is { } reader)
            {
                _formats[extension] = reader;
            }
            else
            {
                Notes.Add($"{ini.Path}:{entry.Line + 1}: [formats] {entry.Key} = {entry.Value}: DocLint reads Markdown, HTML and plain text only; '{extension}' files are read by their extension");
            }
        }

        WordTemplate = global.Get("WordTemplate") is { Length: > 0 } template ? template : null;
        if (WordTemplate is not null && !WordTemplate.Contains("%s", StringComparison.Ordinal))
        {
            Problems.Add($"{ini.Path}: WordTemplate must hold '%s', where a rule's tokens go (not '{WordTemplate}')");
            WordTemplate = null;
        }

        Vocab = ValeIni.List(global.Get("Vocab"));
        Packages = ValeIni.List(global.Get("Packages"));
        Problems.AddRange(ini.Problems);
        foreach (var section in ini.Sections.Skip(1))
        {
            if (section.Glob is "formats" or "asciidoctor")
            {
                // [formats] maps extensions to formats; [asciidoctor] holds Asciidoctor's attributes: neither is a glob.
                continue;
            }

            if (ValeGlob.TryParse(section.Glob!, out var error) is { } glob)
            {
                _sections.Add((glob, section));
            }
            else
            {
                Problems.Add($"{ini.Path}:{section.Line + 1}: {error}");
            }
        }

        foreach (var known in new[] { "Transform", "CommentDelimiters", "Lang", "View" })
        {
            if (ini.Sections.Any(s => s.Get(known) is not null))
            {
                Notes.Add($"{ini.Path}: '{known}' is not supported and is ignored");
            }
        }
    }

    public ValeIni Ini { get; }

    private readonly Dictionary<string, string> _formats = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>[formats]</c>: extension (with its dot) → DocLint's reader (<c>mdx = md</c> reads .mdx as Markdown).</summary>
    public IReadOnlyDictionary<string, string> Formats => _formats;

    /// <summary>DocLint's reader for one of Vale's format names, or null for a format DocLint does not read.</summary>
    private static string? ReaderOf(string format) => format.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "md" or "markdown" or "mdown" or "markdn" or "mdx" => "markdown",
        "html" or "htm" or "shtml" or "xhtml" => "html",
        "txt" or "text" => "plain",
        _ => null,
    };

    public string StylesPath { get; }

    public DiagnosticSeverity MinLevel { get; }

    /// <summary>
    /// <c>WordTemplate</c>: what a word is to <c>existence</c>, <c>substitution</c> and <c>consistency</c> rules, the
    /// pattern their tokens stand in for <c>%s</c> in (Vale's default, when null: <c>(?m)\b(?:%s)\b</c>).
    /// </summary>
    public string? WordTemplate { get; }

    public ImmutableArray<string> Vocab { get; }

    public ImmutableArray<string> Packages { get; }

    /// <summary>Errors in the file: a run does not start with them.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Keys read but not acted on, said once on standard error.</summary>
    public List<string> Notes { get; } = [];

    /// <param name="stylesPath">The styles folder, a full path, instead of the file's <c>StylesPath</c> (<see cref="ValeEnvironment.StylesPath"/>).</param>
    public static ValeConfiguration Load(string path, string? stylesPath = null)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = Workspace.RegularFile.ReadAllText(full, Engine.Limits.MaxYamlBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var config = new ValeConfiguration(ValeIni.Parse(full, ""), stylesPath);
            config.Problems.Add(ex is FileNotFoundException ? $"{full}: Vale configuration file not found" : $"{full}: cannot read the Vale configuration: {ex.Message}");
            return config;
        }

        return new ValeConfiguration(ValeIni.Parse(full, text), stylesPath);
    }

    /// <summary>Every style a section names (BasedOnStyles, or the style part of a Style.Rule key).</summary>
    public IEnumerable<string> ReferencedStyles()
    {
        var styles = new List<string>();
        foreach (var section in Ini.Sections)
        {
            styles.AddRange(ValeIni.List(section.Get("BasedOnStyles")));
            styles.AddRange(section.Entries.Where(e => e.Key.Contains('.', StringComparison.Ordinal)).Select(e => e.Key[..e.Key.IndexOf('.', StringComparison.Ordinal)]));
        }

        return styles.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// True when a section glob of the file (other than <c>[*]</c>, which would take every file) names the path: a
    /// folder walk lints it too (<c>[*.{md,rst}]</c> takes .rst files). The walk takes DocLint's own document
    /// extensions anyway, MDX among them, which Vale reads under <c>[*]</c>, and XHTML, HTML to both, under any section.
    /// </summary>
    public bool Covers(string path) =>
        _formats.ContainsKey(Path.GetExtension(path))
        || _sections.Any(s => (s.Glob.Text != "*" || Path.GetExtension(path).Equals(".xhtml", StringComparison.OrdinalIgnoreCase)) && Matches(s.Glob, path));

    /// <summary>True for a file of a style or a vocabulary (StylesPath/STYLE/, StylesPath/config/, StylesPath/Vocab/): a folder walk does not lint them.</summary>
    public bool InStylesPath(string path) =>
        ReferencedStyles().Append("config").Append("Vocab").Any(folder => path.StartsWith(Path.Combine(StylesPath, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>A section glob matches the whole path, or the path relative to the .vale.ini's folder (<c>[docs/*.md]</c>).</summary>
    private bool Matches(ValeGlob glob, string path) =>
        glob.IsMatch(path) || glob.IsMatch(Path.GetRelativePath(Ini.Directory, path));

    /// <summary>The settings for a file, resolved once per path.</summary>
    public ValeFileSettings ForFile(string path) => _perFile.GetOrAdd(path, Resolve);

    private ValeFileSettings Resolve(string path)
    {
        var styles = new HashSet<string>(StringComparer.Ordinal);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var blockIgnores = new List<Regex>();
        var tokenIgnores = new List<Regex>();
        var skippedScopes = ValeMarkup.DefaultSkippedScopes;
        var ignoredScopes = ValeMarkup.DefaultIgnoredScopes;
        var ignoredClasses = ImmutableArray<string>.Empty;
        var matching = new List<ValeIniSection> { Ini.Global };
        matching.AddRange(_sections.Where(s => Matches(s.Glob, path)).Select(s => s.Section));
        foreach (var section in matching)
        {
            if (section.Get("BasedOnStyles") is { } based)
            {
                styles.UnionWith(ValeIni.List(based));
            }

            foreach (var entry in section.Entries)
            {
                // Style.Rule = YES/NO/level, and a style's own setting (Style = NO, Style = suggestion) for the rest of its rules.
                if (entry.Key.Contains('.', StringComparison.Ordinal)
                    || (entry.Value.ToUpperInvariant() is "YES" or "NO" or "SUGGESTION" or "WARNING" or "ERROR" && !IsKnownKey(entry.Key) && entry.Key != "MinAlertLevel"))
                {
                    settings[entry.Key] = entry.Value;
                }
            }

            AddPatterns(section.Get("BlockIgnores"), blockIgnores);
            AddPatterns(section.Get("IgnorePatterns"), blockIgnores);
            AddPatterns(section.Get("TokenIgnores"), tokenIgnores);

            // A list given replaces the one before it (Vale's default first).
            skippedScopes = Tags(section.Get("SkippedScopes")) ?? skippedScopes;
            // Vale's scope names for inline text name their tags too: "link" is <a>, "strong" and "emphasis" <strong> and <em>.
            ignoredScopes = Tags(section.Get("IgnoredScopes")) is { } named
                ? [.. named.SelectMany(t => t switch { "link" => ["link", "a"], "emphasis" => ["emphasis", "em"], _ => new[] { t } }).Distinct()]
                : ignoredScopes;
            ignoredClasses = ValeIni.List(section.Get("IgnoredClasses")) is { IsEmpty: false } classes ? classes : ignoredClasses;
        }

        return new ValeFileSettings
        {
            Styles = styles,
            Settings = settings,
            MinLevel = MinLevel,
            BlockIgnores = [.. blockIgnores],
            TokenIgnores = [.. tokenIgnores],
            SkippedScopes = skippedScopes,
            IgnoredScopes = ignoredScopes,
            IgnoredClasses = ignoredClasses,
            Format = _formats.GetValueOrDefault(Path.GetExtension(path)),
        };
    }

    /// <summary>A list of tag names as written; Vale's scope names (<c>text.comment.line</c>) name no tag and are left out.</summary>
    private static ImmutableArray<string>? Tags(string? value) =>
        ValeIni.List(value) is { IsEmpty: false } list ? [.. list.Where(t => !t.Contains('.', StringComparison.Ordinal)).Select(t => t.ToLowerInvariant())] : null;

    private static bool IsKnownKey(string key) => key is "BasedOnStyles" or "BlockIgnores" or "IgnorePatterns" or "TokenIgnores" or "IgnoredScopes" or "SkippedScopes" or "IgnoredClasses" or "Transform" or "Lang";

    private static void AddPatterns(string? value, List<Regex> into)
    {
        foreach (var pattern in ValeIni.PatternList(value))
        {
            try
            {
                into.Add(new Regex(ValeRegex.Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(2)));
            }
            catch (ArgumentException)
            {
                // A pattern .NET cannot read is left out; ValeStyleSet reports it when the configuration loads.
            }
        }
    }

    /// <summary>The folders a vocabulary may live in: <c>config/vocabularies/NAME</c> (Vale 3) and <c>Vocab/NAME</c> (Vale 2).</summary>
    public IEnumerable<string> VocabularyFolders(string name) =>
        [Path.Combine(StylesPath, "config", "vocabularies", name), Path.Combine(StylesPath, "Vocab", name)];
}
