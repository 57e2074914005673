using System.Text;
using DocLint.Cli;

namespace DocLint.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a clock that reads 0.3 seconds per run.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string currentDirectory, params string[] args) => Run(currentDirectory, (byte[]?)null, args);

    public static Result Run(string currentDirectory, byte[]? stdin, params string[] args) => Run(currentDirectory, stdin, new Dictionary<string, string>(), args);

    /// <summary>Runs with these environment variables set (and no other).</summary>
    public static Result Run(string currentDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) => Run(currentDirectory, (byte[]?)null, environment, args);

    private static Result Run(string currentDirectory, byte[]? stdin, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, currentDirectory)
        {
            OpenStdin = () => new MemoryStream(stdin ?? []),
            Time = new SteppingClock(TimeSpan.FromMilliseconds(300)),
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
        };
        var code = DocLintApp.Run(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Each timestamp read is one step later than the last.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            var now = _ticks;
            _ticks += step.Ticks;
            return now;
        }
    }
}
