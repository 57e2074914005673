using System.CommandLine;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Examples;
using DocLint.Core.Rules.Loading;

namespace DocLint.Cli.Commands.Rules;

/// <summary>
/// <c>doclint rules test [paths]</c>: runs the examples of the given rule files or folders (the built-in
/// rules when none are given). A failure is printed at the example's line in the YAML, with the example
/// re-annotated with what DocLint actually reported. Exit 1 when any example fails.
/// </summary>
internal static class RulesTestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule files or folders to test. Default: the rules 'check' loads here (the built-in packs and doclint.yaml's rule folders).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var test = new Command("test", "Run the examples of rule files and show what each example actually produces when it fails.");
        test.Arguments.Add(paths);
        var options = new RuleOptions(withConfig: true);
        options.AddTo(test);
        test.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            var embedded = new RuleSetBuilder { VerifyExamples = false }.AddEmbeddedDefaults().Build().RuleSet!;
            RuleSetLoadResult loaded;
            if (given.Length == 0)
            {
                loaded = options.Load(parse, context, verifyExamples: false);
            }
            else
            {
                var other = new RuleSetBuilder { VerifyExamples = false };
                foreach (var path in given.Select(p => Path.GetFullPath(p, context.CurrentDirectory)))
                {
                    if (File.Exists(path))
                    {
                        other.AddFile(path);
                    }
                    else
                    {
                        other.AddDirectory(path);
                    }
                }

                loaded = other.Build();
            }

            if (!loaded.Succeeded)
            {
                MsBuildFormatter.Write(context.Out, loaded.Errors, p => p);
                context.Error.WriteLine($"doclint: {loaded.Errors.Length} rule error{(loaded.Errors.Length == 1 ? "" : "s")}; no example was run.");
                return ExitCodes.UsageOrConfigError;
            }

            // Rules under test, and every rule an example may name: the given ones first, then built-in ones.
            var underTest = loaded.RuleSet!.Rules;
            CompiledRule? Find(string id) => loaded.RuleSet!.Find(id) ?? embedded.Find(id);

            var passed = 0;
            var failed = 0;
            foreach (var rule in underTest)
            {
                foreach (var result in ExampleRunner.Run(rule, Find))
                {
                    if (result.Passed)
                    {
                        passed++;
                        continue;
                    }

                    failed++;
                    var location = result.Example.Location;
                    var path = RuleSetBuilder.IsEmbedded(location.Path) ? location.Path : Path.GetRelativePath(context.CurrentDirectory, location.Path);
                    context.Out.Write($"{path}({location.Position.Line + 1},{location.Position.Character + 1}): error {rule.Id}: example failed\n");
                    context.Out.Write($"    expected: {result.Example.Markup}\n");
                    context.Out.Write($"    actual:   {result.Actual}\n");
                }
            }

            context.Error.WriteLine($"{passed} passed, {failed} failed ({underTest.Length} rule{(underTest.Length == 1 ? "" : "s")})");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });
        return test;
    }
}
