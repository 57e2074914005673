using System.CommandLine;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint baseline create --output FILE PATHS…</c>: accept today's findings, report only new ones later.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("baseline", "Record findings to accept, so that later checks report only new ones.");
        command.Subcommands.Add(CheckCommand.Create(context, baselineCreate: true));
        return command;
    }
}
