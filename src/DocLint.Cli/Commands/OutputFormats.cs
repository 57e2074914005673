using DocLint.Core.Reporting;
using DocLint.Core.Reporting.GitHub;
using DocLint.Core.Reporting.Json;
using DocLint.Core.Reporting.Sarif;
using DocLint.Core.Reporting.Text;

namespace DocLint.Cli.Commands;

/// <summary>The output formats by name, and how the default is chosen.</summary>
internal static class OutputFormats
{
    public const string MsBuild = "msbuild";
    public const string Pretty = "pretty";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";

    public static string[] Names { get; } = [MsBuild, Pretty, Json, Sarif, GitHub];

    /// <summary>
    /// With no --format: GitHub annotations plus the msbuild log inside GitHub Actions; pretty on a terminal;
    /// msbuild otherwise (pipes, files, CI logs).
    /// </summary>
    public static string[] Choose(string? requested, CliContext context)
    {
        if (requested is not null)
        {
            return [requested];
        }

        if (context.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            return [GitHub, MsBuild];
        }

        return context.IsOutputRedirected || context.GetEnvironmentVariable("TERM") == "dumb" ? [MsBuild] : [Pretty];
    }

    public static void Write(string format, TextWriter writer, Report report, bool color)
    {
        switch (format)
        {
            case Pretty:
                new PrettyReporter(color).Write(writer, report);
                break;
            case Json:
                JsonReporter.Write(writer, report);
                break;
            case Sarif:
                SarifReporter.Write(writer, report);
                break;
            case GitHub:
                GitHubReporter.Write(writer, report);
                break;
            default:
                MsBuildFormatter.Write(writer, report.Diagnostics, report.DisplayPath);
                break;
        }
    }

    /// <summary>Writes a format to a file, creating its folder; UTF-8 without a byte order mark, '\n' line ends.</summary>
    public static void WriteFile(string path, string format, Report report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        Write(format, writer, report, color: false);
    }
}
