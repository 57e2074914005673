using System.CommandLine;
using DocLint.Core.Configuration;
using DocLint.Core.Diagnostics;

namespace DocLint.Cli.Commands;

/// <summary>What the configuration says for the whole run: the doclint.yaml files governing the working folder.</summary>
internal sealed record RunConfiguration(ConfigurationSet Set, bool? DefaultRules, IReadOnlyList<string> RuleFolders, DiagnosticSeverity? FailLevel, IReadOnlyList<DocLintConfigFile> Chain)
{
    /// <summary>The .vale.ini the run uses (--config, doclint.yaml's <c>vale</c>, or found upwards when there is no doclint.yaml).</summary>
    public Core.Vale.ValeConfiguration? Vale => Set.Vale;

    /// <summary>
    /// Whether the built-in packs load: as doclint.yaml says; otherwise yes, unless the run uses a .vale.ini
    /// (Vale users expect their Vale alerts and nothing else).
    /// </summary>
    public bool LoadsDefaultRules => DefaultRules ?? Vale is null;

    /// <summary>Reader mappings from the configuration, one per extension: the .vale.ini's <c>[formats]</c>, then the doclint.yaml files, the nearest winning.</summary>
    public IEnumerable<KeyValuePair<string, string>> Readers
    {
        get
        {
            var map = new Dictionary<string, string>(Vale?.Formats ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var (extension, reader) in Chain.Reverse().SelectMany(c => c.Readers))
            {
                map[extension] = reader;
            }

            return map;
        }
    }

    /// <summary>True when a file found by walking folders or globs is inside what the configuration includes.</summary>
    public bool Includes(string fullPath)
    {
        foreach (var config in Set.YamlFor(fullPath))
        {
            var relative = Glob.RelativePath(config.Directory, fullPath);
            if (config.Exclude.Any(g => g.IsMatch(relative)) || (!config.Include.IsEmpty && !config.Include.Any(g => g.IsMatch(relative))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a run lints this file: one named on the command line always; one found by walking folders or globs
    /// when the configuration includes it and it is not a file of a Vale style or vocabulary.
    /// </summary>
    public bool Selects(string fullPath, IReadOnlySet<string> namedFiles) =>
        namedFiles.Contains(fullPath) || (Includes(fullPath) && !(Vale?.InStylesPath(fullPath) ?? false));
}

/// <summary><c>--config PATH</c>, and reading the configuration that governs a run.</summary>
internal sealed class ConfigOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Use this doclint.yaml instead of looking for one from each file's folder upwards; or a Vale configuration (.vale.ini, _vale.ini, .vale, _vale, any INI file), whose styles run instead of the built-in packs.",
        HelpName = "PATH",
    };

    public void AddTo(Command command) => command.Options.Add(Config);

    public RunConfiguration Load(ParseResult parse, CliContext context)
    {
        DocLintConfigFile? explicitConfig = null;
        var environment = Core.Vale.ValeEnvironment.From(context.GetEnvironmentVariable, context.CurrentDirectory);
        if (parse.GetValue(Config) is { } valePath && Core.Vale.ValeIni.IsValeConfigPath(Path.GetFullPath(valePath, context.CurrentDirectory)))
        {
            var set = new ConfigurationSet { Vale = Core.Vale.ValeConfiguration.Load(Path.GetFullPath(valePath, context.CurrentDirectory), environment.StylesPath) };
            return Resolve(set, context.CurrentDirectory, environment);
        }

        if (parse.GetValue(Config) is { } path)
        {
            var full = Path.GetFullPath(path, context.CurrentDirectory);
            try
            {
                explicitConfig = DocLintConfigFile.Parse(full, Core.Workspace.RegularFile.ReadAllText(full, Core.Engine.Limits.MaxYamlBytes));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var reason = ex is FileNotFoundException ? "configuration file not found" : $"cannot read the configuration file: {ex.Message}";
                explicitConfig = new DocLintConfigFile { Path = full, Problems = [new ConfigProblem(full, 0, 0, reason, DiagnosticSeverity.Error)] };
            }
        }

        return Resolve(new ConfigurationSet(explicitConfig), context.CurrentDirectory, environment);
    }

    /// <summary>
    /// True when the command line and the files' names alone show that a run started in <paramref name="directory"/>
    /// uses a Vale configuration and no doclint.yaml, and so no built-in packs: <c>--config</c> names a Vale
    /// configuration, or, with no <c>--config</c>, no doclint.yaml stands in the folder or above it and a .vale.ini
    /// does or <c>VALE_CONFIG_PATH</c> names one (what <see cref="Resolve"/> finds). False when unsure; read before the
    /// command line is parsed.
    /// </summary>
    public static bool UsesValeAlone(IReadOnlyList<string> args, string directory)
    {
        string? config = null;
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            if (args[i].StartsWith('@'))
            {
                return false; // a response file: its options are not read here
            }

            if (args[i] == "--config" && i + 1 < args.Count)
            {
                config = args[i + 1];
            }
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal) || args[i].StartsWith("--config:", StringComparison.Ordinal))
            {
                config = args[i]["--config=".Length..];
            }
        }

        if (config is not null)
        {
            return Core.Vale.ValeIni.IsValeConfigPath(Path.GetFullPath(config, directory));
        }

        for (var dir = directory; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, DocLintConfigFile.FileName)))
            {
                return false;
            }
        }

        return Core.Vale.ValeEnvironment.From(Environment.GetEnvironmentVariable, directory).ConfigPath is { } named
            ? Core.Vale.ValeIni.IsValeConfigPath(named)
            : Core.Vale.ValeIni.Find(directory) is not null;
    }

    /// <summary>
    /// What the doclint.yaml files governing <paramref name="directory"/> say for a run started there; Vale's
    /// <paramref name="environment"/> variables, when given, as Vale reads them.
    /// </summary>
    public static RunConfiguration Resolve(ConfigurationSet set, string directory, Core.Vale.ValeEnvironment? environment = null)
    {
        environment ??= Core.Vale.ValeEnvironment.None;
        var chain = set.YamlFor(Path.Combine(directory, "."));
        if (set.Vale is null)
        {
            // doclint.yaml wins: its `vale` key (the nearest) names the .vale.ini; with no doclint.yaml, the .vale.ini
            // VALE_CONFIG_PATH names, or else one found from the working folder upwards (as Vale finds it), is used.
            var named = chain.FirstOrDefault(c => c.Vale is not null);
            var ini = named is not null ? Path.GetFullPath(named.Vale!, named.Directory)
                : chain.Count == 0 ? environment.ConfigPath ?? Core.Vale.ValeIni.Find(directory) : null;
            if (ini is not null)
            {
                set.Vale = Core.Vale.ValeConfiguration.Load(ini, environment.StylesPath);
            }
        }

        var folders = chain.Reverse().SelectMany(c => c.RuleFolders.Select(f => Path.GetFullPath(f, c.Directory))).Distinct(StringComparer.Ordinal).ToList();
        return new RunConfiguration(
            set,
            chain.Select(c => c.DefaultRules).FirstOrDefault(d => d is not null),
            folders,
            chain.Select(c => c.FailLevel).FirstOrDefault(f => f is not null),
            chain);
    }
}
