namespace DocLint.Testing;

/// <summary>Where the repository's own files are, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DocLint.sln not found above " + AppContext.BaseDirectory);
    }
}
