using System.CommandLine;

namespace DocLint.Cli.Commands;

/// <summary><c>doclint init</c>: writes a commented starter doclint.yaml in the working folder (never over an existing one).</summary>
internal static class InitCommand
{
    public const string FileName = "doclint.yaml";

    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing doclint.yaml." };
        var command = new Command("init", "Write a commented starter doclint.yaml in the current folder.");
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var path = Path.Combine(context.CurrentDirectory, FileName);
            if (File.Exists(path) && !parse.GetValue(force))
            {
                context.Error.WriteLine($"doclint: {FileName} already exists here; 'doclint init --force' overwrites it.");
                return ExitCodes.UsageOrConfigError;
            }

            File.WriteAllText(path, Starter, new System.Text.UTF8Encoding(false));
            context.Error.WriteLine($"Wrote {FileName}: every setting is commented out, so DocLint behaves as before until you change it. 'doclint config show FILE' shows what applies to a file.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every key of doclint.yaml, commented out, with what it does (docs/configuration.md has the details).</summary>
    public const string Starter = """
        # DocLint configuration. DocLint reads the doclint.yaml nearest to each file, then the ones above it
        # up to one with 'root: true'. Severities per rule may also come from .editorconfig
        # (dotnet_diagnostic.DL3001.severity = error). Reference: docs/configuration.md.
        root: true

        # Rule packs built into DocLint (sourcing DL1xxx, claims DL2xxx, tone DL3xxx, rights DL4xxx).
        # defaultRules: false

        # Folders of your own rule files (*.yaml), relative to this file.
        # rules: [house-rules]

        # Which files a folder or glob on the command line lints. A file named on the command line is
        # always linted. A .doclintignore file (gitignore syntax) also leaves files out.
        # include: ['articles/**']
        # exclude: ['**/drafts/**']

        # Exit with 1 on findings at or above this severity: error (the default), warning or suggestion.
        # failLevel: warning

        # Read other extensions with a built-in reader: plain, markdown or html.
        # readers:
        #   .mdx: markdown

        # Severity per rule id or category: error, warning, suggestion, silent, none or default.
        # severity:
        #   DL3001: error
        #   DL1003: none
        #   category-Tone: warning

        # Different severities for some files, chosen by glob or by front matter.
        # overrides:
        #   - files: ['opinion/**']
        #     severity: {category-Tone: none}
        #   - frontMatter: {genre: [opinion, editorial]}
        #     severity: {category-Tone: none}

        """;
}
