using System.CommandLine;
using DocLint.Cli.Mcp;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint mcp</c>: the Model Context Protocol server, over standard input and output, for writing agents.</summary>
internal static class McpCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("mcp", "Run the Model Context Protocol server over standard input and output: tools to lint text and files, fix text, explain and list rules.");
        command.SetAction(async (parse, cancellationToken) =>
            await McpHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), new DocLintTools(context.CurrentDirectory), cancellationToken).ConfigureAwait(false));
        return command;
    }
}
