namespace DocLint.Cli;

/// <summary>Everything the commands take from the process, so tests can run them in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string CurrentDirectory)
{
    /// <summary>Opens standard input as bytes (read only when a path is "-").</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>True when standard output is not a terminal (a pipe or a file): no colours, msbuild by default.</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>True when standard error is not a terminal (no progress line).</summary>
    public bool IsErrorRedirected { get; init; } = true;

    /// <summary>True when standard input is a pipe or a file (<c>doclint vale</c> with no path then reads it, as Vale does).</summary>
    public bool IsInputRedirected { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    public static CliContext ForProcess() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory())
    {
        IsOutputRedirected = Console.IsOutputRedirected,
        IsErrorRedirected = Console.IsErrorRedirected,
        IsInputRedirected = Console.IsInputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
