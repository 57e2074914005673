namespace DocLint.Core.Diagnostics;

/// <summary>The one order of output: path (ordinal), line, column, id, then end and message, so runs are identical.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Path, y.Path);
        if (c == 0)
        {
            c = x.LineSpan.Start.CompareTo(y.LineSpan.Start);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Id, y.Id);
        }

        if (c == 0)
        {
            c = x.LineSpan.End.CompareTo(y.LineSpan.End);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Message, y.Message);
        }

        return c;
    }
}
