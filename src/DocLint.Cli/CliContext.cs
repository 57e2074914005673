namespace DocLint.Cli;

/// <summary>Everything the commands take from the process, so tests can run them in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string CurrentDirectory)
{
    /// <summary>Opens standard input as bytes (read only when a path is "-").</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static CliContext ForProcess() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory());
}
