namespace DocLint.Core.Documents;

/// <summary>
/// The start of every reader's prose view: the source with every character but line breaks made a space, into which
/// a reader copies the prose it finds (docs/architecture.md, "The masked prose view").
/// </summary>
internal static class ProseView
{
    /// <summary>Replaces every character but line breaks with a space.</summary>
    public static void Blank(Span<char> chars) => Blank(chars, chars);

    /// <summary>
    /// Writes <paramref name="text"/> into <paramref name="chars"/> (as long, or the same span) with every character
    /// but line breaks a space: the start of every reader's prose view. The breaks are searched for and the runs
    /// between them filled, both vectorised.
    /// </summary>
    public static void Blank(ReadOnlySpan<char> text, Span<char> chars)
    {
        var at = 0;
        while (at < text.Length)
        {
            var next = text[at..].IndexOfAny('\n', '\r');
            var run = next < 0 ? text.Length - at : next;
            chars.Slice(at, run).Fill(' ');
            at += run;
            if (at < text.Length)
            {
                chars[at] = text[at];
                at++;
            }
        }
    }

    /// <summary>A new array holding <paramref name="text"/> blanked (<see cref="Blank(ReadOnlySpan{char}, Span{char})"/>), not zeroed first.</summary>
    public static char[] Blanked(string text)
    {
        var chars = GC.AllocateUninitializedArray<char>(text.Length);
        Blank(text, chars);
        return chars;
    }
}
