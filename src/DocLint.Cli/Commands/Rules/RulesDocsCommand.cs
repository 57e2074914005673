using System.CommandLine;
using DocLint.Core.Rules.Documentation;

namespace DocLint.Cli.Commands.Rules;

/// <summary>
/// <c>doclint rules docs --output docs/rules</c>: writes the rule documentation pages; with <c>--check</c>
/// writes nothing and exits 1 when the folder differs from what would be written.
/// </summary>
internal static class RulesDocsCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output")
        {
            Description = "The folder to write the pages to.",
            HelpName = "DIR",
            DefaultValueFactory = _ => Path.Combine("docs", "rules"),
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the pages are stale." };
        var docs = new Command("docs", "Generate the rule documentation pages (one per rule, and an index).");
        docs.Options.Add(output);
        docs.Options.Add(check);
        var options = new RuleOptions();
        options.AddTo(docs);
        docs.SetAction(parse =>
        {
            if (options.LoadOrReport(parse, context) is not { } ruleSet)
            {
                return ExitCodes.UsageOrConfigError;
            }

            var folder = Path.GetFullPath(parse.GetValue(output)!, context.CurrentDirectory);
            var pages = RuleDocumentation.Generate(ruleSet);
            var stale = RuleDocumentation.StalePages(folder, pages);
            if (parse.GetValue(check))
            {
                foreach (var page in stale)
                {
                    context.Out.Write($"{Path.Combine(folder, page)}: stale; run 'doclint rules docs'\n");
                }

                return stale.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
            }

            Directory.CreateDirectory(folder);
            foreach (var name in stale)
            {
                var path = Path.Combine(folder, name);
                if (pages.TryGetValue(name, out var content))
                {
                    File.WriteAllText(path, content);
                }
                else
                {
                    File.Delete(path);
                }
            }

            context.Error.WriteLine($"{pages.Count} pages in {folder}, {stale.Count} written or removed");
            return ExitCodes.Success;
        });
        return docs;
    }
}
