using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.GitHub;
using DocLint.Core.Reporting.Sarif;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Vale;
using DocLint.Core.Workspace;
using Humanizer;

namespace DocLint.Cli.Commands;

/// <summary>
/// One run of <c>doclint check</c> (or <c>doclint baseline create</c>), stage by stage: load the configuration
/// and rules, lint (streaming findings file by file in path order when nothing needs the whole run first),
/// compare with a baseline, apply fixes, write the outputs, decide the exit code.
/// </summary>
internal sealed class CheckRun(CliContext context, CheckOptions options, ParseResult parse)
{
    private readonly long _started = context.Time.GetTimestamp();
    private IReadOnlyDictionary<string, Core.Text.SourceEncoding> _encodings = new Dictionary<string, Core.Text.SourceEncoding>();
    private RunConfiguration _configuration = null!;
    private RuleSetLoadResult _loaded = null!;
    private RuleSet? _rules;
    private ChangedLines? _changes;
    private Report _report = null!;
    private int? _baselineFixed;

    // What the summaries and the exit code need of the findings: counted while linting by a run that keeps no findings
    // (it streams them, and writes no format that needs them all at the end: Vale's JSON), else counted from the report
    // once it is final.
    private FindingTally? _tally;
    private string? _fixSummary;
    private RuleTimings? _timings;

    private bool Quiet => parse.GetValue(options.Quiet);

    /// <summary>The display filter: findings below it are not shown by any format (the exit code still counts them).</summary>
    private DiagnosticSeverity MinSeverity =>
        Quiet ? DiagnosticSeverity.Error
        : DiagnosticSeverityNames.TryParse(parse.GetValue(options.MinSeverity), out var level) ? level
        : DiagnosticSeverity.None;

    private bool DryRunFix => parse.GetValue(options.Fix) && parse.GetValue(options.DryRun);

    public int Execute()
    {
        if (!Load())
        {
            return ExitCodes.UsageOrConfigError;
        }

        if (_rules is null)
        {
            using var failed = OpenTargets();
            foreach (var target in failed)
            {
                target.WriteFile(_report);
                target.Complete(_report);
            }

            RuleOptions.ReportFailure(_loaded, context);
            return ExitCodes.UsageOrConfigError;
        }

        if (parse.GetValue(options.ChangedSince) is { } reference)
        {
            (_changes, var error) = ChangedLines.Read(reference, context.CurrentDirectory);
            if (error is not null)
            {
                context.Error.WriteLine($"doclint: {error}");
                return ExitCodes.UsageOrConfigError;
            }
        }

        using var targets = OpenTargets();
        // Findings stream file by file unless something needs the whole run first: a baseline (it counts what
        // is gone), fixes (their diff or their writes come first), or a baseline being recorded. JSON ends with its
        // summary, SARIF is put together from its results' JSON, and Vale's JSON is written whole, at the end.
        var stream = !options.BaselineCreate && parse.GetValue(options.Baseline) is null && !parse.GetValue(options.Fix);
        Lint(targets, stream);
        StageTimes.Mark("lint");
        if (options.BaselineCreate)
        {
            return WriteBaseline();
        }

        if (CompareWithBaseline() is { } failure)
        {
            return failure;
        }

        if (parse.GetValue(options.Fix))
        {
            (_report, _fixSummary) = ApplyFixes(_report, _encodings, DryRunFix, context);
        }

        _report = _report with { Elapsed = context.Time.GetElapsedTime(_started) };
        var display = Display(_report);
        foreach (var target in targets)
        {
            // --fix --dry-run prints the diff instead of the findings.
            if (!stream && !(DryRunFix && !target.IsFile))
            {
                target.WriteFile(display);
            }

            if (!(DryRunFix && !target.IsFile))
            {
                target.Complete(display);
            }
        }

        var tally = _tally ??= FindingTally.Of(_report.Diagnostics);
        WriteSummaries(targets, tally);
        if (tally.HasRuleError)
        {
            context.Error.WriteLine("doclint: configuration errors (DL0001) in files found while linting; fix them and run again.");
            return ExitCodes.UsageOrConfigError;
        }

        var level = parse.GetResult(options.FailLevel) is { Implicit: false } || _configuration.FailLevel is null
            ? parse.GetValue(options.FailLevel)
            : _configuration.FailLevel.Value.ToConfigName();
        var code = ExitCode(_report.ExecutionSuccessful, tally, level, parse.GetValue(options.MaxWarnings));
        return code == ExitCodes.Findings && parse.GetValue(options.NoExit) ? ExitCodes.Success : code;
    }

    /// <summary>
    /// The configuration and the rules; the configuration that governs the run must be sound before anything is
    /// linted. False (after saying why) when the command line asks for what is not there.
    /// </summary>
    private bool Load()
    {
        _configuration = options.Config.Load(parse, context);
        StageTimes.Mark("configuration");
        if (_configuration.Vale is null && !options.BaselineCreate && parse.GetValue(options.RequireVale))
        {
            // Vale's command line (doclint vale): Vale stops with no configuration, rather than run DocLint's own packs.
            context.Error.WriteLine("doclint vale: E100 [.vale.ini not found] Runtime error: no .vale.ini, _vale.ini, .vale or _vale in this folder or above it, and no doclint.yaml that names one (give one with --config=PATH, or run 'doclint check' for DocLint's own rules).");
            return false;
        }

        if (options.Rules.LoadsDefaults(parse, _configuration))
        {
            // The built-in packs read attributions: their word lists load while the rules compile, on this thread
            // when the packs are compiling on their own (CheckCommand.StartAhead), else on a thread of their own.
            if (Core.Rules.Loading.RuleSetBuilder.DefaultsCompilingAhead)
            {
                Core.Semantics.AttributionLayer.Prepare();
                StageTimes.Mark("lexicon");
            }
            else
            {
                Core.Semantics.AttributionLayer.PrepareInBackground();
            }
        }
        else
        {
            // The configuration turned the packs off: a compilation started ahead stops and is let go.
            Core.Rules.Loading.RuleSetBuilder.DiscardDefaultsAhead();
        }

        _loaded = options.Rules.Load(parse, context, _configuration);
        StageTimes.Mark("rules");
        if (_loaded.RuleSet is { } known)
        {
            var upfront = _configuration.Set.ProblemsWith(known).Where(p => p.Severity == DiagnosticSeverity.Error).Select(p => p.ToDiagnostic()).ToList();
            if (upfront.Count > 0)
            {
                _loaded = new RuleSetLoadResult(null, [.. upfront]);
            }
        }

        _rules = _loaded.RuleSet;
        if (_rules is not null && parse.GetValue(options.OnlyRules) is { Length: > 0 } only)
        {
            // Configuration is checked against every loaded rule (its severities may name the others).
            var unknown = only.Where(id => _rules.Find(id) is null).ToList();
            if (unknown.Count > 0)
            {
                context.Error.WriteLine($"doclint: --rule: no loaded rule has the id {string.Join(", ", unknown.Select(u => $"'{Escape(u)}'"))}; 'doclint rules list' shows them.");
                return false;
            }
            else
            {
                _rules = new RuleSet(_rules.Rules.Where(r => only.Contains(r.Id, StringComparer.Ordinal)));
            }
        }

        _report = new Report
        {
            Diagnostics = _loaded.Errors,
            Rules = _rules is { } set ? [.. set.Rules.Select(r => r.Descriptor)] : [],
            Root = context.CurrentDirectory,
            DisplayPath = DisplayPath(parse.GetValue(options.RelativePaths), context.CurrentDirectory),
            Category = parse.GetValue(options.SarifCategory),
            ExecutionSuccessful = _rules is not null,
        };
        return true;
    }

    /// <summary>Lints every file; with <paramref name="stream"/>, each file's findings are written to the targets as it finishes, in path order.</summary>
    private void Lint(IReadOnlyList<OutputTarget> targets, bool stream)
    {
        // Every format the run writes: the chosen ones, and SARIF and JSON asked for beside them (--sarif, --json).
        var written = targets.Select(t => t.Format).ToList();
        var readerMap = new Dictionary<string, string>(_configuration.Readers, StringComparer.OrdinalIgnoreCase);
        foreach (var (extension, reader) in (parse.GetValue(options.Readers) ?? []).Select(CheckOptions.ParseReader).OfType<(string Extension, string Reader)>())
        {
            // The command line's mapping wins over the configuration's.
            readerMap[extension] = reader;
        }

        var inputs = parse.GetValue(options.Paths) is { Length: > 0 } given ? given : ["."];
        var discovered = FileDiscovery.Expand(inputs.Where(i => i != "-"), context.CurrentDirectory, new IgnoreFiles(parse.GetValue(options.GitIgnore)), _configuration.Vale is { } vale ? vale.Covers : null);

        // A file named on the command line is linted even when the configuration excludes it; --glob, as Vale's,
        // applies to every path, matched as it was found ("docs/a.md" for the argument "docs").
        var glob = parse.GetValue(options.Glob) is { } pattern ? ValeGlobFilter.TryParse(pattern, out _) : null;
        var explicitFiles = inputs.Select(i => Path.GetFullPath(i, context.CurrentDirectory)).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var files = discovered.Files.Where(f => glob is null || glob.Selects(ValeGlobFilter.AsWalked(f)))
            .Select(f => Path.GetFullPath(f, context.CurrentDirectory))
            .Where(f => _configuration.Selects(f, explicitFiles))
            .Where(f => _changes is null || _changes.Touches(f))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (parse.GetValue(options.IgnoreSyntax))
        {
            // Every file as plain text, markup and all, as Vale lints a file with --ignore-syntax.
            var stdinPath = parse.GetValue(options.StdinPath);
            foreach (var extension in files.Append(stdinPath ?? "").Select(Path.GetExtension).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                readerMap[extension ?? ""] = "plain";
            }
        }

        _timings = parse.GetValue(options.Stats) ? new RuleTimings() : null;
        var engine = new LintEngine(_rules!, new LintOptions
        {
            Timings = _timings,
            MaxParallelism = parse.GetValue(options.Threads),
            KeepSources = written.Any(f => f is OutputFormats.Pretty or OutputFormats.RdJsonLines or OutputFormats.Line or OutputFormats.ValeJson) || parse.GetValue(options.Fix),
            CheckFixes = written.Any(OutputFormats.ShowsFixes) || parse.GetValue(options.Fix),
            Fingerprints = written.Any(OutputFormats.ShowsFingerprints) || options.BaselineCreate || parse.GetValue(options.Baseline) is not null,
            Readers = readerMap,
            Configuration = _configuration.Set,
        });
        var stdin = inputs.Contains("-") ? LintStdin(engine, parse.GetValue(options.StdinPath), context) : null;
        StageTimes.Mark("files");

        // The configuration of every folder is read before linting, so that its problems are known up front and
        // take their place in path order among the files' findings, streamed or not.
        foreach (var file in files.DistinctBy(Path.GetDirectoryName))
        {
            _configuration.Set.ForFile(file);
        }

        var problems = new Queue<Diagnostic>(
            discovered.Problems.Select(p => p with { Path = Path.GetFullPath(p.Path, context.CurrentDirectory) })
                .Concat(_configuration.Set.ProblemsWith(_loaded.RuleSet!).Select(p => p.ToDiagnostic()))
                .Order(DiagnosticOrder.Instance));
        var progress = new ProgressLine(context, parse.GetValue(options.Progress) ?? "auto", files.Count);

        // A streamed run whose formats all stream keeps no finding once it is written: it counts them instead, so a
        // run over an archive holds its findings one file at a time.
        var tally = stream && written.All(OutputFormats.Streams) ? new FindingTally() : null;
        var results = new List<FileResult>(tally is null ? files.Count + 2 : 0);
        var (counted, countedInternalError) = (0, false);
        foreach (var result in Merge(engine.LintInOrder(files), stdin))
        {
            var kept = _changes is null || result == stdin ? result : result with { Diagnostics = [.. result.Diagnostics.Where(_changes.Covers)] };
            List<Diagnostic>? before = null;
            while (problems.TryPeek(out var problem) && string.CompareOrdinal(problem.Path, kept.Path) <= 0)
            {
                (before ??= []).Add(problems.Dequeue());
            }

            if (before is not null)
            {
                kept = kept with { Diagnostics = [.. kept.Diagnostics.Concat(before).Order(DiagnosticOrder.Instance)] };
            }

            if (stream)
            {
                var part = Display(_report with { Diagnostics = kept.Diagnostics, Sources = kept.Source is { } s ? new Dictionary<string, Core.Text.SourceText> { [kept.Path] = s } : _report.Sources });
                progress.Clear();
                foreach (var target in targets)
                {
                    target.WriteFile(part);
                }

                // The source was needed only to print this file (a run that fixes does not stream).
                kept = kept with { Source = null };
            }

            progress.Done(kept.Path, kept.Diagnostics.Count(Report.IsShown));
            if (tally is not null)
            {
                tally.Add(kept.Diagnostics);
                counted++;
                countedInternalError |= kept.InternalError;
                continue;
            }

            results.Add(kept);
        }

        progress.Clear();
        // Problems of paths after the last file (or of a run with no files).
        if (problems.Count > 0)
        {
            var rest = _report with { Diagnostics = [.. problems] };
            foreach (var target in stream ? targets : [])
            {
                target.WriteFile(Display(rest));
            }

        }

        if (tally is not null)
        {
            tally.Add(problems);
            _tally = tally;
            _report = _report with { Diagnostics = [], FileCount = counted, ExecutionSuccessful = !countedInternalError };
            _encodings = new Dictionary<string, Core.Text.SourceEncoding>();
            return;
        }

        // Every problem left sorts after the last file, so the lists concatenate in order.
        var lint = LintEngine.Collect(results);
        _report = _report with
        {
            Diagnostics = [.. lint.Diagnostics, .. problems],
            FileCount = lint.FileCount,
            Sources = lint.Sources,
            ExecutionSuccessful = !lint.InternalError,
        };
        _encodings = lint.Encodings;
    }

    /// <summary>The files' results in path order, with standard input's in its place.</summary>
    private static IEnumerable<FileResult> Merge(IEnumerable<FileResult> files, FileResult? stdin)
    {
        foreach (var result in files)
        {
            if (stdin is not null && string.CompareOrdinal(stdin.Path, result.Path) < 0)
            {
                yield return stdin;
                stdin = null;
            }

            yield return result;
        }

        if (stdin is not null)
        {
            yield return stdin;
        }
    }

    /// <summary>The report as formats show it: without the findings below --min-severity.</summary>
    private Report Display(Report report) => MinSeverity <= DiagnosticSeverity.Suggestion
        ? report
        : report with { Diagnostics = [.. report.Diagnostics.Where(d => d.Severity >= MinSeverity)] };

    /// <summary>Standard output in each chosen format (or the --output file), then --sarif and --json.</summary>
    private TargetList OpenTargets()
    {
        var formats = Formats();
        var color = !context.IsOutputRedirected && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")) && !parse.GetValue(options.NoColor);
        var sarif = new SarifOptions { SplitByFolder = parse.GetValue(options.SarifSplit), OmitSuppressed = parse.GetValue(options.SarifNoSuppressed) };
        var targets = new TargetList();
        if (options.BaselineCreate)
        {
            return targets;
        }

        if (parse.GetValue(options.Output) is { } outputPath)
        {
            var full = Path.GetFullPath(outputPath, context.CurrentDirectory);
            targets.Add(new OutputTarget(formats[0], OutputFormats.OpenFile(full), ownsWriter: true, color: false, sarif) { FilePath = full, ConfigurationErrors = context.Error });
        }
        else
        {
            targets.AddRange(formats.Select(name => new OutputTarget(name, context.Out, ownsWriter: false, color, sarif) { ConfigurationErrors = context.Error }));
        }

        if (parse.GetValue(options.Sarif) is { } sarifPath)
        {
            var full = Path.GetFullPath(sarifPath, context.CurrentDirectory);
            targets.Add(new OutputTarget(OutputFormats.Sarif, OutputFormats.OpenFile(full), ownsWriter: true, color: false, sarif) { FilePath = full });
        }

        if (parse.GetValue(options.Json) is { } jsonPath)
        {
            var full = Path.GetFullPath(jsonPath, context.CurrentDirectory);
            targets.Add(new OutputTarget(OutputFormats.Json, OutputFormats.OpenFile(full), ownsWriter: true, color: false, sarif) { FilePath = full });
        }

        return targets;
    }

    /// <summary>What goes to standard error (and the GitHub job summary) after the findings.</summary>
    private void WriteSummaries(IReadOnlyList<OutputTarget> targets, FindingTally tally)
    {
        var summary = RunSummary.Format(tally, _report.FileCount, _report.Elapsed, _baselineFixed);
        var hidden = tally.ShownBelow(MinSeverity);
        if (hidden > 0)
        {
            summary += $"; {"finding".ToQuantity(hidden)} below {MinSeverity.ToConfigName()} not shown";
        }

        if ((!Quiet || tally.Shown(DiagnosticSeverity.Error) > 0) && !parse.GetValue(options.NoSummary))
        {
            context.Error.WriteLine(summary);
        }

        foreach (var target in targets.Where(t => t.SarifRuns.Any(r => r.Truncated > 0)))
        {
            var cut = target.SarifRuns.Sum(r => r.Truncated);
            context.Error.WriteLine($"doclint: SARIF{(target.FilePath is { } p ? " " + Escape(_report.DisplayPath(p)) : "")}: {"result".ToQuantity(cut)} left out, the least severe first: code scanning takes at most {SarifLimits.GitHub.MaxResults:N0} a run (--sarif-split-by-folder makes a run per folder).");
        }

        if (_fixSummary is not null)
        {
            context.Error.WriteLine(_fixSummary);
        }

        if (parse.GetValue(options.Stats))
        {
            context.Error.Write(RuleStats.FormatTable(tally.RuleCounts()));
            if (_timings is not null)
            {
                context.Error.Write(RuleStats.FormatTimes(_timings.Totals()));
            }

            context.Error.WriteLine(MemoryLine());
        }

        if (targets.Any(t => t.Format == OutputFormats.GitHub) && context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            try
            {
                File.AppendAllText(stepSummary, StepSummary.Format(_report, tally.RuleCounts(), summary));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"doclint: cannot write the job summary: {ex.Message}");
            }
        }
    }

    /// <summary>What the run cost the garbage collector (for the whole process), for --stats.</summary>
    private static string MemoryLine()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"memory: {GC.GetTotalAllocatedBytes() / 1e6:F1} MB allocated; collections: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused; peak working set {process.PeakWorkingSet64 / 1e6:F1} MB");
    }

    private int WriteBaseline()
    {
        var target = Path.GetFullPath(parse.GetValue(options.Output)!, context.CurrentDirectory);
        Core.Fixing.SafeFileWriter.WriteAtomically(target, stream => Baseline.Write(stream, _report.Diagnostics.Where(Report.IsShown), Path.GetDirectoryName(target)!));

        var recorded = _report.Diagnostics.Count(d => Report.IsShown(d) && d.Fingerprint is not null);
        context.Error.WriteLine($"{"finding".ToQuantity(recorded)} from {"file".ToQuantity(_report.FileCount)} recorded in {parse.GetValue(options.Output)}");
        return ExitCodes.Success;
    }

    /// <summary>Marks findings new or unchanged against --baseline; returns an exit code when the baseline cannot be used.</summary>
    private int? CompareWithBaseline()
    {
        if (parse.GetValue(options.Baseline) is not { } baselinePath)
        {
            return null;
        }

        var full = Path.GetFullPath(baselinePath, context.CurrentDirectory);
        Baseline accepted;
        try
        {
            accepted = Baseline.Read(Core.Workspace.RegularFile.ReadAllText(full, Limits.MaxBaselineBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"doclint: cannot use the baseline {baselinePath}: {ex.Message}");
            return ExitCodes.UsageOrConfigError;
        }

        var (marked, gone) = accepted.Apply(_report.Diagnostics, Path.GetDirectoryName(full)!);
        _report = _report with { Diagnostics = [.. marked], BaselineFixed = gone };
        _baselineFixed = gone;
        return null;
    }

    private string[] Formats() => OutputFormats.Choose(parse.GetValue(options.Format), context);

    /// <summary>
    /// Applies (or, dry, prints as a diff) the fixes of the shown findings, file by file. Fixed findings leave
    /// the report, so the exit code reflects what remains; a file that cannot be fixed safely keeps its findings.
    /// </summary>
    private static (Report Report, string Summary) ApplyFixes(Report report, IReadOnlyDictionary<string, Core.Text.SourceEncoding> encodings, bool dryRun, CliContext context)
    {
        var fixedFindings = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        var notFixed = new List<Diagnostic>();
        var files = 0;
        if (!dryRun)
        {
            // Temporary files that a killed run left beside the files it fixed.
            foreach (var folder in report.Sources.Keys.Where(Path.IsPathRooted).Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal))
            {
                Core.Fixing.SafeFileWriter.SweepStale(folder!);
            }
        }

        foreach (var group in report.Shown.Where(d => d.Fix is not null).GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!report.Sources.TryGetValue(group.Key, out var source) || !encodings.TryGetValue(group.Key, out var encoding))
            {
                context.Error.WriteLine($"doclint: {Escape(report.DisplayPath(group.Key))}: not fixed: it was not decoded cleanly");
                continue;
            }

            var plan = Core.Fixing.FixPlan.Create(group.Key, source.Text, group);
            if (dryRun)
            {
                context.Out.Write(Core.Fixing.UnifiedDiff.Format(Escape(report.DisplayPath(group.Key)).Replace('\\', '/').TrimStart('/'), plan.OldText, plan.NewText));
            }
            else if (Core.Fixing.SafeFileWriter.Write(group.Key, source.Text, plan.NewText, encoding) is { } problem)
            {
                context.Error.WriteLine($"doclint: {Escape(report.DisplayPath(group.Key))}: {problem}");
                notFixed.Add(NotFixed(group.Key, problem));
                continue;
            }

            files++;
            foreach (var d in plan.Applied)
            {
                fixedFindings.Add(d);
            }

            foreach (var d in plan.Overlapping)
            {
                context.Error.WriteLine($"doclint: {Escape(report.DisplayPath(d.Path))}({d.LineSpan.Start.Line + 1},{d.LineSpan.Start.Character + 1}): {d.Id} not fixed: another fix overlaps it");
            }
        }

        var verb = dryRun ? "would be applied" : "applied";
        var byRule = string.Join(", ", fixedFindings.GroupBy(d => d.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        var summary = $"{"fix".ToQuantity(fixedFindings.Count)} {verb} in {"file".ToQuantity(files)}{(byRule.Length > 0 ? $" ({byRule})" : "")}";
        // A dry run changes nothing: the findings stay, and so does the exit code they give.
        return dryRun ? (report, summary) : (report with { Diagnostics = [.. report.Diagnostics.Where(d => !fixedFindings.Contains(d)).Concat(notFixed).Order(DiagnosticOrder.Instance)] }, summary);
    }

    private static string Escape(string name) => Core.Reporting.Text.TerminalText.Escape(name);

    /// <summary>DL0002 on a file whose fixes were not written, with the reason.</summary>
    private static Diagnostic NotFixed(string path, string reason) => new()
    {
        Descriptor = EngineDiagnostics.UnreadableInput,
        Severity = DiagnosticSeverity.Warning,
        Message = reason,
        Path = path,
        Span = new Core.Text.TextSpan(0, 0),
        LineSpan = default,
    };

    private static int ExitCode(bool executionSuccessful, FindingTally tally, string? failLevel, int? maxWarnings)
    {
        if (!executionSuccessful)
        {
            return ExitCodes.InternalError;
        }

        var threshold = DiagnosticSeverityNames.TryParse(failLevel, out var level) ? level : DiagnosticSeverity.Error;
        if (tally.ShownAtLeast(threshold) > 0)
        {
            return ExitCodes.Findings;
        }

        return maxWarnings is { } max && tally.Shown(DiagnosticSeverity.Warning) > max
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static FileResult LintStdin(LintEngine engine, string? stdinPath, CliContext context)
    {
        using var stdin = context.OpenStdin();
        var path = stdinPath is null ? "<stdin>" : Path.GetFullPath(stdinPath, context.CurrentDirectory);
        return engine.LintStream(path, stdin);
    }

    /// <summary>Full paths by default (VS Code's $msCompile wants them); relative to the working folder on request.</summary>
    private static Func<string, string> DisplayPath(bool relative, string currentDirectory) => path =>
        !relative || path.StartsWith('<') || !Path.IsPathRooted(path) ? path : Path.GetRelativePath(currentDirectory, path);

    /// <summary>The run's output targets, disposed (files closed) together.</summary>
    private sealed class TargetList : List<OutputTarget>, IDisposable
    {
        public void Dispose()
        {
            foreach (var target in this)
            {
                target.Dispose();
            }
        }
    }
}
