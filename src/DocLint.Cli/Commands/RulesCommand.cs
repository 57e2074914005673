using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting.Text;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint rules list</c>: the loaded rules, one a line.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Command("rules", "Work with rules.");
        var list = new Command("list", "List every loaded rule: id, severity, kind and title.");
        var options = new RuleOptions();
        options.AddTo(list);
        list.SetAction(parse =>
        {
            var loaded = options.Load(parse, context);
            if (loaded.RuleSet is not { } ruleSet)
            {
                MsBuildFormatter.Write(context.Out, loaded.Errors, p => p);
                RuleOptions.ReportFailure(loaded, context);
                return ExitCodes.UsageOrConfigError;
            }

            foreach (var rule in ruleSet.Rules)
            {
                var d = rule.Definition;
                context.Out.Write($"{d.Id}  {d.Severity.ToConfigName(),-10}  {d.Kind.ToString().ToLowerInvariant(),-12}  {d.Title}\n");
            }

            return ExitCodes.Success;
        });
        rules.Subcommands.Add(list);
        return rules;
    }
}
