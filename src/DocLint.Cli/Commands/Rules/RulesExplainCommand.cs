using System.CommandLine;
using DocLint.Core.Rules.Documentation;

namespace DocLint.Cli.Commands.Rules;

/// <summary><c>doclint rules explain DL3001</c>: the rule's documentation page, as docs/rules/DL3001.md has it.</summary>
internal static class RulesExplainCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The rule id, such as DL3001." };
        var explain = new Command("explain", "Explain a rule: why it exists, how to fix and suppress what it finds, examples and configuration.");
        explain.Arguments.Add(id);
        var options = new RuleOptions(withConfig: true);
        options.AddTo(explain);
        explain.SetAction(parse =>
        {
            if (options.LoadOrReport(parse, context) is not { } ruleSet)
            {
                return ExitCodes.UsageOrConfigError;
            }

            var wanted = parse.GetValue(id)!.Trim();
            if (ruleSet.FindTyped(wanted) is { } rule)
            {
                context.Out.Write(RuleDocumentation.Page(rule.Definition));
                return ExitCodes.Success;
            }

            if (Core.Diagnostics.EngineDiagnostics.All.FirstOrDefault(d => string.Equals(d.Id, wanted, StringComparison.OrdinalIgnoreCase)) is { } engine)
            {
                context.Out.Write(RuleDocumentation.EnginePage(engine));
                return ExitCodes.Success;
            }

            context.Error.WriteLine($"doclint: no rule '{wanted}' is loaded; 'doclint rules list' shows the rules.");
            return ExitCodes.UsageOrConfigError;
        });
        return explain;
    }
}
