using System.CommandLine;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Loading;

namespace DocLint.Cli.Commands;

/// <summary>
/// The options that choose rules, shared by every command that loads them. With a <see cref="Config"/> of its
/// own (the rules commands), a command loads the same rule set as <c>check</c> in the same folder: the built-in
/// packs unless doclint.yaml says <c>defaultRules: false</c>, its <c>rules:</c> folders, then <c>--rules</c>.
/// </summary>
internal sealed class RuleOptions(bool withConfig = false)
{
    /// <summary>--config, for commands that take no other configuration options.</summary>
    public ConfigOptions? Config { get; } = withConfig ? new ConfigOptions() : null;

    public Option<string[]> Rules { get; } = new("--rules")
    {
        Description = "Also load the rule files in this folder (repeatable).",
        HelpName = "DIR",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoDefaultRules { get; } = new("--no-default-rules")
    {
        Description = "Do not load the rule packs built into DocLint.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(NoDefaultRules);
        Config?.AddTo(command);
    }

    /// <summary>Whether the built-in packs load: not with --no-default-rules, and otherwise as the configuration says.</summary>
    public bool LoadsDefaults(ParseResult parse, RunConfiguration? configuration) =>
        !parse.GetValue(NoDefaultRules) && (configuration?.LoadsDefaultRules ?? true);

    /// <summary>Loads the rules named on the command line and in the configuration.</summary>
    public RuleSetLoadResult Load(ParseResult parse, CliContext context, RunConfiguration? configuration = null, bool verifyExamples = true)
    {
        configuration ??= Config?.Load(parse, context);
        var loaded = Build(
            LoadsDefaults(parse, configuration),
            (configuration?.RuleFolders ?? []).Concat(parse.GetValue(Rules) ?? []),
            context.CurrentDirectory,
            verifyExamples,
            configuration?.Vale);
        ReportUnsupported(configuration?.Vale, context);
        return loaded;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Core.Vale.ValeConfiguration, Core.Vale.ValeStyleSet> ValeStyles = [];

    /// <summary>The styles of a .vale.ini, loaded once per configuration.</summary>
    public static Core.Vale.ValeStyleSet StylesOf(Core.Vale.ValeConfiguration vale) => ValeStyles.GetValue(vale, Core.Vale.ValeStyleSet.Load);

    /// <summary>Says on standard error which Vale rules do not run, and which .vale.ini keys are ignored.</summary>
    private static void ReportUnsupported(Core.Vale.ValeConfiguration? vale, CliContext context)
    {
        if (vale is null)
        {
            return;
        }

        foreach (var note in StylesOf(vale).Unsupported.Concat(vale.Notes))
        {
            context.Error.WriteLine($"doclint: {note}");
        }
    }

    /// <summary>Loads the built-in packs (when asked) and the rule folders or files, relative to <paramref name="currentDirectory"/>.</summary>
    public static RuleSetLoadResult Build(bool defaults, IEnumerable<string> folders, string currentDirectory, bool verifyExamples = true, Core.Vale.ValeConfiguration? vale = null)
    {
        var builder = new RuleSetBuilder { VerifyExamples = verifyExamples };
        if (vale is not null)
        {
            var styles = StylesOf(vale);
            builder.AddCompiled(styles.Rules, styles.Errors.Select(e => new RuleLoadError(new RuleLocation(vale.Ini.Path, default, 0), e).ToDiagnostic()));
        }

        if (defaults)
        {
            builder.AddEmbeddedDefaults();
        }

        foreach (var directory in folders)
        {
            var full = Path.GetFullPath(directory, currentDirectory);
            if (File.Exists(full))
            {
                builder.AddFile(full);
            }
            else
            {
                builder.AddDirectory(full);
            }
        }

        return builder.Build();
    }

    /// <summary>Loads the rules, or prints why they did not load and returns null.</summary>
    public RuleSet? LoadOrReport(ParseResult parse, CliContext context, RunConfiguration? configuration = null)
    {
        var loaded = Load(parse, context, configuration);
        if (loaded.RuleSet is { } ruleSet)
        {
            return ruleSet;
        }

        MsBuildFormatter.Write(context.Out, loaded.Errors, p => p);
        ReportFailure(loaded, context);
        return null;
    }

    /// <summary>Says on standard error that the rules did not load.</summary>
    public static void ReportFailure(RuleSetLoadResult result, CliContext context) =>
        context.Error.WriteLine($"doclint: {result.Errors.Length} rule or configuration error{(result.Errors.Length == 1 ? "" : "s")}; nothing was linted.");
}
