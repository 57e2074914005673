using System.Collections.Immutable;
using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Engine;
using DocLint.Core.Reporting;
using DocLint.Core.Workspace;
using Humanizer;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint check [paths…]</c>: lints files, directories and globs; "-" reads standard input.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context) => Create(context, baselineCreate: false);

    /// <summary>
    /// <c>check</c>, or with <paramref name="baselineCreate"/> the <c>create</c> command of <c>doclint baseline</c>:
    /// the same run, whose findings are written to a baseline file instead of reported.
    /// </summary>
    public static Command Create(CliContext context, bool baselineCreate)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (searched recursively for .txt, .md, .markdown, .html, .htm) and globs; '-' reads standard input. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            // An unknown "--option" would otherwise be taken for a path; "./-name" still reaches such a file.
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"Unrecognized command or argument '{token.Value}'.");
            }
        });
        var relativePaths = new Option<bool>("--relative-paths")
        {
            Description = "Print paths relative to the current folder instead of full paths.",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when there is a finding at or above this severity.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|suggestion",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "suggestion");
        var maxWarnings = new Option<int?>("--max-warnings")
        {
            Description = "Also exit with 1 when there are more than N warnings.",
            HelpName = "N",
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: msbuild, pretty, json, sarif, github. Default: pretty on a terminal, GitHub annotations (and msbuild) in GitHub Actions, msbuild otherwise.",
            HelpName = "NAME",
        };
        format.AcceptOnlyFromAmong(OutputFormats.Names);
        var output = new Option<string?>("--output")
        {
            Description = "Write the output format to this file instead of standard output.",
            HelpName = "PATH",
        };
        var sarif = new Option<string?>("--sarif") { Description = "Also write SARIF 2.1.0 to this file.", HelpName = "PATH" };
        var json = new Option<string?>("--json") { Description = "Also write the JSON format to this file.", HelpName = "PATH" };
        var sarifCategory = new Option<string?>("--sarif-category")
        {
            Description = "SARIF runAutomationDetails.id, to tell runs apart in code scanning (for example 'doclint/articles/').",
            HelpName = "ID",
        };
        var noColor = new Option<bool>("--no-color") { Description = "No colours in the pretty view (NO_COLOR does the same)." };
        var stdinPath = new Option<string?>("--stdin-path")
        {
            Description = "The path to report for text read from standard input ('-').",
            HelpName = "PATH",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "How many files to lint at once (default: one per processor). Output is the same whatever the number.",
            HelpName = "N",
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--threads must be 0 or more.");
            }
        });
        maxWarnings.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() < 0)
            {
                r.AddError("--max-warnings must be 0 or more.");
            }
        });

        var readers = new Option<string[]>("--reader")
        {
            Description = "Read files with this extension with this reader, e.g. '.mdx=markdown' (readers: plain, markdown, html). Repeatable.",
            HelpName = "EXT=READER",
            AllowMultipleArgumentsPerToken = false,
        };
        readers.Validators.Add(r =>
        {
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (ParseReader(value) is null)
                {
                    r.AddError($"--reader takes EXT=READER with a reader of: {string.Join(", ", DocumentReaders.All.Select(x => x.Name))}; got '{value}'.");
                }
            }
        });

        var baseline = new Option<string?>("--baseline")
        {
            Description = "Report only findings that are not in this baseline file (see 'doclint baseline create').",
            HelpName = "PATH",
        };
        var fix = new Option<bool>("--fix") { Description = "Apply the suggested fixes (substitutions) to the files, atomically, keeping their encoding and line endings." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff instead of writing them." };
        var rules = new RuleOptions();
        var config = new ConfigOptions();
        var command = baselineCreate
            ? new Command("create", "Record today's findings in a baseline file, so that 'check --baseline' reports only new ones.")
            : new Command("check", "Lint documents and report findings.");
        command.Arguments.Add(paths);
        if (baselineCreate)
        {
            output.Required = true;
            output.Description = "The baseline file to write.";
        }

        Option[] options = baselineCreate
            ? [output, stdinPath, threads, readers]
            : [relativePaths, failLevel, maxWarnings, format, output, sarif, json, sarifCategory, noColor, stdinPath, threads, readers, baseline, fix, dryRun];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        rules.AddTo(command);
        config.AddTo(command);

        command.SetAction(parse =>
        {
            var started = context.Time.GetTimestamp();
            IReadOnlyDictionary<string, Core.Text.SourceEncoding> encodings = new Dictionary<string, Core.Text.SourceEncoding>();
            var relative = parse.GetValue(relativePaths);
            var formats = OutputFormats.Choose(parse.GetValue(format), context);
            var configuration = config.Load(parse, context);
            var loaded = rules.Load(parse, context, configuration);
            if (loaded.RuleSet is { } known)
            {
                // The configuration that governs the run must be sound before anything is linted.
                var upfront = configuration.Set.ProblemsWith(known).Where(p => p.Severity == DiagnosticSeverity.Error).Select(p => p.ToDiagnostic()).ToList();
                if (upfront.Count > 0)
                {
                    loaded = new Core.Rules.Loading.RuleSetLoadResult(null, [.. upfront]);
                }
            }
            var report = new Report
            {
                Diagnostics = loaded.Errors,
                Rules = loaded.RuleSet is { } set ? [.. set.Rules.Select(r => r.Descriptor)] : [],
                Root = context.CurrentDirectory,
                DisplayPath = DisplayPath(relative, context.CurrentDirectory),
                Category = parse.GetValue(sarifCategory),
                ExecutionSuccessful = loaded.Succeeded,
            };

            if (loaded.RuleSet is { } ruleSet)
            {
                var needSources = formats.Contains(OutputFormats.Pretty) || parse.GetValue(fix);
                // The configuration's mappings, then the command line's, which win.
                var readerMap = new Dictionary<string, string>(configuration.Readers, StringComparer.OrdinalIgnoreCase);
                foreach (var (extension, reader) in (parse.GetValue(readers) ?? []).Select(ParseReader).OfType<(string Extension, string Reader)>())
                {
                    readerMap[extension] = reader;
                }
                var engine = new LintEngine(ruleSet, new LintOptions
                {
                    MaxParallelism = parse.GetValue(threads),
                    KeepSources = needSources,
                    Readers = readerMap,
                    Configuration = configuration.Set,
                });
                var inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
                var discovered = FileDiscovery.Expand(inputs.Where(i => i != "-"), context.CurrentDirectory);
                var results = new List<FileResult>();
                if (inputs.Contains("-"))
                {
                    results.Add(LintStdin(engine, parse.GetValue(stdinPath), context));
                }

                var explicitFiles = inputs.Select(i => Path.GetFullPath(i, context.CurrentDirectory)).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
                var files = discovered.Files.Select(f => Path.GetFullPath(f, context.CurrentDirectory))
                    .Where(f => explicitFiles.Contains(f) || configuration.Includes(f)).ToList();
                results.AddRange(engine.LintEach(files));
                var lint = LintEngine.Collect(results);
                var problems = discovered.Problems.Select(p => p with { Path = Path.GetFullPath(p.Path, context.CurrentDirectory) });
                // Configuration files found further down, as files were linted: reported where they are.
                var configProblems = configuration.Set.ProblemsWith(ruleSet).Select(p => p.ToDiagnostic());
                var all = lint.Diagnostics.Concat(problems).Concat(configProblems).ToList();
                all.Sort(DiagnosticOrder.Instance);
                report = report with
                {
                    Diagnostics = [.. all],
                    FileCount = lint.FileCount,
                    Sources = lint.Sources,
                    ExecutionSuccessful = !lint.InternalError,
                };
                encodings = lint.Encodings;

            }

            if (baselineCreate && loaded.Succeeded)
            {
                var target = Path.GetFullPath(parse.GetValue(output)!, context.CurrentDirectory);
                using (var stream = File.Create(target))
                {
                    Baseline.Write(stream, report.Diagnostics.Where(Report.IsShown), Path.GetDirectoryName(target)!);
                }

                var recorded = report.Diagnostics.Count(d => Report.IsShown(d) && d.Fingerprint is not null);
                context.Error.WriteLine($"{"finding".ToQuantity(recorded)} from {"file".ToQuantity(report.FileCount)} recorded in {parse.GetValue(output)}");
                return ExitCodes.Success;
            }

            int? baselineFixed = null;
            if (parse.GetValue(baseline) is { } baselinePath && loaded.Succeeded)
            {
                var full = Path.GetFullPath(baselinePath, context.CurrentDirectory);
                Baseline accepted;
                try
                {
                    accepted = Baseline.Read(File.ReadAllText(full));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    context.Error.WriteLine($"doclint: cannot use the baseline {baselinePath}: {ex.Message}");
                    return ExitCodes.UsageOrConfigError;
                }

                var (marked, gone) = accepted.Apply(report.Diagnostics, Path.GetDirectoryName(full)!);
                report = report with { Diagnostics = [.. marked], BaselineFixed = gone };
                baselineFixed = gone;
            }

            var fixSummary = default(string);
            var printFindings = true;
            if (parse.GetValue(fix) && loaded.Succeeded)
            {
                (report, fixSummary) = ApplyFixes(report, encodings, parse.GetValue(dryRun), context);
                printFindings = !parse.GetValue(dryRun);
            }

            report = report with { Elapsed = context.Time.GetElapsedTime(started) };
            var color = !context.IsOutputRedirected && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")) && !parse.GetValue(noColor);
            if (!printFindings)
            {
                // --fix --dry-run printed the diff instead.
            }
            else if (parse.GetValue(output) is { } outputPath)
            {
                OutputFormats.WriteFile(Path.GetFullPath(outputPath, context.CurrentDirectory), formats[0], report);
            }
            else
            {
                foreach (var name in formats)
                {
                    OutputFormats.Write(name, context.Out, report, color);
                }
            }

            if (parse.GetValue(sarif) is { } sarifPath)
            {
                OutputFormats.WriteFile(Path.GetFullPath(sarifPath, context.CurrentDirectory), OutputFormats.Sarif, report);
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                OutputFormats.WriteFile(Path.GetFullPath(jsonPath, context.CurrentDirectory), OutputFormats.Json, report);
            }

            if (!loaded.Succeeded)
            {
                RuleOptions.ReportFailure(loaded, context);
                return ExitCodes.UsageOrConfigError;
            }

            context.Error.WriteLine(RunSummary.Format(report.Diagnostics, report.FileCount, report.Elapsed, baselineFixed));
            if (fixSummary is not null)
            {
                context.Error.WriteLine(fixSummary);
            }

            if (report.Diagnostics.Any(d => d.Id == EngineDiagnostics.InvalidRule.Id && d.Severity == DiagnosticSeverity.Error))
            {
                context.Error.WriteLine("doclint: configuration errors (DL0001) in files found while linting; fix them and run again.");
                return ExitCodes.UsageOrConfigError;
            }

            var level = parse.GetResult(failLevel) is { Implicit: false } || configuration.FailLevel is null
                ? parse.GetValue(failLevel)
                : configuration.FailLevel.Value.ToConfigName();
            return ExitCode(report, level, parse.GetValue(maxWarnings));
        });
        return command;
    }

    /// <summary>".mdx=markdown" (or "mdx=markdown") → (".mdx", "markdown"); null when malformed or the reader is unknown.</summary>
    private static (string Extension, string Reader)? ParseReader(string value)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || DocumentReaders.Find(parts[1]) is null)
        {
            return null;
        }

        return (parts[0].StartsWith('.') ? parts[0] : "." + parts[0], parts[1].ToLowerInvariant());
    }

    /// <summary>
    /// Applies (or, dry, prints as a diff) the fixes of the shown findings, file by file. Fixed findings leave
    /// the report, so the exit code reflects what remains; a file that cannot be fixed safely keeps its findings.
    /// </summary>
    private static (Report Report, string Summary) ApplyFixes(Report report, IReadOnlyDictionary<string, Core.Text.SourceEncoding> encodings, bool dryRun, CliContext context)
    {
        var fixedFindings = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        var files = 0;
        foreach (var group in report.Shown.Where(d => d.Fix is not null).GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!report.Sources.TryGetValue(group.Key, out var source) || !encodings.TryGetValue(group.Key, out var encoding))
            {
                context.Error.WriteLine($"doclint: {report.DisplayPath(group.Key)}: not fixed: it was not decoded cleanly");
                continue;
            }

            var plan = Core.Fixing.FixPlan.Create(group.Key, source.Text, group);
            if (dryRun)
            {
                context.Out.Write(Core.Fixing.UnifiedDiff.Format(report.DisplayPath(group.Key).Replace('\\', '/').TrimStart('/'), plan.OldText, plan.NewText));
            }
            else if (Core.Fixing.SafeFileWriter.Write(group.Key, source.Text, plan.NewText, encoding) is { } problem)
            {
                context.Error.WriteLine($"doclint: {report.DisplayPath(group.Key)}: {problem}");
                continue;
            }

            files++;
            foreach (var d in plan.Applied)
            {
                fixedFindings.Add(d);
            }

            foreach (var d in plan.Overlapping)
            {
                context.Error.WriteLine($"doclint: {report.DisplayPath(d.Path)}({d.LineSpan.Start.Line + 1},{d.LineSpan.Start.Character + 1}): {d.Id} not fixed: another fix overlaps it");
            }
        }

        var verb = dryRun ? "would be applied" : "applied";
        var summary = $"{"fix".ToQuantity(fixedFindings.Count)} {verb} in {"file".ToQuantity(files)}";
        return (report with { Diagnostics = [.. report.Diagnostics.Where(d => !fixedFindings.Contains(d))] }, summary);
    }

    private static int ExitCode(Report report, string? failLevel, int? maxWarnings)
    {
        if (!report.ExecutionSuccessful)
        {
            return ExitCodes.InternalError;
        }

        var threshold = DiagnosticSeverityNames.TryParse(failLevel, out var level) ? level : DiagnosticSeverity.Error;
        var shown = report.Shown.ToList();
        if (shown.Any(d => d.Severity >= threshold))
        {
            return ExitCodes.Findings;
        }

        return maxWarnings is { } max && shown.Count(d => d.Severity == DiagnosticSeverity.Warning) > max
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static FileResult LintStdin(LintEngine engine, string? stdinPath, CliContext context)
    {
        using var stdin = context.OpenStdin();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        var path = stdinPath is null ? "<stdin>" : Path.GetFullPath(stdinPath, context.CurrentDirectory);
        return engine.LintBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Full paths by default (VS Code's $msCompile wants them); relative to the working folder on request.</summary>
    private static Func<string, string> DisplayPath(bool relative, string currentDirectory) => path =>
        !relative || path.StartsWith('<') || !Path.IsPathRooted(path) ? path : Path.GetRelativePath(currentDirectory, path);
}
