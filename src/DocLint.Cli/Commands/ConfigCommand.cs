using System.CommandLine;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting.Text;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint config show PATH</c>: every rule's effective severity for one file, and where it came from.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "The file to show the configuration for." };
        var show = new Command("show", "Show the effective severity of every rule for a file, and where each value came from.");
        show.Arguments.Add(path);
        var rules = new RuleOptions();
        var config = new ConfigOptions();
        rules.AddTo(show);
        config.AddTo(show);
        show.SetAction(parse =>
        {
            var configuration = config.Load(parse, context);
            if (rules.LoadOrReport(parse, context, configuration) is not { } ruleSet)
            {
                return ExitCodes.UsageOrConfigError;
            }

            var fullPath = Path.GetFullPath(parse.GetValue(path)!, context.CurrentDirectory);
            var severities = configuration.Set.ForFile(fullPath, FrontMatterOf(fullPath, new Dictionary<string, string>(configuration.Readers, StringComparer.OrdinalIgnoreCase)));
            foreach (var rule in ruleSet.Rules)
            {
                var choice = severities.For(rule.Definition);
                context.Out.Write($"{rule.Id}  {choice.Severity.ToConfigName(),-10}  {choice.Source}\n");
            }

            var problems = configuration.Set.ProblemsWith(ruleSet);
            MsBuildFormatter.Write(context.Out, problems.Select(p => p.ToDiagnostic()), p => p);
            return problems.Any(p => p.Severity == DiagnosticSeverity.Error) ? ExitCodes.UsageOrConfigError : ExitCodes.Success;
        });

        var command = new Command("config", "Inspect configuration.");
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>The front matter of the file, when it exists and can be read: overrides may select files by it.</summary>
    private static IReadOnlyDictionary<string, string>? FrontMatterOf(string fullPath, IReadOnlyDictionary<string, string> readers)
    {
        try
        {
            return File.Exists(fullPath) && new FileInfo(fullPath).Length <= 16 * 1024 * 1024
                ? Core.Documents.DocumentFile.Read(fullPath, File.ReadAllBytes(fullPath), readers).Document?.FrontMatter
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
