using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Rules;

namespace DocLint.Core.Vale;

/// <summary>
/// The Vale styles a configuration names, loaded from its StylesPath and compiled into DocLint rules, with its
/// vocabularies. Rules of kinds DocLint cannot run (script, sequence) are listed in
/// <see cref="Unsupported"/> with the reason, never silently dropped; anything Vale itself would refuse is an error.
/// </summary>
public sealed class ValeStyleSet
{
    /// <summary>The kinds DocLint cannot run, and why.</summary>
    public static IReadOnlyDictionary<string, string> UnsupportedKinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["script"] = "not supported: script rules (Tengo scripts are not run)",
        ["sequence"] = "not supported: sequence rules (they need a part-of-speech tagger, which DocLint does not have)",
    };

    private readonly List<CompiledRule> _rules = [];

    // The whole words the rules' patterns require, looked up once per unit for all of them.
    private readonly WordTable _requiredWords = new();

    private ValeStyleSet(ValeConfiguration? configuration) => Configuration = configuration;

    public ValeConfiguration? Configuration { get; }

    /// <summary>The configuration's <c>WordTemplate</c>, or null for Vale's default.</summary>
    public string? WordTemplate => Configuration?.WordTemplate;

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>Errors (path: reason): a run does not start with them.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Rules that are not run, each with the reason (<c>Style.Grammar: not supported: sequence rules …</c>).</summary>
    public List<string> Unsupported { get; } = [];

    /// <summary>The entries of the vocabularies' accept.txt: exceptions of every rule that keeps <c>vocab: true</c>.</summary>
    public ImmutableArray<string> Accepted { get; private set; } = [];

    public ImmutableArray<string> Rejected { get; private set; } = [];

    /// <summary>Loads every style the configuration names, and the built-in Vale style's rules when it is named.</summary>
    public static ValeStyleSet Load(ValeConfiguration configuration)
    {
        var set = new ValeStyleSet(configuration);
        set.Errors.AddRange(configuration.Problems);
        set.LoadVocabularies(configuration);
        foreach (var style in configuration.ReferencedStyles())
        {
            if (style == "Vale")
            {
                set.AddBuiltInStyle();
                continue;
            }

            var folder = Path.Combine(configuration.StylesPath, style);
            if (!Directory.Exists(folder))
            {
                set.Errors.Add($"{configuration.Ini.Path}: style '{style}' not found in the StylesPath ({configuration.StylesPath})");
                continue;
            }

            set.AddStyleFolder(style, folder);
        }

        set.NoteUnknownRules(configuration);
        return set;
    }

    /// <summary>Notes a <c>Style.Rule = YES|level</c> key that names no rule of a loaded style (a typo, or a rule file that is gone).</summary>
    private void NoteUnknownRules(ValeConfiguration configuration)
    {
        var known = _rules.Select(r => r.Descriptor.Id).Concat(Unsupported.Select(u => u[..u.IndexOf(':', StringComparison.Ordinal)])).ToHashSet(StringComparer.Ordinal);
        var loaded = _rules.Select(r => r.Descriptor.Id[..r.Descriptor.Id.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in configuration.Ini.Sections.SelectMany(s => s.Entries))
        {
            var dot = entry.Key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && !entry.Value.Trim().Equals("NO", StringComparison.OrdinalIgnoreCase) && loaded.Contains(entry.Key[..dot]) && !known.Contains(entry.Key))
            {
                configuration.Notes.Add($"{configuration.Ini.Path}:{entry.Line + 1}: '{entry.Key}' names no rule of style '{entry.Key[..dot]}'; it is ignored");
            }
        }
    }

    /// <summary>Loads the rules of style folders directly, with no configuration (every rule at its own level): for tests and `rules list`.</summary>
    public static ValeStyleSet LoadFolders(IEnumerable<string> styleFolders)
    {
        var set = new ValeStyleSet(null);
        foreach (var folder in styleFolders)
        {
            set.AddStyleFolder(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder);
        }

        return set;
    }

    private void AddStyleFolder(string style, string folder)
    {
        // A rule's test cases (Rule.test.yml, read by `vale test`) stand beside it and are no rule.
        var files = Directory.EnumerateFiles(folder, "*.yml").Concat(Directory.EnumerateFiles(folder, "*.yaml"))
            .Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith(".test", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();

        // Each rule file parses and compiles on its own (the style set is only read meanwhile, and the word table takes
        // registrations under its lock), so the files are compiled on every core; their outcomes are applied in file
        // order, which gives the rules, errors and notes a file-by-file load gives.
        var outcomes = new Outcome[files.Length];
        var failures = new Exception?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            try
            {
                Compile(i);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });

        // What a file-by-file load would have thrown: the first failing file's exception, whichever failed first in time.
        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        foreach (var outcome in outcomes)
        {
            Apply(outcome);
        }

        void Compile(int i)
        {
            string text;
            try
            {
                text = Workspace.RegularFile.ReadAllText(files[i], Engine.Limits.MaxYamlBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                outcomes[i] = new Outcome(null, $"{files[i]}: cannot read the rule: {ex.Message}", null);
                return;
            }

            outcomes[i] = this.Compile(style, files[i], text);
        }
    }

    /// <summary>Parses and compiles one rule file of a style.</summary>
    public void Add(string style, string path, string text) => Apply(Compile(style, path, text));

    /// <summary>What compiling a rule file gives: a rule, or why there is none (an error, or a kind that is not run).</summary>
    private sealed record Outcome(CompiledRule? Rule, string? Error, string? Unsupported, string? Path = null);

    private Outcome Compile(string style, string path, string text)
    {
        var spec = ValeRuleSpec.Parse(style, path, text, out var error);
        if (spec is null)
        {
            return new Outcome(null, error!, null);
        }

        if (UnsupportedKinds.TryGetValue(spec.Extends, out var reason))
        {
            return new Outcome(null, null, $"{spec.Name}: {reason}");
        }

        try
        {
            using var shared = WordTable.Share(_requiredWords);
            CompiledRule? rule = spec.Extends switch
            {
                "existence" => new ValeExistence(spec, this),
                "substitution" => new ValeSubstitution(spec, this),
                "occurrence" => new ValeOccurrence(spec, this),
                "repetition" => new ValeRepetition(spec, this),
                "consistency" => new ValeConsistency(spec, this),
                "conditional" => new ValeConditional(spec, this),
                "capitalization" => new ValeCapitalization(spec, this),
                "metric" => new ValeMetric(spec, this),
                "readability" => new ValeReadability(spec, this),
                "spelling" => new ValeSpelling(spec, this),
                _ => null,
            };
            return rule is null
                ? new Outcome(null, $"{path}: 'extends' must be one of existence, substitution, occurrence, repetition, consistency, conditional, capitalization, metric, readability, spelling, sequence, script (not '{spec.Extends}')", null)
                : new Outcome(rule, null, null, path);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return new Outcome(null, $"{path}: {spec.Name}: {ex.Message}", null);
        }
    }

    private void Apply(Outcome outcome)
    {
        if (outcome.Error is { } error)
        {
            Errors.Add(error);
        }
        else if (outcome.Unsupported is { } unsupported)
        {
            Unsupported.Add(unsupported);
        }
        else if (outcome.Rule is { } rule)
        {
            if (_rules.Any(r => r.Id == rule.Id))
            {
                Errors.Add($"{outcome.Path}: duplicate rule '{rule.Id}'");
                return;
            }

            _rules.Add(rule);
        }
    }

    private void LoadVocabularies(ValeConfiguration configuration)
    {
        var accepted = new List<string>();
        var rejected = new List<string>();
        foreach (var name in configuration.Vocab)
        {
            var folder = configuration.VocabularyFolders(name).FirstOrDefault(Directory.Exists);
            if (folder is null)
            {
                Errors.Add($"{configuration.Ini.Path}: vocabulary '{name}' not found (looked in {string.Join(" and ", configuration.VocabularyFolders(name))})");
                continue;
            }

            accepted.AddRange(ReadList(Path.Combine(folder, "accept.txt")));
            rejected.AddRange(ReadList(Path.Combine(folder, "reject.txt")));
        }

        Accepted = [.. accepted.Distinct(StringComparer.Ordinal)];
        Rejected = [.. rejected.Distinct(StringComparer.Ordinal)];
        foreach (var entry in Accepted.Concat(Rejected))
        {
            try
            {
                // The syntax only, on the interpreter: an entry's automaton is built if a rule ever needs it.
                _ = ValeRegex.Check(ValeRegex.Translate(entry));
            }
            catch (ArgumentException ex)
            {
                Errors.Add($"{configuration.Ini.Path}: vocabulary entry '{entry}' is not a valid pattern: {ex.Message}");
            }
        }
    }

    private static IEnumerable<string> ReadList(string path) =>
        File.Exists(path)
            ? Workspace.RegularFile.ReadAllText(path, Engine.Limits.MaxYamlBytes).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            : [];

    /// <summary>Vale's own style: Vale.Terms (accepted terms in their exact case), Vale.Avoid (rejected terms), Vale.Repetition, Vale.Spelling.</summary>
    private void AddBuiltInStyle()
    {
        if (!Accepted.IsEmpty)
        {
            var yaml = new StringBuilder("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nignorecase: true\nvocab: false\nterms: true\naction:\n  name: replace\nswap:\n");
            // Vale keys each term by its lower case, so of two vocabulary entries that differ only in case the
            // later one (the later vocabulary in Vocab's list) is the term.
            var terms = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var term in Accepted)
            {
                var key = term.ToLowerInvariant();
                if (!terms.ContainsKey(key))
                {
                    order.Add(key);
                }

                terms[key] = term;
            }

            foreach (var term in order.Select(k => terms[k]))
            {
                yaml.Append("  ").Append(Quote(term)).Append(": ").Append(Quote(term)).Append('\n');
            }

            Add("Vale", "Vale/Terms.yml", yaml.ToString());
        }

        if (!Rejected.IsEmpty)
        {
            var yaml = new StringBuilder("extends: existence\nmessage: \"Avoid using '%s'.\"\nlevel: error\nignorecase: false\nvocab: false\ntokens:\n");
            foreach (var term in Rejected)
            {
                yaml.Append("  - ").Append(Quote(term)).Append('\n');
            }

            Add("Vale", "Vale/Avoid.yml", yaml.ToString());
        }

        // As Vale 3 defines it: a word is what lies between spaces and sentence ends, so "plan plan." repeats "plan".
        Add("Vale", "Vale/Repetition.yml", "extends: repetition\nmessage: \"'%s' is repeated!\"\nlevel: error\nignorecase: true\nalpha: true\naction:\n  name: edit\n  params:\n    - truncate\n    - \" \"\ntokens:\n  - '[^\\s.!?]+'\n");
        Add("Vale", "Vale/Spelling.yml", "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\naction:\n  name: suggest\n  params:\n    - spellings\n");
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>True when a name is a Vale rule name (<c>Style.Rule</c>): what DocLint accepts as a rule id besides its own.</summary>
    public static bool IsValeRuleName(string id) => ValeName().IsMatch(id);

    private static Regex ValeName() => ValeNamePattern;

    private static readonly Regex ValeNamePattern = new(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$", RegexOptions.CultureInvariant);
}
