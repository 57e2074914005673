using System.CommandLine;
using DocLint.Core.Documents;

namespace DocLint.Cli.Commands;

/// <summary>
/// Every option of <c>doclint check</c> (and of <c>doclint baseline create</c>, which takes a subset), with
/// its validation. <see cref="CheckRun"/> reads them; <see cref="CheckCommand"/> puts them on a command.
/// </summary>
internal sealed class CheckOptions
{
    public CheckOptions(bool baselineCreate)
    {
        BaselineCreate = baselineCreate;
        Paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (searched recursively for .txt, .md, .markdown, .mdx, .html, .htm) and globs; '-' reads standard input. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Paths.Validators.Add(result =>
        {
            // An unknown "--option" would otherwise be taken for a path; "./-name" still reaches such a file.
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"Unrecognized command or argument '{token.Value}'.");
            }
        });
        RelativePaths = new Option<bool>("--relative-paths")
        {
            Description = "Print paths relative to the current folder instead of full Paths.",
        };
        FailLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when there is a finding at or above this severity.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|suggestion",
        };
        FailLevel.AcceptOnlyFromAmong("error", "warning", "suggestion");
        MaxWarnings = new Option<int?>("--max-warnings")
        {
            Description = "Also exit with 1 when there are more than N warnings.",
            HelpName = "N",
        };
        Format = new Option<string?>("--format")
        {
            Description = "Output format: msbuild, pretty, json, sarif, github, rdjsonl (reviewdog), line (Vale's --output=line), vale-json (Vale's --output=JSON). Default: pretty on a terminal, GitHub annotations (and msbuild) in GitHub Actions, msbuild otherwise.",
            HelpName = "NAME",
        };
        Format.AcceptOnlyFromAmong(OutputFormats.Names);
        Output = new Option<string?>("--output")
        {
            Description = "Write the output format to this file instead of standard Output.",
            HelpName = "PATH",
        };
        Sarif = new Option<string?>("--sarif") { Description = "Also write SARIF 2.1.0 to this file.", HelpName = "PATH" };
        Json = new Option<string?>("--json") { Description = "Also write the JSON format to this file.", HelpName = "PATH" };
        SarifCategory = new Option<string?>("--sarif-category")
        {
            Description = "SARIF runAutomationDetails.id, to tell runs apart in code scanning (for example 'doclint/articles/').",
            HelpName = "ID",
        };
        NoColor = new Option<bool>("--no-color") { Description = "No colours in the pretty view (NO_COLOR does the same)." };
        StdinPath = new Option<string?>("--stdin-path")
        {
            Description = "The path to report for text read from standard input ('-').",
            HelpName = "PATH",
        };
        Threads = new Option<int>("--threads")
        {
            Description = "How many files to lint at once (default: one per processor). Output is the same whatever the number.",
            HelpName = "N",
        };
        Threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--threads must be 0 or more.");
            }
        });
        MaxWarnings.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() < 0)
            {
                r.AddError("--max-warnings must be 0 or more.");
            }
        });

        Readers = new Option<string[]>("--reader")
        {
            Description = "Read files with this extension with this reader, e.g. '.mdx=markdown' (readers: plain, markdown, mdx, html). Repeatable.",
            HelpName = "EXT=READER",
            AllowMultipleArgumentsPerToken = false,
        };
        Readers.Validators.Add(r =>
        {
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (ParseReader(value) is null)
                {
                    r.AddError($"--reader takes EXT=READER with a reader of: {string.Join(", ", DocumentReaders.All.Select(x => x.Name))}; got '{value}'.");
                }
            }
        });

        Baseline = new Option<string?>("--baseline")
        {
            Description = "Report only findings that are not in this baseline file (see 'doclint baseline create').",
            HelpName = "PATH",
        };
        Fix = new Option<bool>("--fix") { Description = "Apply the suggested fixes (substitutions) to the files, atomically, keeping their encoding and line endings." };
        DryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff instead of writing them." };
        MinSeverity = new Option<string?>("--min-severity")
        {
            Description = "Show only findings at or above this severity (every format). The exit code still counts every finding (see --fail-level).",
            HelpName = "error|warning|suggestion",
        };
        MinSeverity.AcceptOnlyFromAmong("error", "warning", "suggestion");
        // Vale's name for it, so a Vale command line keeps working.
        MinSeverity.Aliases.Add("--minAlertLevel");
        Quiet = new Option<bool>("--quiet", "-q") { Description = "Show errors only, and no summary line (as --min-severity error)." };
        OnlyRules = new Option<string[]>("--rule")
        {
            Description = "Run only this rule (repeatable). Configuration still applies to it.",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };
        Stats = new Option<bool>("--stats") { Description = "After the run, print findings per rule, where the lint time went (per rule, and the work rules share) and what the run cost in memory on standard error." };
        Progress = new Option<string>("--progress")
        {
            Description = "A progress line on standard error: auto (on a terminal, once a run takes more than a second), always or never.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|always|never",
        };
        Progress.AcceptOnlyFromAmong("auto", "always", "never");
        GitIgnore = new Option<bool>("--gitignore") { Description = "Also leave out what .gitignore files ignore (.doclintignore is always read)." };
        ChangedSince = new Option<string?>("--changed-since")
        {
            Description = "Lint only files changed since the git reference REF (its merge base with HEAD, plus uncommitted and untracked files) and report only findings on changed lines.",
            HelpName = "REF",
        };
        SarifSplit = new Option<bool>("--sarif-split-by-folder")
        {
            Description = "SARIF: one run per top-level folder, each with its own category (and the 25,000-result limit of its own).",
        };
        SarifNoSuppressed = new Option<bool>("--sarif-omit-suppressed")
        {
            Description = "SARIF: leave suppressed findings out (code scanning shows uploaded suppressed results as open).",
        };
        Glob = new Option<string?>("--glob")
        {
            Description = "As Vale's --glob: lint only the files whose path, as found from the paths given, matches this glob ('*' crosses folders; --glob='*.{md,txt}'); '!' first leaves them out instead (--glob='!drafts/*').",
            HelpName = "GLOB",
        };
        Glob.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } value && Core.Vale.ValeGlobFilter.TryParse(value, out var error) is null)
            {
                r.AddError($"--glob: {error}");
            }
        });
        IgnoreSyntax = new Option<bool>("--ignore-syntax")
        {
            Description = "As Vale's --ignore-syntax: read every file as plain text, its markup included.",
        };
        RequireVale = new Option<bool>("--require-vale-config")
        {
            Description = "Stop (exit 2) unless a Vale configuration governs the run, as Vale does ('doclint vale' passes it).",
            Hidden = true,
        };
        NoSummary = new Option<bool>("--no-summary")
        {
            Description = "No summary line on standard error (as Vale's --output=line prints none).",
        };
        NoExit = new Option<bool>("--no-exit")
        {
            Description = "As Vale's --no-exit: exit with 0 whatever is found (a configuration error still exits with 2).",
        };
        if (baselineCreate)
        {
            Output.Required = true;
            Output.Description = "The baseline file to write.";
        }
    }

    public bool BaselineCreate { get; }

    public Argument<string[]> Paths { get; }

    public Option<bool> RelativePaths { get; }

    public Option<string> FailLevel { get; }

    public Option<int?> MaxWarnings { get; }

    public Option<string?> Format { get; }

    public Option<string?> Output { get; }

    public Option<string?> Sarif { get; }

    public Option<string?> Json { get; }

    public Option<string?> SarifCategory { get; }

    public Option<bool> NoColor { get; }

    public Option<string?> StdinPath { get; }

    public Option<int> Threads { get; }

    public Option<string[]> Readers { get; }

    public Option<bool> Fix { get; }

    public Option<bool> DryRun { get; }

    public Option<string?> Baseline { get; }

    public Option<string?> MinSeverity { get; }

    public Option<bool> Quiet { get; }

    public Option<string[]> OnlyRules { get; }

    public Option<bool> Stats { get; }

    public Option<string> Progress { get; }

    public Option<bool> GitIgnore { get; }

    public Option<string?> ChangedSince { get; }

    public Option<bool> SarifSplit { get; }

    public Option<bool> SarifNoSuppressed { get; }

    public Option<string?> Glob { get; }

    public Option<bool> IgnoreSyntax { get; }

    public Option<bool> NoExit { get; }

    public Option<bool> NoSummary { get; }

    public Option<bool> RequireVale { get; }

    public RuleOptions Rules { get; } = new();

    public ConfigOptions Config { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        Option[] options = BaselineCreate
            ? [Output, StdinPath, Threads, Readers, OnlyRules, GitIgnore, Glob, IgnoreSyntax]
            : [RelativePaths, FailLevel, MaxWarnings, Format, Output, Sarif, Json, SarifCategory, SarifSplit, SarifNoSuppressed, NoColor, StdinPath, Threads, Readers,
               Baseline, Fix, DryRun, MinSeverity, Quiet, OnlyRules, Stats, Progress, GitIgnore, ChangedSince, Glob, IgnoreSyntax, NoExit, NoSummary, RequireVale];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        Rules.AddTo(command);
        Config.AddTo(command);
    }

    /// <summary>".mdx=markdown" (or "mdx=markdown") → (".mdx", "markdown"); null when malformed or the reader is unknown.</summary>
    public static (string Extension, string Reader)? ParseReader(string value)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || DocumentReaders.Find(parts[1]) is null)
        {
            return null;
        }

        return (parts[0].StartsWith('.') ? parts[0] : "." + parts[0], parts[1].ToLowerInvariant());
    }

}
