namespace DocLint.Testing;

/// <summary>A test that needs POSIX (FIFOs, modes, owners, links, signals): reported as skipped elsewhere, never as a pass that checked nothing.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs POSIX file types, modes, links and signals";
        }
    }
}
