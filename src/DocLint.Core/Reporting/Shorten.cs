namespace DocLint.Core.Reporting;

/// <summary>Text cut to a length for display, an ellipsis marking the cut.</summary>
internal static class Shorten
{
    public static string To(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
