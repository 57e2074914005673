using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Engine;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Workspace;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint check [paths…]</c>: lints files, directories and globs; "-" reads standard input.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
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
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "msbuild",
            HelpName = "msbuild",
        };
        format.AcceptOnlyFromAmong("msbuild");
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

        var rules = new RuleOptions();
        var command = new Command("check", "Lint documents and report findings.");
        command.Arguments.Add(paths);
        command.Options.Add(relativePaths);
        command.Options.Add(failLevel);
        command.Options.Add(format);
        command.Options.Add(stdinPath);
        command.Options.Add(threads);
        rules.AddTo(command);

        command.SetAction(parse =>
        {
            var started = context.Time.GetTimestamp();
            var ruleSet = rules.Load(parse, context);
            if (ruleSet is null)
            {
                return ExitCodes.UsageOrConfigError;
            }

            var inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var engine = new LintEngine(ruleSet, new LintOptions { MaxParallelism = parse.GetValue(threads) });
            var results = new List<FileResult>();
            var problems = new List<Diagnostic>();

            if (inputs.Contains("-"))
            {
                results.Add(LintStdin(engine, parse.GetValue(stdinPath), context));
            }

            var discovered = FileDiscovery.Expand(inputs.Where(i => i != "-"), context.CurrentDirectory);
            problems.AddRange(discovered.Problems);
            var fullPaths = discovered.Files.Select(f => Path.GetFullPath(f, context.CurrentDirectory)).ToList();
            var lint = engine.LintFiles(fullPaths);

            var all = lint.Diagnostics.Concat(results.SelectMany(r => r.Diagnostics)).Concat(problems).ToList();
            var display = DisplayPath(parse.GetValue(relativePaths), context.CurrentDirectory);
            all = [.. all.Select(d => d with { Path = display(d.Path) })];
            all.Sort(DiagnosticOrder.Instance);

            MsBuildFormatter.Write(context.Out, all, p => p);
            var fileCount = lint.FileCount + results.Count;
            context.Error.WriteLine(RunSummary.Format(all, fileCount, context.Time.GetElapsedTime(started)));

            if (lint.InternalError || results.Any(r => r.InternalError))
            {
                return ExitCodes.InternalError;
            }

            var threshold = DiagnosticSeverityNames.TryParse(parse.GetValue(failLevel), out var level) ? level : DiagnosticSeverity.Error;
            return all.Any(d => MsBuildFormatter.IsShown(d) && d.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
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
    {
        if (path.StartsWith('<'))
        {
            return path;
        }

        var full = Path.GetFullPath(path, currentDirectory);
        return relative ? Path.GetRelativePath(currentDirectory, full) : full;
    };
}
