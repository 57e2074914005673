using System.CommandLine;
using DocLint.Cli.Commands;

namespace DocLint.Cli;

/// <summary>The command tree. Parse errors exit 2; anything unexpected exits 3 with a message, never a stack trace.</summary>
public static class DocLintApp
{
    public static int Run(string[] args, CliContext context)
    {
        try
        {
            if (args is ["vale", .. var vale])
            {
                return ValeCommandLine.Run(vale, context);
            }

            var root = new RootCommand("DocLint: a linter for prose. Checks articles against editorial rules (sourcing, claims, tone, rights).");
            root.Subcommands.Add(CheckCommand.Create(context));
            root.Subcommands.Add(RulesCommand.Create(context));
            root.Subcommands.Add(ConfigCommand.Create(context));
            root.Subcommands.Add(BaselineCommand.Create(context));
            root.Subcommands.Add(InspectCommand.Create(context));
            root.Subcommands.Add(InitCommand.Create(context));
            root.Subcommands.Add(LspCommand.Create(context));
            root.Subcommands.Add(McpCommand.Create(context));
            // Listed for --help; its command lines are taken before parsing (ValeCommandLine), as Vale's flags are not check's.
            root.Subcommands.Add(new Command("vale", ValeCommandLine.Description));
            BuildKind.DescribeOnVersion(root, context);

            var result = root.Parse(OperandsAfterDoubleDash(args));
            StageTimes.Mark("command line");
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors)
                {
                    context.Error.WriteLine($"doclint: {error.Message}");
                }

                context.Error.WriteLine("Run 'doclint --help' for usage.");
                return ExitCodes.UsageOrConfigError;
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex)
        {
            context.Error.WriteLine($"doclint: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// "--" ends the options: every argument after it is a path, even one that starts with '-' ("-x.txt" is
    /// passed on as "./-x.txt", the same file, so that nothing takes it for an option); "-" alone stays
    /// standard input.
    /// </summary>
    internal static string[] OperandsAfterDoubleDash(string[] args)
    {
        var end = Array.IndexOf(args, "--");
        if (end < 0)
        {
            return args;
        }

        var result = (string[])args.Clone();
        for (var i = end + 1; i < result.Length; i++)
        {
            if (result[i].Length > 1 && result[i][0] == '-')
            {
                result[i] = "./" + result[i];
            }
        }

        return result;
    }
}
