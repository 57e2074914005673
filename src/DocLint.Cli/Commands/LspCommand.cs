using System.CommandLine;
using DocLint.Cli.Lsp;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint lsp</c>: the language server, over standard input and output.</summary>
internal static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lsp", "Run the language server (LSP 3.17) over standard input and output, for editors.");
        command.Options.Add(new Option<bool>("--stdio") { Description = "Talk over standard input and output (the only transport; accepted for editors that pass it)." });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = new LanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), new LanguageServerOptions
            {
                FallbackRoot = context.CurrentDirectory,
                Log = context.Error,
            });
            return await server.RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
