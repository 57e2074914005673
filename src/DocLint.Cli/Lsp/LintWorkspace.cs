using System.Collections.Immutable;
using DocLint.Cli.Commands;
using DocLint.Core.Configuration;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;

namespace DocLint.Cli.Lsp;

/// <summary>
/// The rules and configuration for one workspace folder, resolved as <c>doclint check</c> run in that folder
/// resolves them: the doclint.yaml files from the folder upwards choose the rule folders and whether the
/// built-in packs load; each file's severities come from its nearest doclint.yaml and .editorconfig files.
/// </summary>
internal sealed record LintSetup(string Root, RuleSet Rules, LintEngine Engine, ConfigurationSet? Configuration)
{
    /// <summary>Readers by extension, from the configuration.</summary>
    public IReadOnlyDictionary<string, string> Readers { get; init; } = new Dictionary<string, string>();

    /// <summary>Errors in the rule or configuration files this setup was loaded from (DL0001), when it is a fallback.</summary>
    public ImmutableArray<Diagnostic> LoadErrors { get; init; } = [];
}

/// <summary>
/// Every setup in use, by workspace folder, and reloading them when configuration or rule files change. A
/// reload that fails keeps the last good setup (or, at first, the built-in rules) and reports the errors on
/// the files that hold them. Thread-safe: setups are immutable and replaced whole.
/// </summary>
internal sealed class LintWorkspace
{
    private readonly object _lock = new();
    private readonly List<string> _roots = [];
    private readonly Dictionary<string, LintSetup> _setups = new(StringComparer.Ordinal);
    private readonly string _fallbackRoot;

    public LintWorkspace(string fallbackRoot) => _fallbackRoot = fallbackRoot;

    /// <summary>Increases with every reload, so that results computed before it are known to be stale.</summary>
    public int Generation { get; private set; }

    public void AddRoot(string root)
    {
        lock (_lock)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            if (!_roots.Contains(full, StringComparer.Ordinal))
            {
                _roots.Add(full);
            }
        }
    }

    public void RemoveRoot(string root)
    {
        lock (_lock)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            _roots.Remove(full);
            _setups.Remove(full);
            Generation++;
        }
    }

    /// <summary>The setup that governs a document: its workspace folder's (the innermost), else its own folder's.</summary>
    public LintSetup For(string path)
    {
        lock (_lock)
        {
            var root = RootOf(path);
            if (!_setups.TryGetValue(root, out var setup))
            {
                setup = Load(root, previous: null);
                _setups[root] = setup;
            }

            return setup;
        }
    }

    /// <summary>Reads every setup in use again; one that fails to load keeps its last good rules.</summary>
    public void Reload()
    {
        lock (_lock)
        {
            foreach (var root in _setups.Keys.ToList())
            {
                _setups[root] = Load(root, _setups[root]);
            }

            Generation++;
        }
    }

    /// <summary>
    /// Problems in the configuration and rule files of every setup, by file: load errors, and what the
    /// configuration files read so far hold (including those found below the folder while linting).
    /// </summary>
    public Dictionary<string, List<Diagnostic>> Problems()
    {
        List<LintSetup> setups;
        lock (_lock)
        {
            setups = [.. _setups.Values];
        }

        var byFile = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var setup in setups)
        {
            var problems = setup.LoadErrors.AsEnumerable();
            if (setup.Configuration is { } configuration)
            {
                problems = problems.Concat(configuration.ProblemsWith(setup.Rules).Select(p => p.ToDiagnostic()));
            }

            foreach (var problem in problems.Where(p => Path.IsPathRooted(p.Path)))
            {
                if (!byFile.TryGetValue(problem.Path, out var list))
                {
                    byFile[problem.Path] = list = [];
                }

                if (!list.Contains(problem))
                {
                    list.Add(problem);
                }
            }
        }

        return byFile;
    }

    private string RootOf(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return _roots.FirstOrDefault() ?? _fallbackRoot;
        }

        var best = _roots.Where(r => path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)).MaxBy(r => r.Length);
        return best ?? Path.GetDirectoryName(path) ?? _fallbackRoot;
    }

    private static LintSetup Load(string root, LintSetup? previous)
    {
        var set = new ConfigurationSet();
        var run = ConfigOptions.Resolve(set, root, Core.Vale.ValeEnvironment.From(Environment.GetEnvironmentVariable, root));
        var loaded = RuleOptions.Build(run.LoadsDefaultRules, run.RuleFolders, root, vale: run.Vale);
        var errors = loaded.Errors;
        if (loaded.RuleSet is { } rules)
        {
            errors = [.. set.ProblemsWith(rules).Where(p => p.Severity == DiagnosticSeverity.Error).Select(p => p.ToDiagnostic())];
            if (errors.IsEmpty)
            {
                var options = new LintOptions
                {
                    Configuration = set,
                    Readers = new Dictionary<string, string>(run.Readers.Reverse().DistinctBy(r => r.Key, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
                    MaxParallelism = 1,
                };
                return new LintSetup(root, rules, new LintEngine(rules, options), set) { Readers = options.Readers };
            }
        }

        // Keep serving: with the last good setup, or at first with the built-in rules alone.
        var fallback = previous ?? BuiltIn(root);
        return fallback with { LoadErrors = errors };
    }

    private static LintSetup BuiltIn(string root)
    {
        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet ?? RuleSet.Empty;
        return new LintSetup(root, rules, new LintEngine(rules, new LintOptions { MaxParallelism = 1 }), null);
    }
}
