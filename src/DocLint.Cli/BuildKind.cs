using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using DocLint.Core.Reporting;

namespace DocLint.Cli;

/// <summary>
/// Which build of DocLint is running: the Native AOT binary (the tool packages for linux-x64, linux-arm64,
/// osx-arm64 and win-x64) or the JIT build (the 'any' package, <c>dotnet run</c>). The native publish sets the
/// <c>DocLint.NativeAot</c> switch (DocLint.Cli.csproj); <c>doclint --version</c> says which one it is.
/// </summary>
internal static class BuildKind
{
    public static bool IsNative => AppContext.TryGetSwitch("DocLint.NativeAot", out var native) && native;

    /// <summary>"doclint 0.2.83 (native, linux-x64)" or "doclint 0.2.83 (JIT, .NET 10.0.1, linux-x64)".</summary>
    public static string Describe() => IsNative
        ? $"doclint {ToolInfo.Version} (native, {RuntimeInformation.RuntimeIdentifier})"
        : $"doclint {ToolInfo.Version} (JIT, .NET {Environment.Version}, {RuntimeInformation.RuntimeIdentifier})";

    /// <summary>Makes <c>--version</c> print <see cref="Describe"/>.</summary>
    public static void DescribeOnVersion(RootCommand root, CliContext context)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(context);
        }
    }

    private sealed class PrintVersion(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine(Describe());
            return ExitCodes.Success;
        }
    }
}
