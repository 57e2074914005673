using DocLint.Core.Diagnostics;

namespace DocLint.Core.Configuration;

/// <summary>One <c>dotnet_diagnostic.ID.severity = value</c> line: where it is, and what it says.</summary>
public sealed record SeveritySetting(string RuleId, DiagnosticSeverity? Severity, string Path, int Line)
{
    /// <summary>"default": the rule's own severity.</summary>
    public bool IsDefault => Severity is null;
}

/// <summary>
/// The parts of an .editorconfig file DocLint reads: <c>root = true</c> and, under glob sections,
/// <c>dotnet_diagnostic.DLnnnn.severity = none|silent|suggestion|warning|error|default</c>, as .NET analyzers
/// use them. Other keys are left to other tools. An invalid severity is reported, not thrown.
/// </summary>
public sealed class EditorConfigFile
{
    private const string Prefix = "dotnet_diagnostic.";
    private const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string Suffix = ".severity";

    private EditorConfigFile(string path, bool isRoot, List<(Glob Glob, List<SeveritySetting> Settings)> sections, List<ConfigProblem> problems)
    {
        Path = path;
        IsRoot = isRoot;
        Sections = sections;
        Problems = problems;
    }

    public string Path { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<(Glob Glob, List<SeveritySetting> Settings)> Sections { get; }

    public IReadOnlyList<ConfigProblem> Problems { get; }

    public static EditorConfigFile Parse(string path, string text)
    {
        var sections = new List<(Glob, List<SeveritySetting>)>();
        var problems = new List<ConfigProblem>();
        var isRoot = false;
        List<SeveritySetting>? current = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line.EndsWith(']'))
            {
                var glob = Glob.TryParse(line[1..^1], out var error);
                if (glob is null)
                {
                    problems.Add(new ConfigProblem(path, n, 0, $"invalid section glob: {error}", DiagnosticSeverity.Warning));
                    current = null;
                    continue;
                }

                current = [];
                sections.Add((glob, current));
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var key = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Trim();
            if (current is null)
            {
                isRoot |= key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            string id;
            var written = line[..equals].Trim();
            if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.EndsWith(Suffix, StringComparison.Ordinal)
                && key[Prefix.Length..^Suffix.Length].ToUpperInvariant() is var ruleId && ruleId.StartsWith("DL", StringComparison.Ordinal))
            {
                id = ruleId;
            }
            else if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.EndsWith(Suffix, StringComparison.Ordinal)
                && written[Prefix.Length..^Suffix.Length] is var valeName && Vale.ValeStyleSet.IsValeRuleName(valeName))
            {
                // A Vale rule by its name, in its own case: dotnet_diagnostic.Microsoft.Contractions.severity.
                id = valeName;
            }
            else if (key.StartsWith(CategoryPrefix, StringComparison.Ordinal) && key.EndsWith(Suffix, StringComparison.Ordinal) && key.Length > CategoryPrefix.Length + Suffix.Length)
            {
                // dotnet_analyzer_diagnostic.category-Tone.severity: every rule of a category, as for .NET analyzers.
                id = FileSeverities.CategoryKey(key[CategoryPrefix.Length..^Suffix.Length]);
            }
            else
            {
                continue;
            }

            var word = value.ToLowerInvariant();
            if (word == "default")
            {
                current.Add(new SeveritySetting(id, null, path, n));
            }
            else if (DiagnosticSeverityNames.TryParse(word, out var severity) && word is not ("info" or "hidden"))
            {
                current.Add(new SeveritySetting(id, severity, path, n));
            }
            else
            {
                var valueColumn = lines[n].IndexOf('=', StringComparison.Ordinal) + 1;
                while (valueColumn < lines[n].Length && char.IsWhiteSpace(lines[n][valueColumn]))
                {
                    valueColumn++;
                }

                problems.Add(new ConfigProblem(path, n, valueColumn, $"'{value}' is not a severity for {id}; use none, silent, suggestion, warning, error or default", DiagnosticSeverity.Warning));
            }
        }

        return new EditorConfigFile(path, isRoot, sections, problems);
    }
}
