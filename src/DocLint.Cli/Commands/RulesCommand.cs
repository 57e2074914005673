using System.CommandLine;
using DocLint.Cli.Commands.Rules;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint rules …</c>: tools for people who read and write rules.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Command("rules", "List, explain, test and document rules.");
        rules.Subcommands.Add(RulesListCommand.Create(context));
        rules.Subcommands.Add(RulesExplainCommand.Create(context));
        rules.Subcommands.Add(RulesTestCommand.Create(context));
        rules.Subcommands.Add(RulesDocsCommand.Create(context));
        return rules;
    }
}
