using System.CommandLine;
using DocLint.Core.Documents;
using DocLint.Core.Reporting.Inspection;
using DocLint.Core.Workspace;

namespace DocLint.Cli.Commands;

/// <summary>
/// <c>doclint inspect PATH...</c>: what rules see in each document (sentences, quotations, attributions and
/// who speaks where), as text for people or JSON for tools. The Syntax Visualizer of prose.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (searched recursively) and globs to inspect.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = "text (for people) or json (offsets in UTF-16 code units into the decoded text, as the json format of check gives them).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new ConfigOptions();
        var command = new Command("inspect", "Show what rules see in documents: blocks, sentences, quotations, attributions (cue, source, content) and the writer's voice.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        config.AddTo(command);
        command.SetAction(parse =>
        {
            var configuration = config.Load(parse, context);
            var readers = new Dictionary<string, string>(configuration.Readers, StringComparer.OrdinalIgnoreCase);
            var discovered = FileDiscovery.Expand(parse.GetValue(paths)!, context.CurrentDirectory);
            foreach (var problem in discovered.Problems)
            {
                context.Error.WriteLine($"doclint: {problem.Path}: {problem.Message}");
            }

            var documents = discovered.Files.Select(file => Read(file, Path.GetFullPath(file, context.CurrentDirectory), readers));
            if (parse.GetValue(format) == "json")
            {
                InspectionWriter.WriteJson(context.Out, documents);
            }
            else
            {
                foreach (var (path, document, problem) in documents)
                {
                    if (document is null)
                    {
                        context.Error.WriteLine($"doclint: {path}: {problem}");
                        continue;
                    }

                    InspectionWriter.WriteText(context.Out, path, document);
                }
            }

            return discovered.Problems.IsEmpty ? ExitCodes.Success : ExitCodes.UsageOrConfigError;
        });

        return command;
    }

    private static (string Path, Document? Document, string? Problem) Read(string path, string fullPath, IReadOnlyDictionary<string, string> readers)
    {
        try
        {
            var (document, problem) = DocumentFile.Read(path, File.ReadAllBytes(fullPath), readers);
            return (path, document, problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (path, null, $"cannot read file: {ex.Message}");
        }
    }
}
