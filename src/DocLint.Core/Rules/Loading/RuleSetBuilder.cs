using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Examples;

namespace DocLint.Core.Rules.Loading;

/// <summary>The outcome of loading rules: a rule set when every rule loaded, and all the errors otherwise.</summary>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, ImmutableArray<Diagnostic> Errors)
{
    public bool Succeeded => RuleSet is not null;
}

/// <summary>
/// Collects rule files (embedded defaults, folders, single files), then <see cref="Build"/> parses and
/// compiles each, rejects duplicate ids and runs every example. Any error fails the whole load, so a run
/// never lints with a rule set other than the one asked for.
/// </summary>
public sealed class RuleSetBuilder
{
    /// <summary>The path prefix of the rule files that ship inside DocLint.</summary>
    public const string EmbeddedPrefix = "doclint:rules/";

    private const string ResourcePrefix = "DocLint.Rules/";

    /// <summary>The rules in the order added: a file (its text, when given), or a definition already parsed.</summary>
    private readonly List<(string Path, string? Text, RuleDefinition? Definition)> _files = [];
    private readonly List<Diagnostic> _errors = [];

    public bool VerifyExamples { get; set; } = true;

    /// <summary>Adds the rule packs built into DocLint, precompiled (<see cref="BuiltInRules"/>): no YAML is parsed.</summary>
    /// <remarks>
    /// Their examples are not re-run at load time (see <see cref="Build"/>). When the process started compiling them
    /// ahead (<see cref="CompileDefaultsAhead"/>) and no builder has taken that yet, this one does.
    /// </remarks>
    public RuleSetBuilder AddEmbeddedDefaults() => AddEmbeddedDefaults(CompiledAhead.Take());

    /// <summary>Adds the built-in packs, compiled by <paramref name="ahead"/> when given.</summary>
    internal RuleSetBuilder AddEmbeddedDefaults(CompiledAhead? ahead)
    {
        _ahead ??= ahead;
        foreach (var definition in ahead?.Definitions ?? BuiltInRules.Definitions())
        {
            _files.Add((definition.Location.Path, null, definition));
        }

        return this;
    }

    /// <summary>
    /// Starts compiling the built-in packs on a thread of their own (<see cref="CompiledAhead"/>), for a process that
    /// will add them once it has read its command line and configuration.
    /// </summary>
    public static void CompileDefaultsAhead() => CompiledAhead.Start();

    /// <summary>Drops the built-in packs compiling ahead, for a process that turns out not to add them.</summary>
    public static void DiscardDefaultsAhead() => CompiledAhead.Discard();

    /// <summary>True when the built-in packs are compiling ahead (<see cref="CompileDefaultsAhead"/>) and no builder has taken them yet.</summary>
    public static bool DefaultsCompilingAhead => CompiledAhead.IsPending;

    /// <summary>The compilation of the built-in definitions this builder added, when it took one; its rule set serves the first build only.</summary>
    private CompiledAhead? _ahead;
    private bool _aheadRuleSetOffered;

    /// <summary>Adds the built-in packs from their YAML files, embedded in DocLint.Core: what <see cref="BuiltInRules"/> is made from.</summary>
    internal RuleSetBuilder AddEmbeddedYaml()
    {
        var assembly = typeof(RuleSetBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            _files.Add((EmbeddedPrefix + name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd(), null));
        }

        return this;
    }

    /// <summary>Adds every *.yaml and *.yml file below <paramref name="directory"/>, in ordinal path order.</summary>
    public RuleSetBuilder AddDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            _errors.Add(new RuleLoadError(new RuleLocation(directory, default, 0), "rule folder not found").ToDiagnostic());
            return this;
        }

        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files.Add((file, null, null));
        }

        return this;
    }

    /// <summary>Adds rules compiled elsewhere (a .vale.ini's styles: <see cref="Vale.ValeStyleSet"/>), with the errors met loading them.</summary>
    public RuleSetBuilder AddCompiled(IEnumerable<CompiledRule> rules, IEnumerable<Diagnostic>? errors = null)
    {
        _compiled.AddRange(rules);
        _errors.AddRange(errors ?? []);
        return this;
    }

    private readonly List<CompiledRule> _compiled = [];

    public RuleSetBuilder AddFile(string path, string? text = null)
    {
        _files.Add((path, text, null));
        return this;
    }

    public RuleSetLoadResult Build()
    {
        var errors = new List<Diagnostic>(_errors);
        var compiled = new List<CompiledRule>();
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        // Compiling a rule is mostly independent work (regexes, term tables, inflections), so a rule parsed
        // from YAML compiles on the thread pool as soon as it is parsed, while the next files are parsed; the
        // results are gathered in file order, so they do not depend on timing. A precompiled rule (the built-in
        // packs) compiles here: there is no parsing to overlap, and starting the thread pool would cost a short
        // run more than it saves.
        var compiling = new List<Task<(CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors)>>();
        foreach (var (path, given, parsed) in _files)
        {
            var definition = parsed;
            if (definition is null)
            {
                string text;
                try
                {
                    text = given ?? Workspace.RegularFile.ReadAllText(path, Engine.Limits.MaxYamlBytes);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    errors.Add(new RuleLoadError(new RuleLocation(path, default, 0), $"cannot read rule file: {ex.Message}").ToDiagnostic());
                    continue;
                }

                (definition, var parseErrors) = RuleFileParser.Parse(path, text);
                errors.AddRange(parseErrors.Select(e => e.ToDiagnostic()));
                if (definition is null)
                {
                    continue;
                }
            }

            if (seen.TryGetValue(definition.Id, out var first))
            {
                errors.Add(new RuleLoadError(definition.Location, $"duplicate rule id '{definition.Id}': already defined in {first.Location.Path}").ToDiagnostic());
                continue;
            }

            seen.Add(definition.Id, definition);
            compiling.Add(parsed is null ? Task.Run(() => RuleCompiler.Compile(definition))
                : Task.FromResult(_ahead?.ResultFor(definition) ?? RuleCompiler.Compile(definition)));
        }

        foreach (var (rule, compileErrors) in compiling.Select(t => t.GetAwaiter().GetResult()))
        {
            errors.AddRange(compileErrors.Select(e => e.ToDiagnostic()));
            if (rule is not null)
            {
                compiled.Add(rule);
            }
        }

        foreach (var rule in _compiled)
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                errors.Add(new RuleLoadError(rule.Definition.Location, $"duplicate rule id '{rule.Id}': already defined in {first.Location.Path}").ToDiagnostic());
                continue;
            }

            seen.Add(rule.Id, rule.Definition);
            compiled.Add(rule);
        }

        // A run of the built-in packs alone takes the set built with them, ahead (once: another build makes its own).
        var ruleSet = (_aheadRuleSetOffered ? null : _ahead?.RuleSetOf(compiled)) ?? new RuleSet(compiled);
        _aheadRuleSetOffered = true;
        if (VerifyExamples && errors.Count == 0)
        {
            // The built-in rules ship inside this assembly and their examples are verified by the test
            // suite and by `doclint rules test`; running them again at every start would only cost time.
            foreach (var rule in ruleSet.Rules.Where(r => !IsEmbedded(r.Definition.Location.Path)))
            {
                foreach (var result in ExampleRunner.Run(rule, ruleSet.Find).Where(r => !r.Passed))
                {
                    errors.Add(new RuleLoadError(result.Example.Location, $"{rule.Id}: {result.Failure}").ToDiagnostic());
                }
            }
        }

        errors.Sort(DiagnosticOrder.Instance);
        return new RuleSetLoadResult(errors.Count == 0 ? ruleSet : null, [.. errors]);
    }

    /// <summary>The path a rule file was loaded from, shortened for embedded rules.</summary>
    public static bool IsEmbedded(string path) => path.StartsWith(EmbeddedPrefix, StringComparison.Ordinal);
}
