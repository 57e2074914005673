using System.CommandLine;

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
        var options = new CheckOptions(baselineCreate);
        var command = baselineCreate
            ? new Command("create", "Record today's findings in a baseline file, so that 'check --baseline' reports only new ones.")
            : new Command("check", "Lint documents and report findings.");
        options.AddTo(command);
        command.SetAction(parse => new CheckRun(context, options, parse).Execute());
        return command;
    }
}
