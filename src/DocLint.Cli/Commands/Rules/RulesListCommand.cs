using System.CommandLine;
using DocLint.Core.Diagnostics;

namespace DocLint.Cli.Commands.Rules;

/// <summary><c>doclint rules list</c>: the loaded rules, one a line: id, severity, kind, title.</summary>
internal static class RulesListCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List every loaded rule: id, severity, kind and title.");
        var options = new RuleOptions(withConfig: true);
        options.AddTo(list);
        list.SetAction(parse =>
        {
            if (options.LoadOrReport(parse, context) is not { } ruleSet)
            {
                return ExitCodes.UsageOrConfigError;
            }

            // Columns as wide as their longest entry: Vale's ids (Microsoft.Accessibility) and kinds are longer than DocLint's.
            var idWidth = ruleSet.Rules.Select(r => r.Definition.Id.Length).DefaultIfEmpty(0).Max();
            var kindWidth = Math.Max(12, ruleSet.Rules.Select(r => r.KindName.Length).DefaultIfEmpty(0).Max());
            foreach (var rule in ruleSet.Rules)
            {
                var d = rule.Definition;
                context.Out.Write($"{d.Id.PadRight(idWidth)}  {d.Severity.ToConfigName(),-10}  {rule.KindName.PadRight(kindWidth)}  {d.Title}\n");
            }

            return ExitCodes.Success;
        });
        return list;
    }
}
