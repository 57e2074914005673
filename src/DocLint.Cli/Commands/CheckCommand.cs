using System.CommandLine;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint check [paths…]</c>: lints files, directories and globs; "-" reads standard input.</summary>
internal static class CheckCommand
{
    /// <summary>
    /// For a command line that starts with <c>check</c> and does not say <c>--no-default-rules</c>, starts compiling
    /// the built-in packs on a thread of their own before the command line and configuration are read; the run loads
    /// the attribution layer's word lists on its own thread meanwhile (<see cref="CheckRun"/>). A configuration that
    /// turns the packs off (doclint.yaml's <c>defaultRules: false</c>, a .vale.ini) stops the compilation once the run
    /// has read it: the work done until then, on another core, is lost, never wrong. A run that plainly uses a Vale
    /// configuration alone (<see cref="ConfigOptions.UsesValeAlone"/>) starts none: its own style's rules load then.
    /// </summary>
    public static void StartAhead(string[] args)
    {
        if (args is not ["check", ..] || Array.IndexOf(args, "--no-default-rules") >= 0 || ConfigOptions.UsesValeAlone(args, Directory.GetCurrentDirectory()))
        {
            return;
        }

        Core.Rules.Loading.RuleSetBuilder.CompileDefaultsAhead();
    }

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
