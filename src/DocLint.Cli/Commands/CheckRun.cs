using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Reporting;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Workspace;
using Humanizer;

namespace DocLint.Cli.Commands;

/// <summary>
/// One run of <c>doclint check</c> (or <c>doclint baseline create</c>), stage by stage: load the configuration
/// and rules, lint, compare with a baseline, apply fixes, write the outputs, decide the exit code.
/// </summary>
internal sealed class CheckRun(CliContext context, CheckOptions options, ParseResult parse)
{
    private readonly long _started = context.Time.GetTimestamp();
    private IReadOnlyDictionary<string, Core.Text.SourceEncoding> _encodings = new Dictionary<string, Core.Text.SourceEncoding>();
    private RunConfiguration _configuration = null!;
    private RuleSetLoadResult _loaded = null!;
    private Report _report = null!;
    private int? _baselineFixed;
    private string? _fixSummary;

    public int Execute()
    {
        Load();
        if (_loaded.RuleSet is null)
        {
            WriteOutputs(printFindings: true);
            RuleOptions.ReportFailure(_loaded, context);
            return ExitCodes.UsageOrConfigError;
        }

        Lint();
        if (options.BaselineCreate)
        {
            return WriteBaseline();
        }

        if (CompareWithBaseline() is { } failure)
        {
            return failure;
        }

        var dryRun = parse.GetValue(options.DryRun);
        if (parse.GetValue(options.Fix))
        {
            (_report, _fixSummary) = ApplyFixes(_report, _encodings, dryRun, context);
        }

        _report = _report with { Elapsed = context.Time.GetElapsedTime(_started) };
        WriteOutputs(printFindings: !(parse.GetValue(options.Fix) && dryRun));
        context.Error.WriteLine(RunSummary.Format(_report.Diagnostics, _report.FileCount, _report.Elapsed, _baselineFixed));
        if (_fixSummary is not null)
        {
            context.Error.WriteLine(_fixSummary);
        }

        if (_report.Diagnostics.Any(d => d.Id == EngineDiagnostics.InvalidRule.Id && d.Severity == DiagnosticSeverity.Error))
        {
            context.Error.WriteLine("doclint: configuration errors (DL0001) in files found while linting; fix them and run again.");
            return ExitCodes.UsageOrConfigError;
        }

        var level = parse.GetResult(options.FailLevel) is { Implicit: false } || _configuration.FailLevel is null
            ? parse.GetValue(options.FailLevel)
            : _configuration.FailLevel.Value.ToConfigName();
        return ExitCode(_report, level, parse.GetValue(options.MaxWarnings));
    }

    /// <summary>The configuration and the rules; the configuration that governs the run must be sound before anything is linted.</summary>
    private void Load()
    {
        _configuration = options.Config.Load(parse, context);
        _loaded = options.Rules.Load(parse, context, _configuration);
        if (_loaded.RuleSet is { } known)
        {
            var upfront = _configuration.Set.ProblemsWith(known).Where(p => p.Severity == DiagnosticSeverity.Error).Select(p => p.ToDiagnostic()).ToList();
            if (upfront.Count > 0)
            {
                _loaded = new RuleSetLoadResult(null, [.. upfront]);
            }
        }

        _report = new Report
        {
            Diagnostics = _loaded.Errors,
            Rules = _loaded.RuleSet is { } set ? [.. set.Rules.Select(r => r.Descriptor)] : [],
            Root = context.CurrentDirectory,
            DisplayPath = DisplayPath(parse.GetValue(options.RelativePaths), context.CurrentDirectory),
            Category = parse.GetValue(options.SarifCategory),
            ExecutionSuccessful = _loaded.Succeeded,
        };
    }

    private void Lint()
    {
        var formats = Formats();
        var readerMap = new Dictionary<string, string>(_configuration.Readers, StringComparer.OrdinalIgnoreCase);
        foreach (var (extension, reader) in (parse.GetValue(options.Readers) ?? []).Select(CheckOptions.ParseReader).OfType<(string Extension, string Reader)>())
        {
            // The command line's mapping wins over the configuration's.
            readerMap[extension] = reader;
        }

        var engine = new LintEngine(_loaded.RuleSet!, new LintOptions
        {
            MaxParallelism = parse.GetValue(options.Threads),
            KeepSources = formats.Contains(OutputFormats.Pretty) || parse.GetValue(options.Fix),
            Readers = readerMap,
            Configuration = _configuration.Set,
        });
        var inputs = parse.GetValue(options.Paths) is { Length: > 0 } given ? given : ["."];
        var discovered = FileDiscovery.Expand(inputs.Where(i => i != "-"), context.CurrentDirectory);
        var results = new List<FileResult>();
        if (inputs.Contains("-"))
        {
            results.Add(LintStdin(engine, parse.GetValue(options.StdinPath), context));
        }

        // A file named on the command line is linted even when the configuration excludes it.
        var explicitFiles = inputs.Select(i => Path.GetFullPath(i, context.CurrentDirectory)).Where(File.Exists).ToHashSet(StringComparer.Ordinal);
        var files = discovered.Files.Select(f => Path.GetFullPath(f, context.CurrentDirectory))
            .Where(f => explicitFiles.Contains(f) || _configuration.Includes(f)).ToList();
        results.AddRange(engine.LintEach(files));
        var lint = LintEngine.Collect(results);
        // Problems found while walking the folders, and in configuration files found further down as files
        // were linted: reported where they are. The lint's findings are already in output order.
        List<Diagnostic> problems =
        [
            .. discovered.Problems.Select(p => p with { Path = Path.GetFullPath(p.Path, context.CurrentDirectory) }),
            .. _configuration.Set.ProblemsWith(_loaded.RuleSet!).Select(p => p.ToDiagnostic()),
        ];
        var all = problems.Count == 0 ? lint.Diagnostics : [.. lint.Diagnostics.Concat(problems).Order(DiagnosticOrder.Instance)];

        _report = _report with
        {
            Diagnostics = all,
            FileCount = lint.FileCount,
            Sources = lint.Sources,
            ExecutionSuccessful = !lint.InternalError,
        };
        _encodings = lint.Encodings;
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

    private void WriteOutputs(bool printFindings)
    {
        var formats = Formats();
        var color = !context.IsOutputRedirected && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")) && !parse.GetValue(options.NoColor);
        if (!printFindings)
        {
            // --fix --dry-run printed the diff instead.
        }
        else if (parse.GetValue(options.Output) is { } outputPath)
        {
            OutputFormats.WriteFile(Path.GetFullPath(outputPath, context.CurrentDirectory), formats[0], _report);
        }
        else
        {
            foreach (var name in formats)
            {
                OutputFormats.Write(name, context.Out, _report, color);
            }
        }

        if (parse.GetValue(options.Sarif) is { } sarifPath)
        {
            OutputFormats.WriteFile(Path.GetFullPath(sarifPath, context.CurrentDirectory), OutputFormats.Sarif, _report);
        }

        if (parse.GetValue(options.Json) is { } jsonPath)
        {
            OutputFormats.WriteFile(Path.GetFullPath(jsonPath, context.CurrentDirectory), OutputFormats.Json, _report);
        }
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
        var path = stdinPath is null ? "<stdin>" : Path.GetFullPath(stdinPath, context.CurrentDirectory);
        return engine.LintStream(path, stdin);
    }

    /// <summary>Full paths by default (VS Code's $msCompile wants them); relative to the working folder on request.</summary>
    private static Func<string, string> DisplayPath(bool relative, string currentDirectory) => path =>
        !relative || path.StartsWith('<') || !Path.IsPathRooted(path) ? path : Path.GetRelativePath(currentDirectory, path);
}
