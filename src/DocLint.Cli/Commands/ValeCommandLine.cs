namespace DocLint.Cli.Commands;

/// <summary>
/// <c>doclint vale [Vale's flags] [paths]</c>: Vale's command line, run as <c>doclint check</c>, so that scripts, CI jobs
/// and editor plugins written for <c>vale</c> work with <c>alias vale='doclint vale'</c>. Each flag Vale documents is
/// translated (<c>--output=JSON</c> is <c>--format vale-json</c>), accepted and ignored where DocLint already behaves so
/// (<c>--no-wrap</c>, <c>--sort</c>), or refused with a message; paths print as given, as Vale prints them.
/// </summary>
internal static class ValeCommandLine
{
    public const string Description = "Vale's command line (--output=line|JSON|CLI, --config, --minAlertLevel, --glob, --ext, --no-exit, --ignore-syntax), run as 'check'; 'doclint vale --help' lists the flags.";

    private const string Usage = """
        Usage: doclint vale [options] [paths...]

        Vale's command line, run as 'doclint check' with the .vale.ini Vale would use:
          --output=line|JSON|CLI   line: path:line:col:Rule:message; JSON: Vale's JSON (--format vale-json); CLI: pretty
          --config=PATH            the .vale.ini to use
          --minAlertLevel=LEVEL    suggestion, warning or error
          --glob=GLOB              lint only paths matching GLOB ('!GLOB' leaves them out)
          --ext=.EXT               the extension standard input is read with (reported as stdin.EXT)
          --ignore-syntax          read every file as plain text
          --no-exit                exit 0 whatever is found
          --no-wrap, --no-global, --normalize, --relative, --sort   accepted: DocLint already prints so
        With no path and standard input piped, standard input is linted. Not supported: --filter, template
        outputs, and the subcommands ls-config, ls-dirs, ls-metrics, ls-vars, sync, fix, compile.
        """;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "--no-wrap", "--no-global", "--normalize", "--relative", "--sort" };

    private static readonly HashSet<string> Subcommands = new(StringComparer.Ordinal) { "ls-config", "ls-dirs", "ls-metrics", "ls-vars", "sync", "fix", "compile", "host-install", "host-uninstall" };

    public static int Run(string[] args, CliContext context)
    {
        // Standard input is read when it is a pipe or a file, not a terminal or /dev/null (a CI job's): as Vale reads it.
        var piped = context.IsInputRedirected
            && !(OperatingSystem.IsLinux() && Core.Workspace.FileStatus.Of("/dev/stdin").Kind == Core.Workspace.FileKind.CharacterDevice);
        if (Translate(args, piped, out var error) is { } check)
        {
            return DocLintApp.Run(check, context);
        }

        if (error is null)
        {
            context.Out.Write(Usage.ReplaceLineEndings("\n"));
            context.Out.Write('\n');
            return ExitCodes.Success;
        }

        context.Error.WriteLine($"doclint vale: {error}");
        context.Error.WriteLine("Run 'doclint vale --help' for the flags it takes.");
        return ExitCodes.UsageOrConfigError;
    }

    /// <summary>
    /// The <c>check</c> command line for Vale's <paramref name="args"/>; null with <paramref name="error"/> null for
    /// <c>--help</c>, or with the reason a flag cannot be run.
    /// </summary>
    internal static string[]? Translate(string[] args, bool stdinRedirected, out string? error)
    {
        error = null;
        // As Vale stops with no configuration, the run stops where no Vale configuration governs (CheckOptions.RequireVale).
        var check = new List<string> { "check", "--relative-paths", "--progress", "never", "--require-vale-config" };
        var paths = new List<string>();
        string? ext = null;

        // As Vale's flags, a flag given twice takes its last value.
        string[]? format = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                paths.AddRange(args[(i + 1)..]);
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (arg is "-h")
                {
                    return null;
                }

                if (arg is "-v")
                {
                    return ["--version"];
                }

                if (paths.Count == 0 && Subcommands.Contains(arg))
                {
                    error = $"Vale's '{arg}' is not supported: DocLint reads the .vale.ini and the styles already on disk, and downloads nothing.";
                    return null;
                }

                paths.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? Value()
            {
                if (equals >= 0)
                {
                    return arg[(equals + 1)..];
                }

                return i + 1 < args.Length ? args[++i] : null;
            }

            switch (name)
            {
                case "--help":
                    return null;
                case "--version":
                    return ["--version"];
                case "--output":
                    var output = Value();
                    switch (output)
                    {
                        case "line":
                            format = ["--format", "line", "--no-summary"];
                            break;
                        case "JSON":
                            format = ["--format", "vale-json", "--no-summary"];
                            break;
                        case "CLI":
                            format = ["--format", "pretty"];
                            break;
                        case null or "" or ['-', ..]:
                            error = "--output needs a value: line, JSON or CLI";
                            return null;
                        default:
                            error = $"--output={output}: DocLint writes line, JSON and CLI (Go templates are not run)";
                            return null;
                    }

                    break;
                case "--config" or "--minAlertLevel" or "--glob":
                    if (Value() is not { } value)
                    {
                        error = $"{name} needs a value";
                        return null;
                    }

                    check.AddRange([name == "--minAlertLevel" ? "--min-severity" : name, value]);
                    break;
                case "--ext":
                    ext = Value();
                    if (ext is null)
                    {
                        error = "--ext needs a value";
                        return null;
                    }

                    break;
                case "--no-exit" or "--ignore-syntax":
                    // A switch, as Vale's: "--no-exit=false" leaves it off.
                    if (equals < 0 || arg[(equals + 1)..] is "true" or "1")
                    {
                        check.Add(name);
                    }
                    else if (arg[(equals + 1)..] is not ("false" or "0"))
                    {
                        error = $"{name} takes true or false, not '{arg[(equals + 1)..]}'";
                        return null;
                    }

                    break;
                case "--filter":
                    error = "--filter is not supported: choose rules with the .vale.ini (Style.Rule = NO) or doclint's --rule";
                    return null;
                default:
                    if (!Ignored.Contains(name))
                    {
                        error = $"unknown flag '{arg}'";
                        return null;
                    }

                    break;
            }
        }

        check.AddRange(format ?? []);
        if (paths.Count == 0 && stdinRedirected)
        {
            paths.Add("-");
        }

        if (paths.Contains("-"))
        {
            // Vale reports standard input as stdin with the extension it was read with (.txt unless --ext says).
            var extension = ext is null ? ".txt" : ext.StartsWith('.') ? ext : "." + ext;
            check.AddRange(["--stdin-path", "stdin" + extension]);
        }

        if (paths.Any(p => p.Length > 1 && p[0] == '-'))
        {
            // A path that starts with '-' is no option to check either.
            check.Add("--");
        }

        check.AddRange(paths);
        return [.. check];
    }
}
