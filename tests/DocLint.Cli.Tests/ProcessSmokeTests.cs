using System.Diagnostics;
using DocLint.Testing;

namespace DocLint.Cli.Tests;

/// <summary>A few runs of the real executable, to prove the process wiring (exit code, streams, encoding).</summary>
public class ProcessSmokeTests
{
    [Fact]
    public async Task The_real_process_prints_the_seeds_expected_output_and_exits_0()
    {
        var doclint = Path.Combine(AppContext.BaseDirectory, "doclint.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", doclint, "check", "seeds", "--relative-paths"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(ExitCodes.Success);
        (await output).Should().Be(string.Concat(Directory.EnumerateFiles(RepoPaths.Seeds, "*.expected").Order(StringComparer.Ordinal).Select(File.ReadAllText)));
        (await error).Should().MatchRegex(@"^30 warnings and 9 suggestions in 6 files \(\d+\.\d seconds\)\n$");
    }
}
